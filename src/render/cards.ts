import type { Lang } from '../catalog/schema.js';
import type {
  Answer,
  HelpAnswer,
  ListAnswer,
  NoMatchAnswer,
  NoticeAnswer,
  TipAnswer,
} from '../core/model.js';
import { type Card, type CardButton, code, type Rich, rich } from './card-model.js';
import { caseCard, colon, compareCard } from './cards-case.js';
import { digestCard } from './cards-digest.js';
import { askPersonButton, handoffCard } from './cards-handoff.js';
import { autoModeCard, unpromptedCard } from './cards-unprompted.js';
import type { DiagramOptions } from './diagram.js';
import { label, listIntro, withStars } from './labels.js';

export interface CardContext {
  readonly diagrams: DiagramOptions;
  /** How commands are typed where the card is shown: `/case list` in Slack, `@casebot list` in Teams. */
  readonly surface: 'slack' | 'teams' | 'text';
  /** A tip posted by the daily schedule rather than asked for. */
  readonly daily?: boolean;
  /** CASES_URL: case cards link to their case file (`<casesUrl>/<id>.yaml`). */
  readonly casesUrl?: string;
  /** A hand-off posted elsewhere (the experts channel): the link back to where it was asked. */
  readonly handoffLink?: string;
}

/**
 * Questions a newcomer can click, each about one case of the shipped casebook (its id); each
 * finds its case (test/render/cards.test.ts checks). Offered only when that case is in the
 * casebook being served, so a team's own casebook is never advertised questions it can't answer.
 */
export const EXAMPLE_QUESTIONS: readonly { caseId: string; en: string; zh: string }[] = [
  { caseId: 'ecommerce', en: 'flash sale traffic spikes', zh: '秒杀流量怎么扛' },
  { caseId: 'ai-inference', en: 'GPU cost of AI inference', zh: 'AI推理 GPU 成本' },
];

const PREFIX = { slack: '/case ', teams: '@casebot ', text: '' } as const;

/** A core sentence with `code` spans. */
function withCode(text: string): Rich {
  return text.split('`').map((part, i) => (i % 2 === 1 ? code(part) : { text: part }));
}

const ask = (labelText: string, text: string): CardButton => ({
  label: labelText,
  action: { kind: 'ask', text },
});

function nextSteps(lang: Lang, skip: 'list' | 'tip' | 'help'): CardButton[] {
  const all = {
    list: ask(label('listButton', lang), lang === 'zh' ? '列表' : 'list'),
    tip: ask(label('tipButton', lang), lang === 'zh' ? '技巧' : 'tip'),
    help: ask(label('helpButton', lang), lang === 'zh' ? '帮助' : 'help'),
  };
  return (['list', 'tip', 'help'] as const).filter((k) => k !== skip).map((k) => all[k]);
}

function listCard(a: ListAnswer): Card {
  const { lang } = a;
  return {
    lang,
    share: { text: 'list' },
    summary: `${label('casebook', lang)}${colon(lang)}${a.cases.map((c) => c.title[lang]).join(' · ')}`,
    blocks: [
      { kind: 'title', text: `📚 ${label('casebook', lang)}` },
      { kind: 'context', text: rich(listIntro(lang, a.principles)) },
      {
        kind: 'choices',
        id: 'cases',
        items: a.cases.slice(0, 12).map((c) => ({
          title: withStars(c.title[lang], c.rating),
          detail: c.headline?.[lang] ?? c.summary[lang],
          button: {
            label: label('open', lang),
            action: { kind: 'show', caseId: c.id, section: null },
          },
        })),
      },
      { kind: 'actions', id: 'next', buttons: nextSteps(lang, 'list') },
    ],
  };
}

function helpCard(a: HelpAnswer, surface: CardContext['surface']): Card {
  const { lang } = a;
  const prefix = PREFIX[surface];
  const where =
    surface === 'slack'
      ? label('helpWhereSlack', lang)
      : surface === 'teams'
        ? label('helpWhereTeams', lang)
        : '';
  return {
    lang,
    summary: label('helpTitle', lang),
    share: { text: 'help' },
    blocks: [
      { kind: 'title', text: `👋 ${label('helpTitle', lang)}` },
      ...(a.intro ? [{ kind: 'text' as const, text: withCode(a.intro) }] : []),
      ...(where ? [{ kind: 'context' as const, text: rich(where) }] : []),
      {
        kind: 'table',
        id: 'commands',
        columns: [label('command', lang), label('whatItDoes', lang)],
        rows: a.commands.map((c) => [rich(code(`${prefix}${c.usage}`)), withCode(c.description)]),
        mono: [0],
        widths: [2, 3],
      },
      { kind: 'actions', id: 'next', buttons: nextSteps(lang, 'help') },
    ],
  };
}

function tipCard(a: TipAnswer, daily: boolean): Card {
  const { lang } = a;
  const buttons: CardButton[] = [];
  if (a.case) {
    buttons.push({
      label: `📘 ${label('readCase', lang)}`,
      action: { kind: 'show', caseId: a.case.id, section: null },
      primary: true,
    });
  }
  buttons.push(ask(label('anotherTip', lang), lang === 'zh' ? '技巧' : 'tip'));
  const title = `💡 ${label(daily ? 'tipTitle' : 'tip', lang)}`;
  return {
    lang,
    summary: `${title}${colon(lang)}${a.tip.text[lang]}`,
    blocks: [
      { kind: 'title', text: title },
      ...(a.tip.lang && a.tip.lang !== lang
        ? [
            {
              kind: 'context' as const,
              text: rich(label(a.tip.lang === 'en' ? 'tipOnlyInEn' : 'tipOnlyInZh', lang)),
            },
          ]
        : []),
      { kind: 'text', text: rich(a.tip.text[lang]) },
      ...(a.case
        ? [
            {
              kind: 'context' as const,
              text: rich(
                withStars(
                  `${label('case', lang)}${colon(lang)}${a.case.title[lang]}`,
                  a.case.rating,
                ),
              ),
            },
          ]
        : []),
      { kind: 'actions', id: 'tip', buttons },
    ],
  };
}

function noMatchCard(a: NoMatchAnswer, surface: CardContext['surface']): Card {
  const { lang } = a;
  const query = [...a.query.replace(/\s+/g, ' ').trim()].slice(0, 80).join('');
  const line = label('noMatchLine', lang, { query });
  const ids = new Set(a.cases.map((c) => c.id));
  const examples = EXAMPLE_QUESTIONS.filter((q) => ids.has(q.caseId)).map((q) =>
    ask(`💬 ${q[lang]}`, q[lang]),
  );
  const cases = a.cases.slice(0, 4).map<CardButton>((c) => ({
    label: c.title[lang],
    action: { kind: 'show', caseId: c.id, section: null },
  }));
  return {
    lang,
    summary: line,
    blocks: [
      { kind: 'title', text: `🔎 ${line}` },
      ...(surface === 'text'
        ? []
        : [
            {
              kind: 'actions' as const,
              id: 'handoff',
              buttons: [
                { ...askPersonButton(lang, { question: a.query, caseId: null }), primary: true },
              ],
            },
          ]),
      { kind: 'context', text: rich(label('tryAsking', lang)) },
      ...(examples.length > 0
        ? [{ kind: 'actions' as const, id: 'examples', buttons: examples }]
        : []),
      { kind: 'actions', id: 'cases', buttons: cases.slice(0, 2) },
      ...(cases.length > 2
        ? [{ kind: 'actions' as const, id: 'cases-more', buttons: cases.slice(2, 4) }]
        : []),
    ],
  };
}

const TONE: Record<NoticeAnswer['tone'], string> = {
  success: '✅',
  info: 'ℹ️',
  warning: '⚠️',
  error: '❗',
};

function noticeCard(a: NoticeAnswer, surface: CardContext['surface']): Card {
  const text = `${TONE[a.tone]} ${a.text}`;
  const offer =
    a.handoff && surface !== 'text'
      ? [{ kind: 'actions' as const, id: 'handoff', buttons: [askPersonButton(a.lang, a.handoff)] }]
      : [];
  return {
    lang: a.lang,
    summary: text,
    blocks: [{ kind: 'text', text: withCode(text) }, ...offer],
  };
}

/** What every renderer shows for an answer: the same blocks, in the same order. */
export function answerCard(answer: Answer, context: CardContext): Card {
  switch (answer.kind) {
    case 'case':
      return caseCard(answer, context.diagrams, {
        ...(context.casesUrl && { casesUrl: context.casesUrl }),
        offerHandoff: context.surface !== 'text',
      });
    case 'compare':
      return compareCard(answer);
    case 'list':
      return listCard(answer);
    case 'help':
      return helpCard(answer, context.surface);
    case 'tip':
      return tipCard(answer, context.daily ?? false);
    case 'no-match':
      return noMatchCard(answer, context.surface);
    case 'notice':
      return noticeCard(answer, context.surface);
    case 'unprompted':
      return unpromptedCard(answer);
    case 'auto-mode':
      return autoModeCard(answer, context.surface);
    case 'handoff':
      return handoffCard(answer, context.handoffLink);
    case 'digest':
      return digestCard(answer);
  }
}
