import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/load.js';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import type { Answer, BotRequest, Conversation, HandoffAnswer } from '../../src/core/model.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const seed = await loadCatalog(path.join(ROOT, 'cases'));
const own = await loadCatalog(path.join(ROOT, 'test/fixtures/casebook-own'));
const T0 = new Date('2025-06-03T08:00:00Z');
const MINUTE = 60_000;

const channel: Conversation = { id: 'C1', workspaceId: 'T1', kind: 'channel' };
const dm: Conversation = { id: 'D1', workspaceId: 'T1', kind: 'personal' };

function setup(catalog: Catalog, experts = {}) {
  let now = T0;
  const store = new MemoryStore();
  const core = createCore({ catalog, store, defaultLocale: 'en', now: () => now, experts });
  const press = (
    question: string,
    caseId: string | null,
    extra: { user?: string; conversation?: Conversation; platform?: 'slack' | 'teams' } = {},
  ) =>
    core.handle({
      id: 'r',
      platform: extra.platform ?? 'slack',
      text: '',
      user: { id: extra.user ?? 'U1', name: 'Ana' },
      conversation: extra.conversation ?? channel,
      action: { kind: 'handoff', question, caseId },
    } satisfies BotRequest);
  return {
    core,
    store,
    press,
    later: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

function handoff(a: Answer): HandoffAnswer {
  if (a.kind !== 'handoff') throw new Error(`expected a hand-off, got ${JSON.stringify(a)}`);
  return a;
}

describe('Ask a person: who is asked', () => {
  it('a case with owners: its owners, here', async () => {
    const h = handoff(await setup(own).press('sampling traces', 'tracing'));
    expect(h).toMatchObject({
      status: 'asked',
      question: 'sampling traces',
      route: { kind: 'here' },
    });
    expect(h.case).toEqual({
      id: 'tracing',
      title: 'Distributed tracing for the checkout services',
    });
    expect(h.owners.map((o) => o.name)).toEqual(['Dana Okafor']);
    expect(h.asker).toEqual({ name: 'Ana', slack: 'U1' });
  });

  it('a case without owners, or no case: the casebook’s default owners', async () => {
    const t = setup(own);
    for (const caseId of ['build-cache', null]) {
      const h = handoff(await t.press(`cache question ${caseId}`, caseId));
      expect(h.owners).toEqual([
        { name: 'Platform team', slack: 'S0PLATFORM', teams: 'platform-leads@example.com' },
      ]);
      expect(h.route).toEqual({ kind: 'here' });
    }
  });

  it('nobody named: the experts channel (the casebook’s first, then EXPERTS_CHANNEL), else here', async () => {
    const configured = { slack: 'C0CONFIG', teams: '19:config@thread.tacv2' };
    const h = handoff(await setup(seed, configured).press('service mesh', null));
    expect(h.owners).toEqual([]);
    expect(h.route).toEqual({ kind: 'experts', channel: 'C0CONFIG' });
    const teams = handoff(
      await setup(seed, configured).press('service mesh', null, { platform: 'teams' }),
    );
    expect(teams.route).toEqual({ kind: 'experts', channel: '19:config@thread.tacv2' });
    const bare = handoff(await setup(seed).press('service mesh', null));
    expect(bare.route).toEqual({ kind: 'here' });
  });

  it('from a private chat: owners are reached in the experts channel, else named to the asker', async () => {
    const viaExperts = handoff(
      await setup(own).press('rotation', 'secrets-rotation', { conversation: dm }),
    );
    expect(viaExperts.route).toEqual({ kind: 'experts', channel: 'C0EXPERTS' });
    expect(viaExperts.owners.map((o) => o.name)).toEqual(['Sam Patel']);
    const nowhere = handoff(await setup(seed).press('rotation', 'finance', { conversation: dm }));
    expect(nowhere.route).toEqual({ kind: 'private' });
  });
});

describe('Ask a person: once per question, five an hour', () => {
  it('a second press of the same question (in other case or spacing) says who asked and when', async () => {
    const t = setup(own);
    const first = handoff(await t.press('Sampling traces?', 'tracing'));
    t.later(MINUTE);
    const second = handoff(await t.press('  sampling   TRACES ', 'tracing', { user: 'U2' }));
    expect(second).toMatchObject({ status: 'already-asked', id: first.id, at: T0 });
    expect(second.asker.slack).toBe('U1');
    expect(await t.store.listHandoffs()).toHaveLength(1);
  });

  it('refuses the sixth within an hour politely, and takes one again an hour after the first', async () => {
    const t = setup(own);
    for (let i = 0; i < 5; i++) {
      expect(handoff(await t.press(`question ${i}`, null)).status).toBe('asked');
      t.later(MINUTE);
    }
    const refused = await t.press('question 5', null);
    expect(refused).toMatchObject({ kind: 'notice', tone: 'info' });
    expect(refused.kind === 'notice' && refused.text).toMatch(/5 times in the last hour/);
    t.later(56 * MINUTE);
    expect(handoff(await t.press('question 6', null)).status).toBe('asked');
  });

  it('is for Slack and Teams: the console is told so', async () => {
    const { core } = setup(own);
    const a = await core.handle({
      id: 'r',
      platform: 'console',
      text: '',
      action: { kind: 'handoff', question: 'x', caseId: null },
    });
    expect(a).toMatchObject({ kind: 'notice', text: expect.stringMatching(/Slack and Teams/) });
  });
});

describe('Mark answered', () => {
  it('closes the hand-off once, saying who and when', async () => {
    const t = setup(own);
    const h = handoff(await t.press('sampling traces', 'tracing'));
    t.later(MINUTE);
    const mark = (user: string) =>
      t.core.handle({
        id: 'r',
        platform: 'slack',
        text: '',
        user: { id: user },
        conversation: channel,
        action: { kind: 'handoff-answered', handoffId: h.id },
      });
    const done = handoff(await mark('U0DANA001'));
    expect(done.status).toBe('answered');
    expect(done.answered).toEqual({
      by: { name: 'U0DANA001', slack: 'U0DANA001' },
      at: new Date(T0.getTime() + MINUTE),
    });
    expect(handoff(await mark('U7')).answered?.by.slack).toBe('U0DANA001');
    expect((await t.store.listHandoffs({ open: true })).length).toBe(0);
  });
});

describe('a 👎', () => {
  it('thanks, and offers the question to a person', async () => {
    const { core } = setup(own);
    const vote = await core.handle({
      id: 'r',
      platform: 'slack',
      text: '',
      user: { id: 'U1' },
      conversation: channel,
      action: { kind: 'feedback', caseId: 'tracing', helpful: false, query: 'trace sampling' },
    });
    expect(vote).toMatchObject({
      kind: 'notice',
      handoff: { question: 'trace sampling', caseId: 'tracing' },
    });
    const up = await core.handle({
      id: 'r',
      platform: 'slack',
      text: '',
      user: { id: 'U1' },
      conversation: channel,
      action: { kind: 'feedback', caseId: 'tracing', helpful: true, query: 'trace sampling' },
    });
    expect(up).not.toHaveProperty('handoff');
  });
});
