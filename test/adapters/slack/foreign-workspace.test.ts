import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { BOT_USER, fixture, type Harness, slashCommandBody, startHarness } from './harness.js';

const OURS = 'T0001';
const OTHER = 'T0OTHER';

function capture(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

let seq = 0;
/** The app_mention fixture, asking something, with a fresh event id and these changes. */
function mention(change: (body: Record<string, unknown>) => void = () => {}) {
  const body = fixture('app-mention.json');
  body.event_id = `Ev0FOREIGN${++seq}`;
  body.event = { ...(body.event as object), text: `<@${BOT_USER}> flash sale`, ts: `1.${seq}` };
  change(body);
  return body;
}

const foreignLog = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => l.msg === 'ignoring requests from another workspace or app');

describe('a single-workspace casebot and other workspaces’ requests', () => {
  let h: Harness;
  let logs: ReturnType<typeof capture>;
  beforeAll(async () => {
    logs = capture();
    h = await startHarness({
      logger: logs.logger,
      authReply: {
        ok: true,
        user_id: BOT_USER,
        bot_id: 'BBOT123',
        team: 'Example',
        team_id: OURS,
        app_id: 'A123456',
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.reset();
    logs.lines.length = 0;
  });
  afterEach(() => vi.restoreAllMocks());

  it('answers a mention from its own workspace', async () => {
    const res = await h.postJson(mention());
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toHaveLength(1);
  });

  it('drops mentions delivered for another workspace with a 200 (no retry), answers nothing, logs once', async () => {
    const handle = vi.spyOn(h.core, 'handle');
    const remember = vi.spyOn(h.store, 'rememberEvent');
    const other = (b: Record<string, unknown>) => {
      b.team_id = OTHER;
      b.authorizations = [{ team_id: OTHER, user_id: 'UBOT999', is_bot: true }];
    };
    for (let i = 0; i < 3; i++) {
      const res = await h.postJson(mention(other));
      expect(res.status).toBe(200);
    }
    await h.settled();
    expect(handle).not.toHaveBeenCalled();
    expect(remember).not.toHaveBeenCalled();
    expect(h.calls['chat.postMessage']).toBeUndefined();
    expect(foreignLog(logs.lines)).toEqual([
      expect.objectContaining({ teamId: OTHER, ourTeamId: OURS }),
    ]);
  });

  it('drops a slash command from another workspace: an empty 200, no answer', async () => {
    const handle = vi.spyOn(h.core, 'handle');
    const res = await h.postForm(
      slashCommandBody({ text: 'list', team_id: OTHER, enterprise_id: '' }),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await h.settled();
    expect(handle).not.toHaveBeenCalled();
    expect(h.responses).toEqual([]);
  });

  it('drops an event of another Slack app', async () => {
    const res = await h.postJson(mention((b) => (b.api_app_id = 'A0OTHERAPP')));
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toBeUndefined();
    expect(foreignLog(logs.lines)).toEqual([expect.objectContaining({ appId: 'A0OTHERAPP' })]);
  });

  it('answers an event that happened in another workspace but was delivered for its own installation (a shared channel)', async () => {
    const res = await h.postJson(
      mention((b) => {
        b.team_id = OTHER;
        b.authorizations = [{ team_id: OURS, user_id: BOT_USER, is_bot: true }];
      }),
    );
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toHaveLength(1);
  });

  it('answers in a Slack Connect channel even when the one authorization Slack lists is the other org’s', async () => {
    const res = await h.postJson(
      mention((b) => {
        b.team_id = OTHER;
        b.is_ext_shared_channel = true;
        b.authorizations = [{ team_id: OTHER, user_id: 'UBOT999', is_bot: true }];
      }),
    );
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toHaveLength(1);
    expect(foreignLog(logs.lines)).toEqual([]);
  });
});

describe('an organisation-wide (Enterprise Grid) installation', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      authReply: {
        ok: true,
        user_id: BOT_USER,
        bot_id: 'BBOT123',
        team_id: 'E0001',
        enterprise_id: 'E0001',
        is_enterprise_install: true,
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers events of any workspace in its organisation', async () => {
    const res = await h.postJson(
      mention((b) => {
        b.team_id = 'T0WORKSPACE2';
        b.enterprise_id = 'E0001';
        b.authorizations = [
          { team_id: null, enterprise_id: 'E0001', user_id: BOT_USER, is_enterprise_install: true },
        ];
      }),
    );
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toHaveLength(1);
  });

  it('drops an event of another organisation', async () => {
    h.reset();
    const res = await h.postJson(
      mention((b) => {
        b.team_id = 'T0ELSEWHERE';
        b.enterprise_id = 'E0OTHER';
        b.authorizations = [
          {
            team_id: null,
            enterprise_id: 'E0OTHER',
            user_id: 'UBOT9',
            is_enterprise_install: true,
          },
        ];
      }),
    );
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.calls['chat.postMessage']).toBeUndefined();
  });
});
