import type { Case, Lang, Section, Solution } from '../catalog/schema.js';
import type { CaseAnswer, CompareAnswer } from '../core/model.js';
import {
  type Card,
  type CardBlock,
  type CardButton,
  linkTo,
  type Rich,
  rich,
  type Span,
  strong,
} from './card-model.js';
import { askPersonButton } from './cards-handoff.js';
import { caseFileUrl } from './case-links.js';
import { type DiagramOptions, diagramLinks } from './diagram.js';
import { changeOf, type Fact, factFor, headlineOf, metricConcept } from './facts.js';
import { freshnessLine } from './freshness-line.js';
import { label, principleEmoji, principleLabel, withStars } from './labels.js';

export const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');
const dash = (lang: Lang) => (lang === 'zh' ? '——' : ' — ');
const paren = (lang: Lang, s: string) => (lang === 'zh' ? `（${s}）` : ` (${s})`);

/** Buttons to the parts of a case that are not on screen (never the part shown). */
const VIEWS: readonly { view: Section | null; key: Parameters<typeof label>[0] }[] = [
  { view: null, key: 'summaryButton' },
  { view: 'architecture', key: 'diagramButton' },
  { view: 'challenges', key: 'challengesButton' },
  { view: 'solutions', key: 'solutionsButton' },
];

/** `metrics` is what the summary card shows; the other sections have their own view. */
export function viewOf(section: Section | null): Section | null {
  return section === 'metrics' ? null : section;
}

export function caseButtons(c: Case, lang: Lang, shown: Section | null): CardButton[] {
  const has = (view: Section | null) => view !== 'architecture' || c.diagram !== undefined;
  return VIEWS.filter((v) => v.view !== shown && has(v.view)).map((v) => ({
    label: label(v.key, lang),
    action: { kind: 'show', caseId: c.id, section: v.view },
  }));
}

export function metricsTable(c: Case, lang: Lang): CardBlock {
  return {
    kind: 'table',
    id: `metrics-${c.id}`,
    columns: [
      label('metric', lang),
      label('before', lang),
      label('after', lang),
      label('change', lang),
    ],
    rows: c.metrics.map((m) => [
      rich(m.name[lang]),
      rich(m.before[lang]),
      rich(strong(m.after[lang])),
      rich(changeOf(m, lang)),
    ]),
    widths: [3, 2, 2, 3],
    join: [' → ', ' · '],
    figures: true,
  };
}

/** How a solution row starts: "📦 **Containerisation**: ". */
function principleHead(s: Solution, lang: Lang): (string | Span)[] {
  return [
    `${principleEmoji(s.principle)} `,
    strong(principleLabel(s.principle, lang, s.principleName)),
    colon(lang),
  ];
}

function principleLines(c: Case, lang: Lang): CardBlock {
  return {
    kind: 'bullets',
    items: c.solutions.map((s) =>
      rich(...principleHead(s, lang), s.technologies[lang], dash(lang), s.effect[lang]),
    ),
  };
}

export function leadOf(c: Case, lang: Lang, fact: Fact): Rich {
  if (fact.kind === 'metric') {
    const parts = fact.metrics.flatMap((m, i) => [
      ...(i > 0 ? ['  ·  '] : []),
      `${m.name[lang]}${colon(lang)}${m.before[lang]} → `,
      strong(m.after[lang]),
      changeOf(m, lang) === '↑' ? '' : paren(lang, changeOf(m, lang)),
    ]);
    return rich('🎯 ', ...parts);
  }
  const parts = fact.principles.flatMap((p, i) => {
    const s = c.solutions.find((x) => x.principle === p)!;
    return [
      ...(i > 0 ? ['  ·  '] : []),
      `${principleEmoji(p)} ${principleLabel(p, lang, s.principleName)}${colon(lang)}`,
      strong(s.technologies[lang]),
      ...(fact.principles.length === 1 ? [dash(lang), s.measures[lang]] : []),
    ];
  });
  return rich('🎯 ', ...parts);
}

function sectionBlocks(c: Case, lang: Lang, section: Section, diagrams: DiagramOptions) {
  const out: CardBlock[] = [];
  switch (section) {
    case 'challenges':
      if (c.background.length > 0) {
        out.push({ kind: 'heading', text: label('background', lang) });
        out.push({ kind: 'bullets', items: c.background.map((t) => rich(t[lang])) });
      }
      out.push({ kind: 'heading', text: `🧩 ${label('challenges', lang)}` });
      out.push({ kind: 'bullets', items: c.challenges.map((t) => rich(t[lang])) });
      break;
    case 'solutions':
      out.push({ kind: 'heading', text: `🛠️ ${label('solutions', lang)}` });
      out.push({
        kind: 'bullets',
        items: c.solutions.map((s) =>
          rich(
            ...principleHead(s, lang),
            strong(s.technologies[lang]),
            dash(lang),
            s.measures[lang],
            dash(lang),
            s.effect[lang],
          ),
        ),
      });
      break;
    case 'architecture': {
      if (!c.diagram) break;
      const links = diagramLinks(c.diagram[lang], diagrams);
      out.push({
        kind: 'image',
        url: links.imageUrl,
        alt: label('diagramAlt', lang, { title: c.title[lang] }),
        link: links.editUrl,
        linkLabel: label('editDiagram', lang),
      });
      break;
    }
    case 'metrics':
      if (c.metrics.length > 0) out.push(metricsTable(c, lang));
  }
  return out;
}

/** "📄 Case file: ecommerce.yaml", linked to the file, so an owner can go from an answer to it. */
function sourceLine(c: Case, lang: Lang, casesUrl: string): CardBlock {
  return {
    kind: 'context',
    text: rich(
      `📄 ${label('caseFile', lang)}${colon(lang)}`,
      linkTo(`${c.id}.yaml`, caseFileUrl(casesUrl, c.id)),
    ),
  };
}

/**
 * A case, compact: title, the asked-for fact (or the headline), summary, metrics table, one line
 * per principle; the diagram and the detailed sections are one click away. With `casesUrl`, a
 * line under the content links to the case's file.
 */
export function caseCard(
  a: CaseAnswer,
  diagrams: DiagramOptions,
  options: { readonly casesUrl?: string; readonly offerHandoff?: boolean } = {},
): Card {
  const { casesUrl, offerHandoff = false } = options;
  const { case: c, lang } = a;
  const fact = a.query ? factFor(c, a.query) : null;
  // A question for one fact gets the summary card led by it, even when it named a section.
  const asked =
    fact && a.section !== 'architecture' && a.section !== 'challenges' ? null : viewOf(a.section);
  // A case without a diagram answers "architecture" with its summary card.
  const view = asked === 'architecture' && !c.diagram ? null : asked;
  const blocks: CardBlock[] = [{ kind: 'title', text: c.title[lang] }];
  if (c.lang && c.lang !== lang) {
    blocks.push({
      kind: 'context',
      text: rich(label(c.lang === 'en' ? 'onlyInEn' : 'onlyInZh', lang)),
    });
  }
  if (view === null) {
    if (fact) blocks.push({ kind: 'lead', text: leadOf(c, lang, fact) });
    else if (c.headline || c.metrics.length > 0) {
      blocks.push({ kind: 'lead', text: rich('🏆 ', strong(headlineOf(c, lang))) });
    }
    blocks.push({ kind: 'text', text: rich(c.summary[lang]) });
    if (c.metrics.length > 0) blocks.push(metricsTable(c, lang));
    blocks.push(principleLines(c, lang));
  } else {
    const context = c.rating === undefined ? c.summary[lang] : withStars('', c.rating).trim();
    blocks.push({
      kind: 'context',
      text: rich(c.rating === undefined ? context : `${context}  ${c.summary[lang]}`),
    });
    blocks.push(...sectionBlocks(c, lang, view, diagrams));
  }
  if (casesUrl) blocks.push(sourceLine(c, lang, casesUrl));
  const footer = freshnessLine(c, a.freshness, lang);
  if (footer) blocks.push({ kind: 'context', text: footer });
  if (a.alternatives.length > 0) {
    blocks.push({
      kind: 'context',
      text: rich(`${label('didYouMean', lang)}${lang === 'zh' ? '：' : ':'}`),
    });
    blocks.push({
      kind: 'actions',
      id: 'alternatives',
      buttons: a.alternatives.slice(0, 3).map((r) => ({
        label: r.title,
        action: { kind: 'show', caseId: r.caseId, section: a.section },
      })),
    });
  }
  blocks.push({ kind: 'actions', id: 'navigate', buttons: caseButtons(c, lang, view) });
  blocks.push({
    kind: 'feedback',
    question: label('wasHelpful', lang),
    caseId: c.id,
    section: a.section,
    query: a.query,
    yes: label('helpful', lang),
    no: label('notHelpful', lang),
    // Not sure it is the right case: a person may know.
    ...(offerHandoff && a.alternatives.length > 0
      ? { handoff: askPersonButton(lang, { question: a.query, caseId: c.id }) }
      : {}),
  });
  return {
    lang,
    blocks,
    summary: `${c.title[lang]}${colon(lang)}${headlineOf(c, lang)}`,
    share: { caseId: c.id, section: a.section },
  };
}

/** Two cases in one table, shared metrics on one row, led by a one-line verdict. */
export function compareCard(a: CompareAnswer): Card {
  const { lang } = a;
  const [x, y] = a.cases;
  const rows: Rich[][] = [];
  const shared: string[] = [];
  const sharedAfters: string[] = [];
  const used = new Set<number>();
  for (const m of x.metrics) {
    const j = y.metrics.findIndex((n, i) => !used.has(i) && metricConcept(n) === metricConcept(m));
    const n = j >= 0 ? y.metrics[j] : undefined;
    if (n) used.add(j);
    if (n && n.after[lang] === m.after[lang]) {
      sharedAfters.push(m.after[lang]);
      shared.push(
        label('bothReach', lang, { after: m.after[lang], name: m.name[lang].toLowerCase() }),
      );
    }
    rows.push([
      rich(m.name[lang]),
      rich(strong(m.after[lang]), ` ${changeOf(m, lang)}`),
      n ? rich(strong(n.after[lang]), ` ${changeOf(n, lang)}`) : rich('—'),
    ]);
  }
  y.metrics.forEach((n, i) => {
    if (!used.has(i))
      rows.push([
        rich(n.name[lang]),
        rich('—'),
        rich(strong(n.after[lang]), ` ${changeOf(n, lang)}`),
      ]);
  });
  const firstOther = (c: Case) => {
    const items = headlineOf(c, lang).split(' · ');
    const what = items.find((h) => !sharedAfters.some((v) => h.includes(v))) ?? items[0]!;
    // Without a headline or metrics this is the summary: the verdict adds its own full stop.
    return what.replace(/[.。]$/u, '');
  };
  const verdict = [
    ...shared.slice(0, 1),
    label('standsOut', lang, { title: x.title[lang], what: firstOther(x) }),
    label('standsOut', lang, { title: y.title[lang], what: firstOther(y) }),
  ].join(lang === 'zh' ? '；' : '; ');
  const title = `⚖️ ${label('compareVs', lang, { a: x.title[lang], b: y.title[lang] })}`;
  const table: CardBlock[] =
    rows.length === 0
      ? []
      : [
          {
            kind: 'table',
            id: 'compare',
            columns: [label('metric', lang), x.title[lang], y.title[lang]],
            rows,
            widths: [3, 3, 3],
            join: ['  |  '],
            figures: true,
          },
        ];
  return {
    lang,
    summary: `${title}${colon(lang)}${verdict}`,
    share: { text: `compare ${x.id} ${y.id}` },
    blocks: [
      { kind: 'title', text: title },
      { kind: 'lead', text: rich(verdict + (lang === 'zh' ? '。' : '.')) },
      ...table,
      {
        kind: 'actions',
        id: 'open',
        buttons: [x, y].map((c) => ({
          label: `📘 ${c.title[lang]}`,
          action: { kind: 'show', caseId: c.id, section: null },
        })),
      },
    ],
  };
}
