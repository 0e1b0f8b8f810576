import type { Case, Lang, Section } from '../catalog/schema.js';
import type { CaseAnswer, CompareAnswer } from '../core/model.js';
import { type Blocks, button } from './blockkit-parts.js';
import type { Button } from './blockkit-types.js';
import { type DiagramOptions, diagramLinks } from './diagram.js';
import { label, PRINCIPLE_EMOJI, principleLabel, sectionLabel, stars } from './labels.js';
import { link, mention, safe } from './mrkdwn.js';

export interface CardOptions {
  readonly diagrams: DiagramOptions;
  /** Show the diagram as an image block (default true); the editor link stays either way. */
  readonly image?: boolean;
  /** Add a "Share in channel" button (ephemeral answers). */
  readonly shareable?: boolean;
  /** The Slack user id of whoever shared the card into the channel. */
  readonly sharedBy?: string;
  /** A short plain-text note that replaces the 👍/👎 row (e.g. the thanks after a vote). */
  readonly note?: string;
}

const QUERY_ECHO_CHARS = 200;
const FOCUS: readonly Section[] = ['metrics', 'architecture', 'solutions'];

function ratingLine(c: Case, lang: Lang): string {
  return `${stars(c.rating)} ${label('rating', lang)}`;
}

function principlesLine(c: Case, lang: Lang): string {
  return c.solutions
    .map((s) => `${PRINCIPLE_EMOJI[s.principle]} ${principleLabel(s.principle, lang)}`)
    .join('  ·  ');
}

function bullets(items: readonly { en: string; zh: string }[], lang: Lang): string {
  return items.map((t) => `•  ${safe(t[lang], 600)}`).join('\n');
}

export function metricFields(c: Case, lang: Lang): string[] {
  return c.metrics.map(
    (m) =>
      `*${safe(m.name[lang], 200)}*\n${safe(m.before[lang], 400)} → *${safe(m.after[lang], 400)}* (${safe(m.improvement[lang], 300)})`,
  );
}

function addChallenges(b: Blocks, c: Case, lang: Lang, withBackground: boolean): void {
  if (withBackground)
    b.section('background', `*${label('background', lang)}*\n${bullets(c.background, lang)}`);
  b.section('challenges', `*🧩 ${label('challenges', lang)}*\n${bullets(c.challenges, lang)}`);
}

function addSolutions(b: Blocks, c: Case, lang: Lang): void {
  b.section('solutions', `*🛠️ ${label('solutions', lang)}*`);
  for (const s of c.solutions) {
    b.section(
      `solution-${s.principle}`,
      [
        `${PRINCIPLE_EMOJI[s.principle]} *${principleLabel(s.principle, lang)}*`,
        `*${label('technologies', lang)}:* ${safe(s.technologies[lang], 800)}`,
        `*${label('measures', lang)}:* ${safe(s.measures[lang], 800)}`,
        `*${label('effect', lang)}:* ${safe(s.effect[lang], 800)}`,
      ].join('\n'),
    );
  }
}

function addMetrics(b: Blocks, c: Case, lang: Lang): void {
  b.fields('metrics', metricFields(c, lang), `*📊 ${label('metrics', lang)}*`);
}

function addDiagram(b: Blocks, c: Case, lang: Lang, o: CardOptions, withSource: boolean): void {
  const links = diagramLinks(c.diagram[lang], o.diagrams);
  const title = c.title[lang];
  b.section('architecture', `*🏗️ ${label('architecture', lang)}*`);
  if (o.image !== false && links.imageUrl) {
    b.image(
      'diagram',
      links.imageUrl,
      label('diagramAlt', lang, { title }),
      label('architecture', lang),
    );
  }
  if (links.editUrl.length <= 2800)
    b.context('diagram-edit', [`✏️ ${link(links.editUrl, label('editDiagram', lang))}`]);
  if (withSource && c.diagram[lang].length <= 2700) {
    b.section('diagram-source', `\`\`\`${safe(c.diagram[lang], 2800)}\`\`\``);
  }
}

function navigation(a: CaseAnswer, o: CardOptions): Button[] {
  const { lang, case: c, section } = a;
  const buttons: Button[] = [];
  if (section !== null) {
    buttons.push(
      button(
        `📘 ${label('fullCase', lang)}`,
        { kind: 'show', caseId: c.id, section: null, lang },
        'full',
      ),
    );
  }
  for (const s of FOCUS) {
    if (s === section) continue;
    buttons.push(
      button(sectionLabel(s, lang), { kind: 'show', caseId: c.id, section: s, lang }, s),
    );
  }
  if (o.shareable) {
    buttons.push(
      button(
        `📣 ${label('share', lang)}`,
        { kind: 'share', caseId: c.id, section, lang },
        'case',
        'primary',
      ),
    );
  }
  return buttons;
}

function addFeedback(b: Blocks, a: CaseAnswer, o: CardOptions): void {
  const { lang, case: c, section, query } = a;
  if (o.note !== undefined) {
    b.context('feedback-note', [safe(o.note, 500)]);
    return;
  }
  b.context('feedback-ask', [label('wasHelpful', lang)]);
  const vote = (helpful: boolean) => ({
    kind: 'feedback' as const,
    caseId: c.id,
    section,
    helpful,
    query,
    lang,
  });
  b.actions('feedback', [
    button(label('helpful', lang), vote(true), 'yes'),
    button(label('notHelpful', lang), vote(false), 'no'),
  ]);
}

/** A case card: the whole case, or the part the question was about. */
export function renderCaseBlocks(a: CaseAnswer, o: CardOptions, b: Blocks): void {
  const { lang, case: c, section } = a;
  b.header('title', `${c.title[lang]}`);
  const context = [ratingLine(c, lang), principlesLine(c, lang)];
  if (section) context.push(label('focusedOn', lang, { section: sectionLabel(section, lang) }));
  if (a.query)
    context.push(label('matchedQuestion', lang, { query: safe(a.query, QUERY_ECHO_CHARS) }));
  b.context('meta', context);
  if (o.sharedBy) b.context('shared-by', [label('sharedBy', lang, { user: mention(o.sharedBy) })]);

  if (section === null) {
    b.section('summary', safe(c.summary[lang], 1500));
    b.divider();
    addChallenges(b, c, lang, false);
    b.divider();
    addSolutions(b, c, lang);
    b.divider();
    addMetrics(b, c, lang);
    b.divider();
    addDiagram(b, c, lang, o, false);
  } else {
    // The part asked for first; the metrics and the diagram (what a case is judged by) always
    // follow, so every case card carries both.
    if (section === 'challenges') addChallenges(b, c, lang, true);
    else if (section === 'solutions') addSolutions(b, c, lang);
    else if (section === 'metrics') addMetrics(b, c, lang);
    else addDiagram(b, c, lang, o, true);
    if (section !== 'metrics') {
      b.divider();
      addMetrics(b, c, lang);
    }
    if (section !== 'architecture') {
      b.divider();
      addDiagram(b, c, lang, o, false);
    }
  }

  if (a.alternatives.length > 0) {
    b.divider();
    b.section('did-you-mean', `*${label('didYouMean', lang)}…*`);
    b.actions(
      'alternatives',
      a.alternatives.map((alt, i) =>
        button(alt.title, { kind: 'show', caseId: alt.caseId, section, lang }, `alt-${i}`),
      ),
    );
  }
  b.divider();
  b.actions('navigate', navigation(a, o));
  addFeedback(b, a, o);
}

/** Two cases side by side: rating, challenges and key metrics. */
export function renderCompareBlocks(a: CompareAnswer, o: CardOptions, b: Blocks): void {
  const { lang } = a;
  const [x, y] = a.cases;
  b.header('title', `⚖️ ${label('compareTitle', lang, { a: x.title[lang], b: y.title[lang] })}`);
  if (o.sharedBy) b.context('shared-by', [label('sharedBy', lang, { user: mention(o.sharedBy) })]);
  for (const c of a.cases) {
    b.divider();
    b.section(
      `case-${c.id}`,
      `*${safe(c.title[lang], 200)}*  ${ratingLine(c, lang)}\n${safe(c.summary[lang], 600)}\n*${label('coreChallenges', lang)}:* ${c.challenges.map((t) => safe(t[lang], 200)).join(' · ')}`,
      {
        accessory: button(
          label('open', lang),
          { kind: 'show', caseId: c.id, section: null, lang },
          c.id,
        ),
      },
    );
    b.fields(`metrics-${c.id}`, metricFields(c, lang));
  }
  if (o.shareable) {
    b.divider();
    b.actions('navigate', [
      button(
        `📣 ${label('share', lang)}`,
        { kind: 'share', text: `compare ${x.id} ${y.id}`, lang },
        'compare',
        'primary',
      ),
    ]);
  }
}
