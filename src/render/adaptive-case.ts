import { type Lang, SECTIONS, type Section } from '../catalog/model.js';
import type { Case } from '../catalog/schema.js';
import type { CaseAnswer } from '../core/model.js';
import { feedbackAction, showAction } from './adaptive-actions.js';
import { adaptiveLabel } from './adaptive-labels.js';
import {
  bullets,
  container,
  escapeMarkdown,
  fact,
  factSet,
  heading,
  subtle,
  textBlock,
  userText,
} from './adaptive-text.js';
import type { CardAction, CardElement, OpenUrlAction } from './adaptive-types.js';
import { type DiagramOptions, diagramLinks } from './diagram.js';
import { label, PRINCIPLE_EMOJI, principleLabel, sectionLabel, stars } from './labels.js';

/** Title, summary and the context line (rating, principles) every case card starts with. */
export function caseHeader(c: Case, lang: Lang): CardElement[] {
  const principles = c.solutions
    .map((s) => `${PRINCIPLE_EMOJI[s.principle]} ${principleLabel(s.principle, lang)}`)
    .join(' · ');
  return [
    container(
      [
        textBlock(escapeMarkdown(c.title[lang]), { size: 'large', weight: 'bolder' }),
        textBlock(escapeMarkdown(c.summary[lang]), { isSubtle: true, spacing: 'small' }),
        factSet([
          fact(label('rating', lang), stars(c.rating)),
          fact(label('principles', lang), principles),
        ]),
      ],
      { style: 'emphasis' },
    ),
  ];
}

/** Metrics as a FactSet: one row per metric, "before → after · improvement". */
export function metricsFacts(c: Case, lang: Lang): CardElement[] {
  const legend = adaptiveLabel('metricsLegend', lang, {
    before: label('before', lang),
    after: label('after', lang),
    improvement: label('improvement', lang),
  });
  return [
    subtle(escapeMarkdown(legend)),
    factSet(
      c.metrics.map((m) =>
        fact(m.name[lang], `${m.before[lang]} → ${m.after[lang]} · ${m.improvement[lang]}`),
      ),
    ),
  ];
}

function solutions(c: Case, lang: Lang): CardElement[] {
  return c.solutions.map((s) =>
    container(
      [
        textBlock(
          escapeMarkdown(`${PRINCIPLE_EMOJI[s.principle]} ${principleLabel(s.principle, lang)}`),
          { weight: 'bolder' },
        ),
        factSet([
          fact(label('technologies', lang), s.technologies[lang]),
          fact(label('measures', lang), s.measures[lang]),
          fact(label('effect', lang), s.effect[lang]),
        ]),
      ],
      { spacing: 'medium' },
    ),
  );
}

function editorAction(c: Case, lang: Lang, diagrams: DiagramOptions): OpenUrlAction {
  return {
    type: 'Action.OpenUrl',
    title: label('editDiagram', lang),
    url: diagramLinks(c.diagram[lang], diagrams).editUrl,
  };
}

function architecture(c: Case, lang: Lang, diagrams: DiagramOptions): CardElement[] {
  const links = diagramLinks(c.diagram[lang], diagrams);
  const out: CardElement[] = [];
  if (links.imageUrl) {
    out.push({
      type: 'Image',
      url: links.imageUrl,
      altText: label('diagramAlt', lang, { title: c.title[lang] }),
      selectAction: editorAction(c, lang, diagrams),
    });
  } else {
    // No image (DIAGRAM_RENDERER=none): a visible link to the editor instead.
    out.push(subtle(`[${escapeMarkdown(label('editDiagram', lang))}](${links.editUrl})`));
  }
  return out;
}

function part(c: Case, lang: Lang, section: Section, diagrams: DiagramOptions): CardElement[] {
  switch (section) {
    case 'challenges':
      return [heading(label('challenges', lang)), bullets(c.challenges.map((t) => t[lang]))];
    case 'solutions':
      return [heading(label('solutions', lang)), ...solutions(c, lang)];
    case 'architecture':
      return [heading(label('architecture', lang)), ...architecture(c, lang, diagrams)];
    case 'metrics':
      return [heading(label('metrics', lang)), ...metricsFacts(c, lang)];
  }
}

export function caseBody(a: CaseAnswer, diagrams: DiagramOptions): CardElement[] {
  const { case: c, lang, section } = a;
  const body: CardElement[] = caseHeader(c, lang);
  if (a.query) body.push(subtle(label('matchedQuestion', lang, { query: userText(a.query, 120) })));
  if (section) {
    body.push(
      subtle(escapeMarkdown(label('focusedOn', lang, { section: sectionLabel(section, lang) }))),
    );
    body.push(...part(c, lang, section, diagrams));
    // The metrics and the diagram (what a case is judged by) follow on every case card.
    for (const s of ['metrics', 'architecture'] as const) {
      if (s !== section) body.push(...part(c, lang, s, diagrams));
    }
  } else {
    body.push(heading(label('background', lang)), bullets(c.background.map((t) => t[lang])));
    for (const s of SECTIONS) body.push(...part(c, lang, s, diagrams));
  }
  if (a.alternatives.length > 0) {
    const titles = a.alternatives.map((r) => r.title).join(' · ');
    body.push(subtle(escapeMarkdown(`${label('didYouMean', lang)}: ${titles}`)));
  }
  body.push(subtle(escapeMarkdown(label('wasHelpful', lang))));
  return body;
}

export function caseActions(a: CaseAnswer, diagrams: DiagramOptions): CardAction[] {
  const { case: c, lang, section } = a;
  const actions: CardAction[] = [];
  actions.push(editorAction(c, lang, diagrams));
  if (a.alternatives.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: label('didYouMean', lang),
      card: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [],
        actions: a.alternatives.map((r) => showAction(r.title, r.caseId, null, lang)),
      },
    });
  }
  const views: CardAction[] = SECTIONS.filter((s) => s !== section).map((s) =>
    showAction(sectionLabel(s, lang), c.id, s, lang),
  );
  if (section !== null) views.unshift(showAction(label('fullCase', lang), c.id, null, lang));
  actions.push({
    type: 'Action.ShowCard',
    title: adaptiveLabel('sections', lang),
    card: { type: 'AdaptiveCard', version: '1.5', body: [], actions: views },
  });
  actions.push(feedbackAction(label('helpful', lang), c.id, true, a.query, lang));
  actions.push(feedbackAction(label('notHelpful', lang), c.id, false, a.query, lang));
  return actions;
}
