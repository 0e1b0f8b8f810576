import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { encodeAction } from '../../src/render/blockkit-actions.js';
import type { ApiCall } from '../adapters/slack/harness.js';
import {
  BOT_USER,
  type Clock,
  clock,
  metric,
  type Platforms,
  type RunningCasebot,
  standIns,
  startCasebot,
} from '../helpers/auto-answer-app.js';
import {
  CHATTER,
  FOLLOW_UP,
  FOLLOW_UP_ZH,
  QUESTION,
  QUESTION_ZH,
  THANKS,
} from '../helpers/channel-messages.js';
import { createTestSchema, TEST_DATABASE_URL } from '../store/pg-schema.js';

/**
 * Answering without a mention on Slack, end to end: signed events into the real server, the
 * decision in the core, answers and deletions at a stand-in Web API.
 */
const T0 = new Date('2026-01-05T09:00:00Z');
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

let dir: string;
let platforms: Platforms;
let time: Clock;
let bot: RunningCasebot;
let n = 0;
/** Every log line, at every level down to debug. */
const logged: { level: number; line: string }[] = [];
const logger = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        logged.push({ level: (JSON.parse(line) as { level: number }).level, line });
      }
      done();
    },
  }),
});

/** A `message` event as Slack sends it for a channel the bot is in. */
function message(text: string, extra: Record<string, unknown> = {}) {
  n += 1;
  const ts = `${seconds(time.now())}.${String(n).padStart(6, '0')}`;
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvAUTO${n}`,
    event_time: seconds(time.now()),
    event: {
      type: 'message',
      channel: 'C1',
      channel_type: 'channel',
      user: 'U1',
      text,
      ts,
      ...extra,
    },
  };
}
const tsOf = (body: ReturnType<typeof message>) => body.event.ts;

const posts = () => platforms.slack['chat.postMessage'] ?? [];
const blocksText = (call: ApiCall | undefined) => JSON.stringify(call?.blocks ?? []);
const buttonOf = (call: ApiCall, label: string) => {
  type Element = { type: string; text?: { text: string }; action_id: string; value: string };
  const buttons = (call.blocks ?? [])
    .flatMap((b) => (b.elements as Element[] | undefined) ?? [])
    .filter((e) => e.type === 'button');
  const found = buttons.find((e) => e.text?.text.includes(label));
  if (!found) throw new Error(`no "${label}" button in ${blocksText(call)}`);
  return { action_id: found.action_id, value: found.value };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'casebot-auto-'));
  platforms = standIns();
  time = clock(T0);
  bot = await startCasebot({
    databaseUrl: `sqlite:${path.join(dir, 'casebot.db')}`,
    clock: time,
    maxPerHour: 3,
    logger,
  });
});
afterAll(async () => {
  await bot?.stop();
  nock.cleanAll();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  platforms.reset();
  // Each test in an hour of its own: the cap of one does not reach into the next.
  time.advance(2 * 3600_000);
});

describe('auto-answer on Slack', () => {
  it('leaves a channel alone until someone turns auto-answer on, which everyone sees', async () => {
    await bot.event(message(QUESTION));
    expect(posts()).toEqual([]);

    const status = await bot.slash('auto');
    expect(status.response_type).toBe('ephemeral');
    expect(JSON.stringify(status.blocks)).toContain('only when asked');

    const on = await bot.slash('auto on', 'C1', 'U0AUTO7');
    expect(on.response_type).toBe('in_channel');
    const text = JSON.stringify(on.blocks);
    expect(text).toContain('<@U0AUTO7>');
    expect(text).toContain('3 per hour');
    expect(text).toContain('/case auto off');
    expect(text).toMatch(/never replies to chatter/);
    expect(text).toMatch(/neither stored nor logged/);
  });

  it('answers a question in its thread, small, and leaves chatter alone', async () => {
    const asked = message(QUESTION);
    await bot.event(asked);
    await bot.event(message(CHATTER));
    expect(posts()).toHaveLength(1);
    const reply = posts()[0]!;
    expect(reply).toMatchObject({ channel: 'C1', thread_ts: tsOf(asked) });
    expect(blocksText(reply)).toContain('E-commerce platform');
    expect(blocksText(reply)).toContain('Show the case');
    expect(blocksText(reply)).toContain('Not helpful');
    // Small: the case, the figure, why, two buttons; the full card is one click away.
    expect(reply.blocks?.length).toBeLessThanOrEqual(5);
    expect(blocksText(reply)).not.toContain('Concurrent throughput');

    const zh = message(QUESTION_ZH);
    await bot.event(zh);
    expect(posts()[1]).toMatchObject({ thread_ts: tsOf(zh) });
    expect(blocksText(posts()[1])).toContain('电商平台');

    const scraped = await bot.metrics();
    const count = (decision: string) =>
      metric(scraped, 'casebot_unprompted_total', { platform: 'slack', decision });
    expect(count('answered')).toBe(2);
    expect(count('not-a-question')).toBe(1);
  });

  it('neither stores nor logs (above debug) what it does not answer', async () => {
    const secret = 'paging oncall: the payroll-db-7 password rotation failed again';
    await bot.event(message(secret));
    await bot.event(message(`${secret}?`));
    await bot.event(message(CHATTER, { thread_ts: '1111.000001' }));
    expect(posts()).toEqual([]);
    const database = readdirSync(dir)
      .map((f) => readFileSync(path.join(dir, f)).toString('utf8'))
      .join('');
    expect(database).not.toContain('payroll');
    expect(database).not.toContain('staging now');
    const INFO = 30;
    const above = logged.filter((l) => l.level >= INFO).map((l) => l.line);
    expect(above.join('\n')).not.toMatch(/payroll|staging now/);
    // Its decision is logged at debug, without the text either.
    const debug = logged.filter((l) => l.line.includes('unprompted message'));
    expect(debug.length).toBeGreaterThan(0);
    expect(debug.map((l) => l.line).join('\n')).not.toMatch(/payroll|staging now/);
  });

  it('answers a message that mentions casebot once, by the mention', async () => {
    const body = message(`<@${BOT_USER}> ${QUESTION}`);
    const mention = {
      ...body,
      event_id: `${body.event_id}-mention`,
      event: { ...body.event, type: 'app_mention', channel_type: undefined },
    };
    await Promise.all([bot.event(body), bot.event(mention)]);
    expect(posts()).toHaveLength(1);
    // The mention's full answer (with its feedback row), not the small one.
    expect(blocksText(posts()[0])).toContain('Was this helpful?');
    expect(blocksText(posts()[0])).not.toContain('Not helpful');
  });

  it('never answers bots, itself, edits, deletions or messages older than 5 minutes', async () => {
    await bot.event(message(QUESTION, { bot_id: 'B0OTHER', user: 'U0OTHERBOT' }));
    await bot.event(message(QUESTION, { user: BOT_USER }));
    await bot.event(message(QUESTION, { subtype: 'message_changed' }));
    await bot.event(message(QUESTION, { subtype: 'message_deleted' }));
    const old = message(QUESTION);
    old.event.ts = `${seconds(time.now()) - 301}.000001`;
    await bot.event(old);
    expect(posts()).toEqual([]);
  });

  it('takes Not helpful as a 👎 and a miss, and deletes the reply for everyone', async () => {
    const asked = message(QUESTION);
    await bot.event(asked);
    const reply = posts()[0]!;
    const ts = '1800000000.000099';
    await bot.click(buttonOf(reply, 'Not helpful'), { ts, thread_ts: tsOf(asked) });
    expect(platforms.slack['chat.delete']).toEqual([
      expect.objectContaining({ channel: 'C1', ts }),
    ]);
    const stats = await bot.app.store.stats();
    expect(stats.feedback).toEqual([{ caseId: 'ecommerce', helpful: 0, notHelpful: 1 }]);
    expect((await bot.app.store.topMisses()).map((m) => m.query)).toContain(QUESTION.toLowerCase());
    expect(
      metric(await bot.metrics(), 'casebot_unprompted_dismissed_total', { platform: 'slack' }),
    ).toBe(1);
    // Only the presser hears back, in the thread: thanks, and the question can go to a person.
    const [thanks] = platforms.slack.response_url ?? [];
    expect(thanks).toMatchObject({ response_type: 'ephemeral', thread_ts: tsOf(asked) });
    expect(blocksText(thanks)).toContain('Ask a person');
    // No follow-ups in a thread whose answer was not helpful.
    await bot.event(message(FOLLOW_UP, { thread_ts: tsOf(asked) }));
    expect(posts()).toHaveLength(1);
  });

  it('shows the whole case privately to whoever presses Show the case, in the thread', async () => {
    const asked = message(QUESTION);
    await bot.event(asked);
    const reply = posts()[0]!;
    await bot.click(buttonOf(reply, 'Show the case'), {
      ts: '1800000000.000098',
      thread_ts: tsOf(asked),
    });
    // Through the button's response_url: only the presser sees it, in the reply's thread.
    const [shown] = platforms.slack.response_url ?? [];
    expect(shown).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      thread_ts: tsOf(asked),
    });
    expect(blocksText(shown)).toContain('Concurrent throughput');
    expect(blocksText(shown)).toContain('Was this helpful?');
    expect(posts()).toHaveLength(1);
  });

  it('follows up in a thread it answered, from the thread’s case; a reply that asks nothing gets nothing', async () => {
    const asked = message(QUESTION);
    await bot.event(asked);
    await bot.event(message(THANKS, { thread_ts: tsOf(asked) }));
    expect(posts()).toHaveLength(1);
    await bot.event(message(FOLLOW_UP, { thread_ts: tsOf(asked) }));
    expect(posts()).toHaveLength(2);
    expect(posts()[1]).toMatchObject({ thread_ts: tsOf(asked) });
    expect(blocksText(posts()[1])).toMatch(/E-commerce platform/);
    expect(blocksText(posts()[1])).toMatch(/10×|99\.99%/);
  });

  it('follows up under a case card shared into the channel with /case', async () => {
    await bot.slash('auto off');
    const share = encodeAction({ kind: 'share', caseId: 'ecommerce', section: null, lang: 'en' });
    await bot.click({ action_id: 'casebot.share.x', value: share }, { ts: '1800000000.000097' });
    expect(posts()).toHaveLength(1);
    const shared = String(posts()[0]!.posted_ts);
    await bot.event(message(FOLLOW_UP, { thread_ts: shared }));
    expect(posts()).toHaveLength(2);
    expect(posts()[1]).toMatchObject({ thread_ts: shared });
    await bot.slash('auto on');
  });

  it('keeps to the hourly cap, counting what it left unanswered', async () => {
    const capped = async () =>
      metric(await bot.metrics(), 'casebot_unprompted_total', {
        platform: 'slack',
        decision: 'capped',
      });
    const before = await capped();
    for (let i = 0; i < 4; i++) await bot.event(message(QUESTION));
    expect(posts()).toHaveLength(3);
    expect((await capped()) - before).toBe(1);
    time.advance(3600_000);
    await bot.event(message(QUESTION));
    expect(posts()).toHaveLength(4);
  });

  it('follows up in a `mentions` channel too, in a thread a mention was answered in', async () => {
    await bot.slash('auto off');
    await bot.event(message(QUESTION));
    expect(posts()).toEqual([]);
    const body = message(`<@${BOT_USER}> flash sale`);
    await bot.event({ ...body, event: { ...body.event, type: 'app_mention' } });
    expect(posts()).toHaveLength(1);
    await bot.event(message(FOLLOW_UP_ZH, { thread_ts: tsOf(body) }));
    expect(posts()).toHaveLength(2);
    expect(posts()[1]).toMatchObject({ thread_ts: tsOf(body) });
    expect(blocksText(posts()[1])).toContain('电商平台');
  });

  it('keeps the mode over a restart (the SQLite file opened again)', async () => {
    await bot.slash('auto on');
    await bot.stop();
    bot = await startCasebot({
      databaseUrl: `sqlite:${path.join(dir, 'casebot.db')}`,
      clock: time,
      maxPerHour: 3,
      logger,
    });
    const asked = message(QUESTION);
    await bot.event(asked);
    expect(posts()).toEqual([expect.objectContaining({ thread_ts: tsOf(asked) })]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('auto-answer on Slack, two replicas on PostgreSQL', () => {
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
    await a.slash('auto on');
    const asked = message(QUESTION);
    const retry = { ...asked, event_id: `${asked.event_id}-retry` };
    await Promise.all([a.event(asked), b.event(asked), b.event(retry)]);
    expect(posts()).toEqual([expect.objectContaining({ thread_ts: tsOf(asked) })]);
    // A follow-up delivered to both: answered once as well.
    const followUp = message(FOLLOW_UP, { thread_ts: tsOf(asked) });
    await Promise.all([a.event(followUp), b.event(followUp)]);
    expect(posts()).toHaveLength(2);
  });
});
