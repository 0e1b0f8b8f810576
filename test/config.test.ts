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
