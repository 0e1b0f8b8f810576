import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { allMrkdwn, checkBlockKitLimits } from '../../render/blockkit-limits.js';
import { type Harness, slashCommandBody, startHarness, until } from './harness.js';

type Reply = {
  response_type?: string;
  text: string;
  blocks: { type: string; [k: string]: unknown }[];
  [k: string]: unknown;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());

/**
 * Sends `/case TEXT` signed like Slack; returns the ack and the ephemeral reply, which is the ack
 * itself when it was ready in time, else what came through the response_url.
 */
async function slash(text: string, fields: Record<string, string> = {}, harness = h) {
  const res = await harness.postForm(slashCommandBody({ text, ...fields }));
  const ackBody = await res.text();
  expect(res.status).toBe(200);
  if (ackBody) {
    // Slack shows an ack as a message only when it is declared JSON.
    expect(res.headers.get('content-type')).toBe('application/json');
    await harness.settled();
    return { ackBody, inline: true, reply: JSON.parse(ackBody) as Reply };
  }
  await until(() => harness.responses.length > 0, 5_000, 'the response_url reply');
  await harness.settled();
  return { ackBody, inline: false, reply: harness.responses[0] as Reply };
}

describe('/case', () => {
  it('answers an English question ephemerally with the metrics table, a Diagram button and a Share button', async () => {
    const { inline, reply } = await slash('flash sale traffic spikes');
    // Ready in milliseconds: the answer is the ack itself, nothing else is sent.
    expect(inline).toBe(true);
    expect(h.responses).toHaveLength(0);
    expect(reply.response_type).toBe('ephemeral');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('E-commerce platform');
    expect(json).toContain('100,000 QPS');
    expect(json).toContain('🏗️ Diagram');
    expect(json).toContain('casebot.share.');
  });

  it('answers a Chinese question in Chinese', async () => {
    const { reply } = await slash('秒杀 高并发 指标');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('电商平台');
    expect(json).toContain('优化后');
    expect(json).not.toContain('After');
  });

  it('lists the casebook, and helps', async () => {
    const list = (await slash('list')).reply;
    expect(checkBlockKitLimits(list)).toEqual([]);
    for (const title of ['E-commerce platform', 'Financial', 'Edge', 'AI inference']) {
      expect(JSON.stringify(list)).toContain(title);
    }
    h.reset();
    const help = (await slash('help')).reply;
    expect(checkBlockKitLimits(help)).toEqual([]);
    expect(JSON.stringify(help)).toContain('/case list');
    h.reset();
    const zhHelp = (await slash('帮助')).reply;
    expect(JSON.stringify(zhHelp)).toContain('casebot 使用说明');
  });

  it('cannot be made to ping anyone', async () => {
    // As Slack sends it: the user typed `<!channel>`-like markup and a literal "&lt;".
    const { reply } = await slash('<!channel> <!here> <@U123> &amp;lt; kubernetes quantum banana');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    for (const s of allMrkdwn(reply)) expect(s).not.toMatch(/<[!@#]/);
    const json = JSON.stringify(reply);
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&amp;lt;');
  });

  it('answers a 10,000-character question within Slack’s limits', async () => {
    const { reply } = await slash(`flash sale ${'x'.repeat(10_000)}`);
    expect(JSON.stringify(reply)).toContain('E-commerce platform');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    expect(JSON.stringify(reply).length).toBeLessThan(40_000);
  });

  it('asks for an /invite when subscribing a channel the bot is not in', async () => {
    h.failNext('conversations.info', {
      body: { ok: true, channel: { id: 'C2147483705', is_member: false } },
    });
    const { reply } = await slash('subscribe 08:30');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('08:30');
    expect(json).toContain('Europe/Berlin'); // the user's time zone from users.info
    expect(json).toContain('/invite @casebot');
    const sub = await h.store.getSubscription('slack', 'C2147483705');
    expect(sub).toMatchObject({
      time: '08:30',
      timeZone: 'Europe/Berlin',
      lang: 'en',
      active: true,
    });
  });

  it('acks at once and answers through the response_url when Slack is slow to answer a look-up', async () => {
    // The user's time zone (users.info) is held past the inline budget: the ack must not wait
    // for it, and the answer must still come.
    const held = h.holdNext('users.info', {
      body: { ok: true, user: { id: 'U2147483697', tz: 'America/Chicago' } },
    });
    const res = await h.postForm(slashCommandBody({ text: 'subscribe 07:45' }));
    expect(res.status).toBe(200);
    expect(await res.text(), 'an empty ack: the answer was not ready').toBe('');
    expect(held.isOpen, 'the ack waited for the look-up').toBe(false);
    expect(h.responses).toHaveLength(0);
    held.open();
    await until(() => h.responses.length > 0, 5_000, 'the response_url reply');
    await h.settled();
    const reply = h.responses[0] as Reply;
    expect(reply.response_type).toBe('ephemeral');
    const json = JSON.stringify(reply);
    expect(json).toContain('07:45');
    expect(json).toContain('America/Chicago');
    expect(await h.store.getSubscription('slack', 'C2147483705')).toMatchObject({
      time: '07:45',
      timeZone: 'America/Chicago',
    });
  });

  it('subscribes at UTC, and says why, when Slack’s users.info gives a zone it does not know', async () => {
    h.failNext('users.info', {
      body: { ok: true, user: { id: 'U2147483697', tz: 'Mars/Olympus' } },
    });
    const { reply } = await slash('订阅 08:30');
    expect(checkBlockKitLimits(reply)).toEqual([]);
    const json = JSON.stringify(reply);
    expect(json).toContain('08:30（UTC）');
    expect(json).toContain('Mars/Olympus');
    expect(json).toMatch(/无法识别你的时区/);
    expect(await h.store.getSubscription('slack', 'C2147483705')).toMatchObject({
      time: '08:30',
      timeZone: 'UTC',
    });
  });

  it('says nothing about invites when the bot is a member', async () => {
    const { reply } = await slash('订阅 09:00 Asia/Shanghai');
    const json = JSON.stringify(reply);
    expect(json).toContain('订阅成功');
    expect(json).not.toContain('/invite');
  });
});
