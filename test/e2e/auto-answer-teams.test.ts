import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Clock,
  clock,
  metric,
  type Platforms,
  type RunningCasebot,
  standIns,
  startCasebot,
  teamsFixture,
} from '../helpers/auto-answer-app.js';
import { CHATTER, FOLLOW_UP, QUESTION, THANKS } from '../helpers/channel-messages.js';
import { createTestSchema, TEST_DATABASE_URL } from '../store/pg-schema.js';

/**
 * Answering without a mention on Teams, end to end: activities as Teams delivers them with
 * resource-specific consent (channel messages without a mention), the reply in the message's
 * reply chain, *Not helpful* deleting it at a stand-in Bot Framework connector.
 */
const T0 = new Date('2026-01-05T09:00:00Z');
const CHANNEL = '19:9a1f0c3e8d7b4c2a9e6f5d4c3b2a1f0e@thread.tacv2';

let dir: string;
let platforms: Platforms;
let time: Clock;
let bot: RunningCasebot;
let n = 0;

/** A channel message; `root` is the first message of its reply chain (itself when top-level). */
function post(text: string, options: { root?: string; mention?: boolean } = {}) {
  n += 1;
  const id = `17500000000${String(n).padStart(2, '0')}`;
  const base = teamsFixture('channel-mention');
  const entities = (base.entities as { type: string }[]).filter(
    (e) => options.mention || e.type !== 'mention',
  );
  return {
    ...base,
    id,
    text: options.mention ? `<at>casebot</at> ${text}` : text,
    timestamp: time.now().toISOString(),
    entities,
    conversation: {
      ...(base.conversation as object),
      id: `${CHANNEL};messageid=${options.root ?? id}`,
    },
  };
}

const sent = () => platforms.teams.filter((r) => r.method === 'POST');
const deleted = () => platforms.teams.filter((r) => r.method === 'DELETE');
const cardText = (i: number) => JSON.stringify(sent()[i]?.body.attachments ?? []);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-auto-teams-'));
  platforms = standIns();
  time = clock(T0);
  bot = await startCasebot({
    databaseUrl: `sqlite:${path.join(dir, 'casebot.db')}`,
    clock: time,
    maxPerHour: 2,
  });
});
afterAll(async () => {
  await bot?.stop();
  nock.cleanAll();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  platforms.reset();
  time.advance(2 * 3600_000);
});

describe('auto-answer on Teams', () => {
  it('leaves the channel alone until @casebot auto on, announced in the channel', async () => {
    await bot.teams(post(QUESTION));
    expect(sent()).toEqual([]);
    const on = post('auto on', { mention: true });
    await bot.teams(on);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.path).toBe(
      `/v3/conversations/${CHANNEL};messageid=${on.id}/activities/${on.id}`,
    );
    expect(cardText(0)).toContain('Turned on by Wei Zhang');
    expect(cardText(0)).toContain('@casebot auto off');
    expect(cardText(0)).toContain('2 per hour');
  });

  it('answers a question in its reply chain, small, and leaves chatter and bots alone', async () => {
    const asked = post(QUESTION);
    await bot.teams(asked);
    await bot.teams(post(CHATTER));
    await bot.teams({ ...post(QUESTION), from: { id: '28:other-bot', name: 'otherbot' } });
    const old = post(QUESTION);
    await bot.teams({ ...old, timestamp: new Date(time.now().getTime() - 301_000).toISOString() });
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.path).toBe(
      `/v3/conversations/${CHANNEL};messageid=${asked.id}/activities/${asked.id}`,
    );
    expect(cardText(0)).toContain('E-commerce platform');
    expect(cardText(0)).toContain('Show the case');
    expect(cardText(0)).toContain('Not helpful');
    expect(cardText(0)).not.toContain('Concurrent throughput');
    const scraped = await bot.metrics();
    expect(
      metric(scraped, 'casebot_unprompted_total', { platform: 'teams', decision: 'answered' }),
    ).toBe(1);
    expect(
      metric(scraped, 'casebot_unprompted_total', {
        platform: 'teams',
        decision: 'not-a-question',
      }),
    ).toBe(1);
  });

  it('leaves alone a question put to a colleague and a stand-up typed on several lines, plain or HTML', async () => {
    const alice = {
      mentioned: { id: '29:1Yk8aLm2Pq4Rs6Tu8Vw0Xy2Za4Bc6De8Fg0Hi2Jk4L', name: 'Alice Chen' },
      text: '<at>Alice Chen</at>',
      type: 'mention',
    };
    const toAlice = post(`<at>Alice Chen</at> ${QUESTION}`);
    await bot.teams({ ...toAlice, entities: [...toAlice.entities, alice] });
    const lines = [
      'yesterday: KEDA scaler for checkout',
      'today: load test',
      `blockers: ${QUESTION}`,
    ];
    await bot.teams(post(lines.join('\n')));
    await bot.teams({ ...post(lines.map((l) => `<p>${l}</p>`).join('')), textFormat: 'xml' });
    expect(sent()).toEqual([]);
    // The same question on its own is answered.
    await bot.teams(post(QUESTION));
    expect(sent()).toHaveLength(1);
  });

  it('takes Not helpful as a 👎 and a miss, and deletes the card it was pressed on', async () => {
    const asked = post(QUESTION);
    await bot.teams(asked);
    const card = 'card-from-teams-1';
    const submit = {
      ...teamsFixture('submit-feedback'),
      timestamp: time.now().toISOString(),
      conversation: {
        ...(post('').conversation as object),
        id: `${CHANNEL};messageid=${asked.id}`,
      },
      replyToId: card,
      value: { casebot: 'dismiss', caseId: 'ecommerce', query: QUESTION, lang: 'en' },
    };
    await bot.teams(submit);
    expect(deleted().map((d) => d.path)).toEqual([
      `/v3/conversations/${CHANNEL};messageid=${asked.id}/activities/${card}`,
    ]);
    expect(sent()).toHaveLength(1); // the answer; nothing more for the press
    const feedback = (await bot.app.store.stats()).feedback;
    expect(feedback).toEqual([{ caseId: 'ecommerce', helpful: 0, notHelpful: 1 }]);
    expect((await bot.app.store.topMisses()).map((m) => m.query)).toContain(QUESTION.toLowerCase());
    expect(
      metric(await bot.metrics(), 'casebot_unprompted_dismissed_total', { platform: 'teams' }),
    ).toBe(1);
  });

  it('shows the whole case in the reply chain when Show the case is pressed', async () => {
    const asked = post(QUESTION);
    await bot.teams(asked);
    await bot.teams({
      ...teamsFixture('submit-feedback'),
      timestamp: time.now().toISOString(),
      conversation: {
        ...(post('').conversation as object),
        id: `${CHANNEL};messageid=${asked.id}`,
      },
      replyToId: 'card-1',
      value: { casebot: 'show', caseId: 'ecommerce', section: null, lang: 'en' },
    });
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.path).toContain(`;messageid=${asked.id}/activities/`);
    expect(cardText(1)).toContain('Concurrent throughput');
    expect(deleted()).toEqual([]);
  });

  it('follows up in the reply chain from the thread’s case; a reply that asks nothing gets nothing', async () => {
    const asked = post(QUESTION);
    await bot.teams(asked);
    await bot.teams(post(THANKS, { root: asked.id }));
    expect(sent()).toHaveLength(1);
    const followUp = post(FOLLOW_UP, { root: asked.id });
    await bot.teams(followUp);
    expect(sent()).toHaveLength(2);
    expect(sent()[1]!.path).toBe(
      `/v3/conversations/${CHANNEL};messageid=${asked.id}/activities/${followUp.id}`,
    );
    expect(cardText(1)).toMatch(/10×|99\.99%/);
  });

  it('keeps to the hourly cap', async () => {
    for (let i = 0; i < 3; i++) await bot.teams(post(QUESTION));
    expect(sent()).toHaveLength(2);
    time.advance(3600_000);
    await bot.teams(post(QUESTION));
    expect(sent()).toHaveLength(3);
  });

  it('answers a mention once, with the whole card, and stops after @casebot auto off', async () => {
    await bot.teams(post(QUESTION, { mention: true }));
    expect(sent()).toHaveLength(1);
    // The mention's full answer (with its feedback row), not the small one.
    expect(cardText(0)).toContain('Was this helpful?');
    expect(cardText(0)).not.toContain('Not helpful');
    await bot.teams(post('auto off', { mention: true }));
    await bot.teams(post(QUESTION));
    expect(sent()).toHaveLength(2);
  });

  it('keeps the mode over a restart (the SQLite file opened again)', async () => {
    await bot.teams(post('auto on', { mention: true }));
    await bot.stop();
    bot = await startCasebot({
      databaseUrl: `sqlite:${path.join(dir, 'casebot.db')}`,
      clock: time,
      maxPerHour: 2,
    });
    await bot.teams(post(QUESTION));
    expect(sent()).toHaveLength(2);
    expect(cardText(1)).toContain('Not helpful');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('auto-answer on Teams, two replicas on PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let a: RunningCasebot;
  let b: RunningCasebot;
  afterEach(async () => {
    await a?.stop();
    await b?.stop();
    await schema?.drop();
  });

  it('answers a message delivered to both replicas once', async () => {
    schema = await createTestSchema(TEST_DATABASE_URL!);
    a = await startCasebot({ databaseUrl: schema.url, clock: time });
    b = await startCasebot({ databaseUrl: schema.url, clock: time });
    await a.teams(post('auto on', { mention: true }));
    const asked = post(QUESTION);
    await Promise.all([a.teams(asked), b.teams(asked)]);
    expect(sent()).toHaveLength(2); // the announcement, then one answer
  });
});
