import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('TEAMS_DEV_SERVICE_URL', () => {
  it('pins the origin Teams without credentials replies to', () => {
    expect(loadConfig({ TEAMS_DEV_SERVICE_URL: 'http://localhost:56150/' }).teams).toEqual({
      devServiceUrl: 'http://localhost:56150',
    });
    expect(loadConfig({}).teams).toEqual({});
  });

  it.each([
    'http://localhost:56150/v3',
    'http://localhost:56150/?x=1',
    'http://user@localhost:56150',
    'http://2130706433:56150',
    'http://0x7f000001:56150',
    'localhost:56150',
  ])('refuses %s: an origin only', (value) => {
    expect(() => loadConfig({ TEAMS_DEV_SERVICE_URL: value })).toThrow(
      /TEAMS_DEV_SERVICE_URL: must be an origin only/,
    );
  });

  it('is ignored, with a note, when Teams has credentials', () => {
    const config = loadConfig({
      TEAMS_DEV_SERVICE_URL: 'http://localhost:56150',
      MICROSOFT_APP_ID: '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
    });
    expect(config.teams).not.toHaveProperty('devServiceUrl');
    expect(config.notes).toContain('TEAMS_DEV_SERVICE_URL is ignored: Teams has credentials.');
  });
});

describe('NODE_ENV=production', () => {
  it('turns off Teams without credentials (the loopback mode), with a note saying why', () => {
    const config = loadConfig({ NODE_ENV: 'production' });
    expect(config.teams).toBeNull();
    expect(config.server.production).toBe(true);
    expect(config.notes).toContain(
      'Teams is off: NODE_ENV=production and MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD are not set.',
    );
    expect(
      loadConfig({ NODE_ENV: 'production', TEAMS_DEV_SERVICE_URL: 'http://localhost:56150' }).teams,
    ).toBeNull();
  });

  it('leaves the loopback mode on anywhere else, and Teams with credentials on in production', () => {
    for (const NODE_ENV of ['development', 'test', 'prod']) {
      expect(loadConfig({ NODE_ENV }).teams, NODE_ENV).toEqual({});
    }
    const config = loadConfig({
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: '4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TYPE: 'MultiTenant',
    });
    expect(config.teams?.credentials?.appId).toBe('4c7b9e2a-1d3f-4e5a-8b6c-7d8e9f0a1b2c');
  });
});

describe('METRICS and STATS_KEEP_QUESTIONS', () => {
  it('are on unless switched off', () => {
    const config = loadConfig({});
    expect(config.metrics).toBe(true);
    expect(config.statsKeepQuestions).toBe(true);
    const off = loadConfig({ METRICS: 'off', STATS_KEEP_QUESTIONS: 'false' });
    expect(off.metrics).toBe(false);
    expect(off.statsKeepQuestions).toBe(false);
  });

  it('refuse anything but on/off, both listed at once', () => {
    expect(() => loadConfig({ METRICS: 'yes', STATS_KEEP_QUESTIONS: 'maybe' })).toThrow(
      /2 problem\(s\)[\s\S]*METRICS[\s\S]*STATS_KEEP_QUESTIONS/,
    );
  });

  it('are documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    expect(example).toMatch(/^METRICS=on$/m);
    expect(example).toMatch(/^STATS_KEEP_QUESTIONS=on$/m);
  });
});

describe('EMBEDDINGS_*', () => {
  it('leave semantic search off unless EMBEDDINGS_URL is set', () => {
    expect(loadConfig({}).embeddings).toBeNull();
    const config = loadConfig({ EMBEDDINGS_MODEL: 'text-embedding-3-small' });
    expect(config.embeddings).toBeNull();
    expect(config.notes).toContain('Semantic search is off: EMBEDDINGS_URL is not set.');
  });

  it('switch it on with a short budget and the similarity threshold by default', () => {
    const config = loadConfig({
      EMBEDDINGS_URL: 'http://localhost:11434/v1',
      EMBEDDINGS_MODEL: 'nomic-embed-text',
    });
    expect(config.embeddings).toEqual({
      url: 'http://localhost:11434/v1',
      model: 'nomic-embed-text',
      apiKey: undefined,
      timeoutMs: 800,
      minSimilarity: 0.5,
    });
  });

  it('need a model with the URL, listed with every other problem at once', () => {
    expect(() =>
      loadConfig({
        EMBEDDINGS_URL: 'https://api.openai.com/v1',
        EMBEDDINGS_TIMEOUT_MS: 'soon',
        EMBEDDINGS_MIN_SIMILARITY: '2',
        METRICS: 'yes',
      }),
    ).toThrow(
      /4 problem\(s\)[\s\S]*METRICS[\s\S]*EMBEDDINGS_TIMEOUT_MS[\s\S]*EMBEDDINGS_MIN_SIMILARITY[\s\S]*EMBEDDINGS_MODEL: Required/,
    );
    expect(() =>
      loadConfig({ EMBEDDINGS_URL: 'ftp://models.example.com', EMBEDDINGS_MODEL: 'm' }),
    ).toThrow(/EMBEDDINGS_URL/);
  });

  it('are documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of [
      'EMBEDDINGS_URL',
      'EMBEDDINGS_MODEL',
      'EMBEDDINGS_API_KEY',
      'EMBEDDINGS_TIMEOUT_MS',
      'EMBEDDINGS_MIN_SIMILARITY',
    ]) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });
});

describe('CASES_URL', () => {
  it('is off by default; set, it loses its trailing slashes', () => {
    expect(loadConfig({}).casesUrl).toBeNull();
    expect(
      loadConfig({ CASES_URL: 'https://git.example.com/team/casebook/-/blob/main/cases/' })
        .casesUrl,
    ).toBe('https://git.example.com/team/casebook/-/blob/main/cases');
  });

  it.each(['cases/', 'ftp://git.example.com/cases', 'https://'])('refuses %s', (value) => {
    expect(() => loadConfig({ CASES_URL: value })).toThrow(/CASES_URL/);
  });

  it('is documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    expect(example).toMatch(/^# CASES_URL=https:\/\//m);
  });
});

describe('EXPERTS_CHANNEL, DIGEST_*, STALE_AFTER_DAYS', () => {
  it('default to no channels, Monday 09:00 UTC and 180 days', () => {
    const config = loadConfig({});
    expect(config.people).toEqual({ experts: {}, staleAfterDays: 180 });
    expect(config.digest).toEqual({
      channels: {},
      schedule: { weekday: 1, time: '09:00', timeZone: 'UTC' },
    });
  });

  it('take a Slack and a Teams channel, a schedule in any case and a zone', () => {
    const config = loadConfig({
      EXPERTS_CHANNEL: 'C0EXPERTS, 19:abc-123_x@thread.tacv2',
      DIGEST_CHANNEL: 'G0PRIVATE',
      DIGEST_SCHEDULE: 'fri 7:30',
      DIGEST_TZ: 'europe/berlin',
      STALE_AFTER_DAYS: '90',
    });
    expect(config.people).toEqual({
      experts: { slack: 'C0EXPERTS', teams: '19:abc-123_x@thread.tacv2' },
      staleAfterDays: 90,
    });
    expect(config.digest).toEqual({
      channels: { slack: 'G0PRIVATE' },
      schedule: { weekday: 5, time: '07:30', timeZone: 'Europe/Berlin' },
    });
  });

  it('refuse what is not a channel, a weekly time or a zone, all listed at once', () => {
    expect(() =>
      loadConfig({
        EXPERTS_CHANNEL: '#experts',
        DIGEST_CHANNEL: 'C0ONE,C0TWO',
        DIGEST_SCHEDULE: 'every monday',
        DIGEST_TZ: 'Mars/Olympus',
        STALE_AFTER_DAYS: '0',
      }),
    ).toThrow(
      /5 problem\(s\)[\s\S]*EXPERTS_CHANNEL: "#experts" is not a Slack channel id[\s\S]*DIGEST_CHANNEL: two slack channels[\s\S]*DIGEST_SCHEDULE: "every monday" is not a weekday and a 24-hour time[\s\S]*DIGEST_TZ: "Mars\/Olympus" is not an IANA time zone[\s\S]*STALE_AFTER_DAYS/,
    );
    expect(() => loadConfig({ DIGEST_SCHEDULE: 'Monday 24:00' })).toThrow(/DIGEST_SCHEDULE/);
  });

  it('are documented in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of [
      'EXPERTS_CHANNEL',
      'DIGEST_CHANNEL',
      'DIGEST_SCHEDULE',
      'DIGEST_TZ',
      'STALE_AFTER_DAYS',
    ]) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    }
  });
});
