import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixture, type Harness, slashCommandBody, startHarness } from './harness.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.reset());
afterEach(() => vi.restoreAllMocks());

/** The names every plain object inherits: a lookup keyed by one finds Object's own members. */
const INHERITED = ['constructor', '__proto__', 'toString'];
const TEAM_KEYS = ['constructor', '__proto__'];

const payload = (value: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(value) }).toString();

function mention(change: (body: Record<string, unknown>) => void): string {
  const body = fixture('app-mention.json');
  change(body);
  return JSON.stringify(body);
}

function blockActions(change: (p: Record<string, unknown>) => void): string {
  const p = fixture('block-actions.json');
  change(p);
  return payload(p);
}

type Shape = [name: string, body: string, contentType: typeof FORM | typeof JSON_TYPE];

/** Signed by Slack's secret, keyed by a name that plain objects inherit. */
const SHAPES: Shape[] = [
  ...INHERITED.map(
    (type): Shape => [`a JSON body of type "${type}"`, JSON.stringify({ type }), JSON_TYPE],
  ),
  ...INHERITED.map(
    (type): Shape => [
      `an event of type "${type}"`,
      mention((b) => {
        b.event = { ...(b.event as object), type };
      }),
      JSON_TYPE,
    ],
  ),
  ...INHERITED.map(
    (type): Shape => [
      `a payload of type "${type}"`,
      payload({ type, user: { id: 'U2147483697' }, team: { id: 'T0001' } }),
      FORM,
    ],
  ),
  ...TEAM_KEYS.map(
    (team): Shape => [
      `an app_mention with team_id "${team}"`,
      mention((b) => {
        b.team_id = team;
        b.authorizations = [{ team_id: team, user_id: 'UBOT123', is_bot: true }];
      }),
      JSON_TYPE,
    ],
  ),
  ...TEAM_KEYS.map(
    (team): Shape => [
      `a slash command with team_id "${team}"`,
      slashCommandBody({ text: 'help', team_id: team }),
      FORM,
    ],
  ),
  ...TEAM_KEYS.map(
    (team): Shape => [
      `a block_actions payload from team "${team}"`,
      blockActions((p) => {
        p.team = { id: team, domain: 'x' };
        p.user = { ...(p.user as object), team_id: team };
      }),
      FORM,
    ],
  ),
  [
    'a block_suggestion with channel: null',
    payload({
      type: 'block_suggestion',
      user: { id: 'U2147483697', team_id: 'T0001' },
      team: { id: 'T0001' },
      channel: null,
      action_id: 'casebot.x',
      block_id: 'b',
      value: 'fl',
    }),
    FORM,
  ],
];

describe('a signed body keyed by a name every plain object inherits', () => {
  it.each(SHAPES)(
    '%s → a 4xx or a polite 200, never a 500; nothing answered',
    async (_, body, type) => {
      const handle = vi.spyOn(h.core, 'handle');
      const res = await h.post(body, type);
      expect(res.status).not.toBeGreaterThanOrEqual(500);
      expect([200, 400]).toContain(res.status);
      await h.settled();
      expect(handle).not.toHaveBeenCalled();
      expect(h.calls['chat.postMessage']).toBeUndefined();
      expect(h.responses).toEqual([]);
    },
  );

  it('keeps serving afterwards', async () => {
    for (const [, body, type] of SHAPES) await h.post(body, type);
    const res = await h.postForm(slashCommandBody({ text: 'help' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(await res.text())).toMatchObject({ response_type: 'ephemeral' });
  });
});
