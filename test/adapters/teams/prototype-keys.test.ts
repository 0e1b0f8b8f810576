import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connector, fixture, type Harness, startTeams } from './harness.js';

let teams: Harness;
beforeAll(async () => {
  teams = await startTeams();
});
afterAll(async () => {
  await teams.close();
});

/** The names every plain object inherits: a lookup keyed by one finds Object's own members. */
const INHERITED = ['constructor', '__proto__', 'toString'];

describe('a Teams activity keyed by a name every plain object inherits', () => {
  it.each(INHERITED)(
    '"%s" as a type, invoke name, event, verb or entity → never a 500',
    async (name) => {
      const { sent } = connector();
      const base = fixture('personal-message');
      const action = { type: 'Action.Execute', verb: name, data: {} };
      const shapes = [
        { ...base, type: name },
        { ...base, type: 'invoke', name, value: {} },
        { ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action } },
        {
          ...base,
          type: 'invoke',
          name: 'composeExtension/query',
          value: { commandId: name, parameters: [{ name, value: 'x' }] },
        },
        { ...base, type: 'conversationUpdate', channelData: { eventType: name } },
        { ...base, type: 'event', name },
        { ...base, type: 'messageReaction', reactionsAdded: [{ type: name }] },
        { ...base, text: `&${name}; help` },
      ];
      for (const activity of shapes) {
        const res = await teams.post(activity);
        // botbuilder's 501 for an invoke it has no handler for is the Bot Framework's own answer.
        expect(res.status, JSON.stringify(activity).slice(0, 200)).not.toBe(500);
      }
      expect(JSON.stringify(sent)).not.toMatch(/native code|function Object/);
    },
  );
});
