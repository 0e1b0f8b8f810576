import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshnessOf } from '../../src/catalog/freshness.js';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Answer, CaseAnswer, HandoffAnswer } from '../../src/core/model.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { renderText } from '../../src/render/text.js';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';
import { checkBlockKitLimits } from './blockkit-limits.js';

const own = await loadCatalog(path.resolve(import.meta.dirname, '../fixtures/casebook-own'));
const o = { diagrams: DEFAULT_DIAGRAMS };
const AT = new Date('2025-06-03T08:00:00Z');

const handoff = (over: Partial<HandoffAnswer> = {}): HandoffAnswer => ({
  kind: 'handoff',
  lang: 'en',
  status: 'asked',
  id: '0b7c9d3e-1111-4222-8333-444455556666',
  question: 'how do we sample traces <!channel>?',
  case: { id: 'tracing', title: 'Distributed tracing for the checkout services' },
  asker: { name: 'Ana', slack: 'U0ASKER01' },
  at: AT,
  owners: [
    { name: 'Dana Okafor', slack: 'U0DANA001', teams: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' },
    { name: 'Platform team', slack: 'S0PLATFORM', teams: 'platform-leads@example.com' },
    { name: 'Sam Patel', slack: 'U0SAM0001' },
  ],
  route: { kind: 'here' },
  ...over,
});

const slack = (a: Answer, extra = {}) => {
  const m = renderBlockKit(a, { ...o, ...extra });
  expect(checkBlockKitLimits(m)).toEqual([]);
  return JSON.stringify(m);
};
const teams = (a: Answer) => {
  const card = renderAdaptiveCard(a, o);
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
};

describe('the hand-off post', () => {
  it('on Slack mentions users, user groups and the asker for real, and escapes the question', () => {
    const json = slack(handoff());
    expect(json).toContain('<@U0ASKER01>');
    expect(json).toContain('<@U0DANA001>');
    expect(json).toContain('<!subteam^S0PLATFORM>');
    expect(json).toContain('<@U0SAM0001>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('Distributed tracing for the checkout services');
    expect(json).toContain('"action_id":"casebot.answered.');
  });

  it('on Teams mentions by Entra object id and UPN with entities, and names who has no Teams id', () => {
    const card = teams(handoff({ asker: { name: 'Ana Lima', teams: '29:1abc' } }));
    const text = JSON.stringify(card.body);
    expect(text).toContain('<at>Dana Okafor</at>');
    expect(text).toContain('<at>Platform team</at>');
    expect(text).toContain('<at>Ana Lima</at>');
    expect(text).toContain('Sam Patel');
    expect(text).not.toContain('<at>Sam Patel</at>');
    expect(card.msteams?.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Ana Lima</at>',
        mentioned: { id: '29:1abc', name: 'Ana Lima' },
      },
      {
        type: 'mention',
        text: '<at>Dana Okafor</at>',
        mentioned: { id: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d', name: 'Dana Okafor' },
      },
      {
        type: 'mention',
        text: '<at>Platform team</at>',
        mentioned: { id: 'platform-leads@example.com', name: 'Platform team' },
      },
    ]);
  });

  it('with nobody named, asks whoever is there and says how to name someone', () => {
    const json = slack(handoff({ owners: [], case: undefined }));
    expect(json).toContain('No case in the casebook came close.');
    expect(json).toMatch(/Nobody is named for this yet[^"]*add owners/);
    expect(json).toContain('EXPERTS_CHANNEL');
  });

  it('in the experts channel links back to where it was asked', () => {
    const a = handoff({ owners: [], route: { kind: 'experts', channel: 'C0EXPERTS' } });
    const json = slack(a, {
      handoffLink: 'https://example.slack.com/archives/C1/p1700000000000100',
    });
    expect(json).toContain('<https://example.slack.com/archives/C1/p1700000000000100|Asked here>');
    expect(json).not.toMatch(/Nobody is named/);
  });

  it('once answered says who marked it and when, without the button', () => {
    const a = handoff({
      status: 'answered',
      answered: { by: { name: 'U0DANA001', slack: 'U0DANA001' }, at: AT },
    });
    const json = slack(a);
    expect(json).toMatch(/Answered: marked by <@U0DANA001>/);
    expect(json).toContain('<!date^1748937600^');
    expect(json).not.toContain('casebot.answered');
    expect(JSON.stringify(teams(a).body)).toContain('{{DATE(2025-06-03T08:00:00Z, SHORT)}}');
  });

  it('a second press says who asked and when; a private chat names the people to ask', () => {
    expect(slack(handoff({ status: 'already-asked' }))).toMatch(
      /<@U0ASKER01> already asked for a person about this on <!date\^1748937600\^/,
    );
    const zh = renderText(handoff({ status: 'already-asked', lang: 'zh' }), { ...o, color: false });
    expect(zh).toBe('ℹ️ Ana 已于 2025-06-03 08:00 UTC 就此请人帮忙。');
    expect(slack(handoff({ route: { kind: 'private' } }))).toMatch(
      /private chat[^"]*<@U0DANA001>, <!subteam\^S0PLATFORM>, <@U0SAM0001>\. Ask in a channel/,
    );
  });
});

describe('"Ask a person" on the cards', () => {
  const caseAnswer = (id: string, alternatives: CaseAnswer['alternatives'] = []): CaseAnswer => {
    const c = own.byId.get(id)!;
    return {
      kind: 'case',
      lang: 'en',
      case: c,
      section: null,
      query: 'q',
      score: 0.6,
      alternatives,
      freshness: freshnessOf(c, AT, 180),
    };
  };

  it('is on a no-match answer, first', () => {
    const card = teams({ kind: 'no-match', lang: 'zh', query: '服务网格', cases: own.cases });
    expect(card.body[1]).toMatchObject({
      type: 'ActionSet',
      actions: [
        { title: '🙋 找人帮忙', data: { casebot: 'handoff', question: '服务网格', caseId: null } },
      ],
    });
  });

  it('is with 👍/👎 when the answer is a "Did you mean", with the case it led with', () => {
    const alt = [{ caseId: 'secrets-rotation', title: 'Rotating', score: 0.55 }];
    const json = slack(caseAnswer('tracing', alt));
    // Slack's own feedback buttons take no other element: the offer is the row right under them.
    const ids = JSON.parse(json).blocks.map((b: { block_id: string }) => b.block_id);
    expect(ids.slice(-2)).toEqual(['feedback', 'feedback-handoff']);
    expect(json).toMatch(/"block_id":"feedback-handoff".*"🙋 Ask a person"/);
    expect(slack(caseAnswer('tracing'))).not.toContain('Ask a person');
  });

  it('is under the thanks for a 👎', () => {
    const a: Answer = {
      kind: 'notice',
      lang: 'en',
      tone: 'success',
      text: 'Thanks for telling us.',
      handoff: { question: 'q', caseId: 'tracing' },
    };
    expect(slack(a)).toContain('"action_id":"casebot.handoff.');
    expect(renderText(a, { ...o, color: false })).not.toContain('Ask a person');
  });
});

describe('the case card footer', () => {
  const card = (id: string, lang: 'en' | 'zh', now: Date) => {
    const c = own.byId.get(id)!;
    const a: CaseAnswer = {
      kind: 'case',
      lang,
      case: c,
      section: null,
      query: '',
      score: 1,
      alternatives: [],
      freshness: freshnessOf(c, now, 180),
    };
    return renderText(a, { ...o, color: false });
  };

  it('names the owner and how long ago the case was reviewed, in both languages', () => {
    const now = new Date('2025-08-20T12:00:00Z');
    expect(card('tracing', 'en', now)).toContain('Owner: Dana Okafor  ·  reviewed 3 months ago');
    expect(card('tracing', 'zh', now)).toContain('负责人：Dana Okafor  ·  3个月前审阅');
  });

  it('says when a review is due, and is not there when a case has neither owner nor review', () => {
    const now = new Date('2025-08-20T12:00:00Z');
    expect(card('secrets-rotation', 'en', now)).toContain(
      'Owner: Sam Patel  ·  reviewed 10 months ago  ·  ⚠️ due for review',
    );
    expect(card('build-cache', 'en', now)).not.toMatch(/Owner|review/i);
  });
});
