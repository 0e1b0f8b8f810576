import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { encodeAction } from '../../src/render/blockkit-actions.js';
import { signedHeaders } from '../adapters/slack/sign.js';
import { type StandIn, startStandIn } from '../helpers/stand-in.js';
import { moved, scrape, series } from '../metrics/scrape.js';

/** `casebot_handoffs_total` end to end: presses through the real app, a scrape before and after. */
const SECRET = 'handoff-metrics-secret';
let platform: StandIn;
let app: App;

async function press(value: string, user: string, actionId: string) {
  const body = `payload=${encodeURIComponent(
    JSON.stringify({
      type: 'block_actions',
      user: { id: user, team_id: 'T1' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: false },
      message: { ts: '1.1', thread_ts: '1.0' },
      team: { id: 'T1' },
      channel: { id: 'C1' },
      response_url: `${platform.url}/hooks/${user}`,
      actions: [{ type: 'button', action_id: actionId, block_id: 'x', value, action_ts: '1.2' }],
    }),
  )}`;
  const res = await fetch(`http://127.0.0.1:${app.port}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
    body,
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  platform = await startStandIn((req) =>
    req.path === '/api/auth.test'
      ? { body: { ok: true, user_id: 'UBOT', bot_id: 'B1' } }
      : { body: { ok: true, ts: '2.0', channel: 'C1' } },
  );
  app = await startApp({
    config: loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: 'memory',
      SLACK_BOT_TOKEN: 'xoxb-metrics',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${platform.url}/api/`,
      TIPS_SCHEDULER: 'off',
    }),
    logger: silentLogger(),
  });
});
afterAll(async () => {
  await app?.stop();
  await platform?.close();
});

describe('/metrics counts hand-offs', () => {
  it('asked, already asked, over the hourly limit, and marked answered', async () => {
    const before = await scrape(app.port);
    const ask = (question: string) =>
      encodeAction({ kind: 'handoff', question, caseId: null, lang: 'en' });
    await press(ask('kafka chaos'), 'U1', 'casebot.handoff.x');
    await press(ask('kafka chaos'), 'U2', 'casebot.handoff.x');
    for (const q of ['a', 'b', 'c', 'd', 'e', 'f'])
      await press(ask(`question ${q}`), 'U3', 'casebot.handoff.x');
    const [first] = await app.store
      .listHandoffs({ limit: 1_000 })
      .then((l) => l.filter((h) => h.askerId === 'U1'));
    await press(
      encodeAction({ kind: 'answered', handoffId: first!.id, lang: 'en' }),
      'U4',
      'casebot.answered.x',
    );
    await press(
      encodeAction({ kind: 'answered', handoffId: first!.id, lang: 'en' }),
      'U5',
      'casebot.answered.x',
    );
    const after = await scrape(app.port);
    const s = (result: string) => series('casebot_handoffs_total', { platform: 'slack', result });
    expect(moved(before, after, 'casebot_handoffs_total')).toEqual({
      [s('asked')]: 6,
      [s('already_asked')]: 1,
      [s('rate_limited')]: 1,
      [s('answered')]: 1,
    });
  });
});
