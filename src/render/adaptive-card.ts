import type { Case, Lang } from '../catalog/schema.js';
import type {
  Answer,
  CompareAnswer,
  HelpAnswer,
  ListAnswer,
  NoMatchAnswer,
  NoticeAnswer,
  TipAnswer,
} from '../core/model.js';
import { showAction } from './adaptive-actions.js';
import { caseActions, caseBody, metricsFacts } from './adaptive-case.js';
import { adaptiveFallbackText } from './adaptive-fallback.js';
import { adaptiveLabel } from './adaptive-labels.js';
import {
  container,
  escapeMarkdown,
  factSet,
  heading,
  sentence,
  subtle,
  textBlock,
  userText,
} from './adaptive-text.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextColor,
} from './adaptive-types.js';
import type { DiagramOptions } from './diagram.js';
import { label, stars } from './labels.js';

export { adaptiveFallbackText } from './adaptive-fallback.js';
export type { AdaptiveCard } from './adaptive-types.js';
export { ADAPTIVE_CARD_CONTENT_TYPE, MAX_CARD_BYTES } from './adaptive-types.js';

export interface AdaptiveCardOptions {
  readonly diagrams: DiagramOptions;
  /** A tip posted by the daily schedule ("Tip of the day") rather than asked for. */
  readonly daily?: boolean;
}

/** Teams shows at most six actions in a card's action bar. */
const MAX_ACTIONS = 6;

function title(text: string, color?: TextColor): CardElement {
  return textBlock(escapeMarkdown(text), {
    size: 'large',
    weight: 'bolder',
    ...(color && { color }),
  });
}

/** One line per case: title and rating, summary; the whole row opens the case. */
function caseRows(cases: readonly Case[], lang: Lang): CardElement[] {
  return cases.map((c) =>
    container(
      [
        textBlock(`**${escapeMarkdown(c.title[lang])}** ${stars(c.rating)}`),
        textBlock(escapeMarkdown(c.summary[lang]), { isSubtle: true, spacing: 'none' }),
      ],
      {
        separator: true,
        spacing: 'medium',
        selectAction: showAction(c.title[lang], c.id, null, lang),
      },
    ),
  );
}

function openActions(cases: readonly Case[], lang: Lang): CardAction[] {
  return cases.slice(0, MAX_ACTIONS).map((c) => showAction(c.title[lang], c.id, null, lang));
}

function listCard(a: ListAnswer): [CardElement[], CardAction[]] {
  return [
    [
      title(label('casebook', a.lang)),
      textBlock(escapeMarkdown(label('listIntro', a.lang))),
      ...caseRows(a.cases, a.lang),
    ],
    openActions(a.cases, a.lang),
  ];
}

function noMatchCard(a: NoMatchAnswer): [CardElement[], CardAction[]] {
  return [
    [
      title(label('noMatchTitle', a.lang), 'warning'),
      // The label is ours; only the echoed question needs escaping.
      textBlock(
        escapeMarkdown(label('noMatch', a.lang, { query: '\uE000' })).replace(
          '\uE000',
          userText(a.query, 80),
        ),
      ),
      ...caseRows(a.cases, a.lang),
    ],
    openActions(a.cases, a.lang),
  ];
}

function helpCard(a: HelpAnswer): [CardElement[], CardAction[]] {
  const body: CardElement[] = [title(label('helpTitle', a.lang))];
  if (a.intro) body.push(textBlock(sentence(a.intro)));
  body.push(
    factSet(
      a.commands.map((c) => ({ title: escapeMarkdown(c.usage), value: sentence(c.description) })),
      'medium',
    ),
  );
  return [body, []];
}

function compareCard(a: CompareAnswer): [CardElement[], CardAction[]] {
  const [x, y] = a.cases;
  const body: CardElement[] = [
    title(label('compareTitle', a.lang, { a: x.title[a.lang], b: y.title[a.lang] })),
  ];
  for (const c of a.cases) {
    body.push(heading(`${c.title[a.lang]} ${stars(c.rating)}`));
    body.push(subtle(escapeMarkdown(c.summary[a.lang])));
    body.push(...metricsFacts(c, a.lang));
  }
  return [body, openActions(a.cases, a.lang)];
}

function tipCard(a: TipAnswer, daily: boolean): [CardElement[], CardAction[]] {
  const body: CardElement[] = [
    title(`💡 ${label(daily ? 'tipTitle' : 'tip', a.lang)}`),
    textBlock(escapeMarkdown(a.tip.text[a.lang])),
  ];
  const actions: CardAction[] = [];
  if (a.case) {
    body.push(
      subtle(escapeMarkdown(adaptiveLabel('fromCase', a.lang, { title: a.case.title[a.lang] }))),
    );
    actions.push(showAction(label('readCase', a.lang), a.case.id, null, a.lang));
  }
  return [body, actions];
}

const TONE: Record<NoticeAnswer['tone'], { color: TextColor; mark: string }> = {
  success: { color: 'good', mark: '✅' },
  info: { color: 'default', mark: 'ℹ️' },
  warning: { color: 'warning', mark: '⚠️' },
  error: { color: 'attention', mark: '❗' },
};

function noticeCard(a: NoticeAnswer): [CardElement[], CardAction[]] {
  const tone = TONE[a.tone];
  return [[textBlock(`${tone.mark} ${sentence(a.text)}`, { color: tone.color })], []];
}

function parts(answer: Answer, options: AdaptiveCardOptions): [CardElement[], CardAction[]] {
  switch (answer.kind) {
    case 'case':
      return [caseBody(answer, options.diagrams), caseActions(answer, options.diagrams)];
    case 'list':
      return listCard(answer);
    case 'help':
      return helpCard(answer);
    case 'compare':
      return compareCard(answer);
    case 'tip':
      return tipCard(answer, options.daily ?? false);
    case 'no-match':
      return noMatchCard(answer);
    case 'notice':
      return noticeCard(answer);
  }
}

/** An Answer as an Adaptive Card 1.5 for Teams. Pure: no I/O. */
export function renderAdaptiveCard(answer: Answer, options: AdaptiveCardOptions): AdaptiveCard {
  const [body, actions] = parts(answer, options);
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang: answer.lang === 'zh' ? 'zh-CN' : 'en',
    fallbackText: adaptiveFallbackText(answer, options.diagrams),
    body,
    ...(actions.length > 0 && { actions: actions.slice(0, MAX_ACTIONS) }),
  };
}
