import { describe, expect, it } from 'vitest';
import { CasebotError } from '../../src/errors.js';
import { instrumentStore } from '../../src/metrics/instrumented-store.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';
import { RequestTracks, trackRequest } from '../../src/metrics/request-track.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { withholdQuestions } from '../../src/store/withhold-questions.js';
import { parseScrape, series } from './scrape.js';

const read = async (m: ReturnType<typeof createPrometheusMetrics>) => parseScrape(await m.render());
const requests = (platform: string, surface: string, outcome: string) =>
  series('casebot_requests_total', { platform, surface, outcome });

describe('Prometheus metrics', () => {
  it('keep one registry per app: two apps never share a count', async () => {
    const a = createPrometheusMetrics();
    const b = createPrometheusMetrics();
    a.request('slack', 'command', 'answered');
    expect((await read(a)).get(requests('slack', 'command', 'answered'))).toBe(1);
    expect((await read(b)).get(requests('slack', 'command', 'answered'))).toBeUndefined();
  });

  it('map any label value outside the fixed sets to a fixed one', async () => {
    const m = createPrometheusMetrics();
    m.request('evil"}' as never, 'C12345' as never, 'x' as never);
    m.storeError('DROP TABLE');
    const scraped = await read(m);
    expect(scraped.get(requests('console', 'other', 'error'))).toBe(1);
    expect(scraped.get(series('casebot_store_errors_total', { operation: 'other' }))).toBe(1);
  });

  it('start the series that alerts rely on at zero', async () => {
    const scraped = await read(createPrometheusMetrics());
    expect(scraped.get(series('casebot_tips_total', { platform: 'teams', result: 'failed' }))).toBe(
      0,
    );
    expect(scraped.get(series('casebot_store_errors_total', { operation: 'recordMiss' }))).toBe(0);
    expect(scraped.get(series('casebot_casebook_reloads_total', { result: 'failure' }))).toBe(0);
  });
});

describe('request tracks', () => {
  it('count one outcome per request, when it ends; a failure wins over an answer', async () => {
    const m = createPrometheusMetrics();
    let clock = 0;
    const t = trackRequest(m, 'teams', 'dm', () => clock);
    clock = 250;
    t.answered('answered');
    t.answered('no_match');
    t.failed();
    t.end();
    t.end();
    const scraped = await read(m);
    expect(scraped.get(requests('teams', 'dm', 'error'))).toBe(1);
    expect(scraped.get(requests('teams', 'dm', 'answered'))).toBeUndefined();
    const sum = series('casebot_answer_duration_seconds_sum', { platform: 'teams' });
    expect(scraped.get(sum)).toBe(0.25);
  });

  it('count nothing for a request with no answer and no failure', async () => {
    const m = createPrometheusMetrics();
    const tracks = new RequestTracks(m, 'slack');
    tracks.begin('r1', 'home');
    tracks.end('r1');
    expect([...(await read(m)).keys()].filter((k) => k.startsWith('casebot_requests'))).toEqual([]);
  });

  it('find a request by id until its last holder ends it', async () => {
    const m = createPrometheusMetrics();
    const tracks = new RequestTracks(m, 'slack');
    tracks.begin('same', 'command');
    tracks.begin('same', 'command');
    tracks.answered('same', 'did_you_mean');
    tracks.end('same');
    expect((await read(m)).get(requests('slack', 'command', 'did_you_mean'))).toBeUndefined();
    tracks.end('same');
    tracks.answered('same', 'answered');
    expect((await read(m)).get(requests('slack', 'command', 'did_you_mean'))).toBe(1);
  });
});

describe('instrumented store', () => {
  it('counts failed operations by name, not a claim another replica won, and votes', async () => {
    const m = createPrometheusMetrics();
    const memory = new MemoryStore();
    const failing = Object.assign(Object.create(memory) as MemoryStore, {
      recordMiss: async () => {
        throw new CasebotError('store_unavailable', 'down');
      },
      confirmTip: async () => {
        throw new CasebotError('tip_claim_lost', 'taken');
      },
    });
    const store = instrumentStore(failing, m);
    await expect(store.recordMiss({ query: 'x', lang: 'en', at: new Date() })).rejects.toThrow(
      'down',
    );
    await expect(
      store.confirmTip({ subscriptionId: 's', day: 'd', seq: 1, token: 't' }, 'tip', new Date()),
    ).rejects.toThrow('taken');
    const vote = { platform: 'slack', caseId: 'edge', query: 'q', userId: 'U1', at: new Date() };
    await store.recordFeedback({ ...vote, helpful: false });
    expect(store.kind).toBe('memory');
    const scraped = await read(m);
    expect(scraped.get(series('casebot_store_errors_total', { operation: 'recordMiss' }))).toBe(1);
    expect(scraped.get(series('casebot_store_errors_total', { operation: 'confirmTip' }))).toBe(0);
    expect(scraped.get(series('casebot_feedback_total', { vote: 'not_helpful' }))).toBe(1);
  });
});

describe('STATS_KEEP_QUESTIONS=off', () => {
  it('records misses without their text and votes without their question', async () => {
    const memory = new MemoryStore();
    const store = withholdQuestions(memory);
    const at = new Date('2025-01-01T00:00:00Z');
    await store.recordMiss({ query: 'our secret project', lang: 'en', at });
    const vote = { platform: 'slack', caseId: 'edge', userId: 'U1', at };
    await store.recordFeedback({ ...vote, query: 'secret one', helpful: true });
    await store.recordFeedback({ ...vote, query: 'secret two', helpful: false });
    expect(await memory.topMisses()).toEqual([
      { query: null, count: 1, firstSeen: at, lastSeen: at },
    ]);
    expect((await memory.stats()).feedback).toEqual([
      { caseId: 'edge', helpful: 0, notHelpful: 1 },
    ]);
    expect(JSON.stringify(await memory.stats())).not.toContain('secret');
  });
});
