import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/store/store.js';
import { type Activity, fixture, type Harness, SERVICE_URL, startTeams } from './harness.js';

/**
 * botbuilder's connector client retries a failed call by itself (a 5xx, a reset connection, a
 * timeout: three more times). For a post, that is a second copy in the channel whenever the
 * first one did arrive. casebot posts once: only a failure that proves the connector took
 * nothing is tried again, and an apology goes out only when no answer did.
 */
const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

type Failure =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | { readonly error: string };

/** A stand-in connector that answers each post with the next failure, then with 200. */
function flakyConnector(...failures: Failure[]): { sent: Activity[] } {
  const sent: Activity[] = [];
  nock(SERVICE_URL)
    .persist()
    .post(/^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/)
    .reply((_uri, body, callback) => {
      const failure = failures.shift();
      if (failure && 'error' in failure && failure.error === 'ECONNREFUSED') {
        return callback(
          Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
          [0, ''],
        );
      }
      sent.push(body as Activity);
      if (!failure) return callback(null, [200, { id: `a-${sent.length}` }]);
      if ('error' in failure) {
        return callback(Object.assign(new Error('socket hang up'), { code: failure.error }), [
          0,
          '',
        ]);
      }
      callback(null, [failure.status, (failure.body ?? '') as nock.Body, failure.headers ?? {}]);
    });
  return { sent };
}

const isApology = (a: Activity) => JSON.stringify(a).includes('request id');

let teams: Harness;
let sub: Subscription;
beforeAll(async () => {
  teams = await startTeams();
  flakyConnector();
  await teams.post({ ...fixture('channel-mention'), text: '<at>casebot</at> subscribe 08:00 UTC' });
  nock.cleanAll();
  sub = (await teams.store.getSubscription('teams', CHANNEL))!;
});
afterAll(() => teams.close());
afterEach(() => nock.cleanAll());

const MAYBE_DELIVERED: [string, Failure][] = [
  ['answers 500', { status: 500, body: { error: { code: 'ServiceError' } } }],
  ['answers 502', { status: 502, body: 'bad gateway' }],
  ['resets the connection after reading the message', { error: 'ECONNRESET' }],
];

describe('Teams posts that may have arrived are not posted again', () => {
  it.each(MAYBE_DELIVERED)('a daily tip, when the connector %s', async (_what, failure) => {
    const { sent } = flakyConnector(failure);
    const tip = teams.core.catalog.tips[0]!;
    await expect(teams.adapter.tipSender.send(sub, tip)).rejects.toMatchObject({
      code: 'delivery_unknown',
    });
    expect(sent).toHaveLength(1);
  });

  it.each(MAYBE_DELIVERED)(
    'a mention, when the connector %s: one answer, no apology',
    async (_what, failure) => {
      const { sent } = flakyConnector(failure);
      const res = await teams.post(fixture('channel-mention'));
      expect(res.status).toBeLessThan(500);
      expect(sent).toHaveLength(1);
      expect(sent.filter(isApology)).toHaveLength(0);
    },
  );
});

describe('Teams posts the connector certainly did not take', () => {
  it('a mention whose answer the connector refuses (400) gets one apology', async () => {
    const { sent } = flakyConnector({ status: 400, body: { error: { code: 'BadArgument' } } });
    await teams.post(fixture('channel-mention'));
    expect(sent).toHaveLength(2);
    expect(sent.filter(isApology)).toHaveLength(1);
  });

  it('a refused connection is tried again: the answer arrives once', async () => {
    const { sent } = flakyConnector({ error: 'ECONNREFUSED' });
    await teams.post(fixture('channel-mention'));
    expect(sent).toHaveLength(1);
    expect(sent.filter(isApology)).toHaveLength(0);
  });
});
