import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { AutoModeAnswer, UnpromptedAnswer } from '../../src/core/model.js';
import { parseSubmitData } from '../../src/render/adaptive-actions.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { decodeAction } from '../../src/render/blockkit-actions.js';
import { asWritten } from '../../src/render/cards-unprompted.js';
import { renderText } from '../../src/render/text.js';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';
import { allMrkdwn, checkBlockKitLimits } from './blockkit-limits.js';

const catalog = await loadCatalog('cases');
const ecommerce = catalog.byId.get('ecommerce')!;
const diagrams = { renderer: 'none', baseUrl: '' } as const;
const QUERY = 'What availability did the e-commerce platform reach during flash sale spikes?';

const answer = (extra: Partial<UnpromptedAnswer> = {}): UnpromptedAnswer => ({
  kind: 'unprompted',
  lang: 'en',
  case: ecommerce,
  section: null,
  query: QUERY,
  evidence: ['e commerc platform', 'flash sal', 'not in the message'],
  basis: 'match',
  ...extra,
});

type Button = { type: string; action_id: string; value: string; text: { text: string } };

describe('the unprompted answer', () => {
  it('is small on Slack: the case, the figure asked for, why, Show the case and Not helpful', () => {
    const message = renderBlockKit(answer(), { diagrams });
    expect(checkBlockKitLimits(message)).toEqual([]);
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('99.5% → *99.99%*');
    expect(text).toContain('“e-commerce platform”, “flash sale”');
    expect(text).not.toContain('not in the message');
    expect(text).not.toContain('Concurrent throughput');
    const buttons = (message.blocks[3] as unknown as { elements: Button[] }).elements;
    expect(buttons.map((b) => b.text.text)).toEqual(['📘 Show the case', '👎 Not helpful']);
    expect(decodeAction(buttons[0]!.value)).toEqual({
      kind: 'show',
      caseId: 'ecommerce',
      section: null,
      lang: 'en',
    });
    expect(decodeAction(buttons[1]!.value)).toEqual({
      kind: 'dismiss',
      caseId: 'ecommerce',
      query: QUERY,
      lang: 'en',
    });
    expect(message.text).toMatch(/^E-commerce platform: Availability/);
  });

  it('says the same on Teams, a valid card whose Not helpful carries the question', () => {
    const card = renderAdaptiveCard(answer({ lang: 'zh' }), { diagrams });
    expect(cardSchemaErrors(card)).toEqual([]);
    const actions = card.body.filter((e) => e.type === 'ActionSet');
    expect(actions).toHaveLength(1);
    const [show, dismiss] = (
      actions[0] as unknown as { actions: { title: string; data: unknown }[] }
    ).actions;
    expect([show?.title, dismiss?.title]).toEqual(['📘 查看案例', '👎 没有帮助']);
    expect(parseSubmitData(dismiss?.data)).toEqual({
      action: { kind: 'dismiss', caseId: 'ecommerce', query: QUERY },
      lang: 'zh',
    });
    expect(card.fallbackText).toContain('电商平台');
  });

  it('leads with the solutions when they were asked for, and says when it follows its thread', () => {
    const text = renderText(
      answer({ query: 'and how?', section: 'solutions', basis: 'context', evidence: [] }),
      { color: false, diagrams },
    );
    expect(text).toContain('Kubernetes');
    expect(text).toContain('From the case of this thread');
  });

  it('keeps its why line whole when no word of the message was behind the match', () => {
    for (const basis of ['match', 'switch'] as const) {
      const message = renderBlockKit(answer({ evidence: [], basis }), { diagrams });
      expect(checkBlockKitLimits(message)).toEqual([]);
      const mrkdwn = allMrkdwn(message).join('\n');
      expect(mrkdwn).toContain('answered automatically');
      expect(mrkdwn).not.toMatch(/“”|""|Fits\s*·/);
    }
  });

  it('says so when the part asked for is not in the case (a team case without a diagram or figures)', async () => {
    const own = await loadCatalog('test/fixtures/casebook-own');
    const tracing = own.byId.get('tracing')!;
    expect(tracing.diagram).toBeUndefined();
    expect(tracing.metrics).toEqual([]);
    const diagram = renderText(
      answer({
        case: tracing,
        section: 'architecture',
        query: 'diagram?',
        basis: 'context',
        evidence: [],
      }),
      { color: false, diagrams },
    );
    expect(diagram).toContain('No architecture diagram in this case');
    const figures = renderBlockKit(
      answer({
        case: tracing,
        section: 'metrics',
        query: 'and the numbers?',
        basis: 'context',
        evidence: [],
      }),
      { diagrams },
    );
    expect(checkBlockKitLimits(figures)).toEqual([]);
    expect(allMrkdwn(figures).join('\n')).toContain('No before/after figures in this case');
    const zh = renderAdaptiveCard(
      answer({
        case: tracing,
        lang: 'zh',
        section: 'architecture',
        query: '架构图呢',
        basis: 'context',
        evidence: [],
      }),
      { diagrams },
    );
    expect(cardSchemaErrors(zh)).toEqual([]);
    expect(JSON.stringify(zh.body)).toContain('本案例没有架构图');
  });

  it('finds the words of the message behind the search’s stems, in both languages', () => {
    const q = 'How did the e-commerce platform handle flash sale traffic spikes?';
    expect(asWritten(q, 'e commerc platform')).toBe('e-commerce platform');
    expect(asWritten(q, 'traffic spik')).toBe('traffic spikes');
    expect(asWritten(q, 'black friday')).toBeNull();
    expect(asWritten('双十一大促的秒杀流量', '秒杀')).toBe('秒杀');
    expect(asWritten('双十一大促的秒杀流量', '电商')).toBeNull();
  });
});

describe('the auto-answer announcement', () => {
  const on: AutoModeAnswer = {
    kind: 'auto-mode',
    lang: 'en',
    mode: 'auto',
    changed: true,
    by: { id: 'U0ALICE1', name: 'Alice' },
    at: new Date('2026-01-05T09:00:00Z'),
    maxPerHour: 20,
  };

  it('names who turned it on (a Slack mention, a Teams name), the cap and how to turn it off', () => {
    const slack = renderBlockKit(on, { diagrams });
    expect(checkBlockKitLimits(slack)).toEqual([]);
    const mrkdwn = allMrkdwn(slack).join('\n');
    expect(mrkdwn).toContain('Turned on by <@U0ALICE1>.');
    expect(mrkdwn).toContain('20 per hour');
    expect(mrkdwn).toContain('`/case auto off`');
    const teams = renderAdaptiveCard(on, { diagrams });
    expect(cardSchemaErrors(teams)).toEqual([]);
    expect(JSON.stringify(teams.body)).toContain('Turned on by Alice.');
    expect(JSON.stringify(teams.body)).toContain('@casebot auto off');
    expect(JSON.stringify(teams.body)).not.toContain('U0ALICE1');
  });

  it('shows the current mode, in Chinese too', () => {
    const text = renderText(
      { ...on, lang: 'zh', mode: 'mentions', changed: false, by: null, at: null },
      { color: false, diagrams },
    );
    expect(text).toContain('只回答被问到的问题');
    expect(text).toContain('auto on');
  });
});
