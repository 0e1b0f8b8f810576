import type { Answer, CaseAnswer } from '../core/model.js';
import { plain } from './adaptive-text.js';
import { type DiagramOptions, diagramLinks } from './diagram.js';
import { label, PRINCIPLE_EMOJI, principleLabel, sectionLabel, stars } from './labels.js';
import { renderText } from './text.js';

const MAX_FALLBACK_CHARS = 3000;

/**
 * A case as a few plain lines: what shows in notifications and on clients without cards.
 * Shorter than the terminal text (no mermaid source), so the card stays small.
 */
function caseFallback(a: CaseAnswer, diagrams: DiagramOptions): string {
  const { case: c, lang, section } = a;
  const wants = (s: typeof section) => section === null || section === s;
  const lines = [
    `${c.title[lang]} — ${c.summary[lang]}`,
    `${label('rating', lang)}: ${stars(c.rating)}`,
  ];
  if (section) lines.push(label('focusedOn', lang, { section: sectionLabel(section, lang) }));
  if (wants('challenges')) {
    lines.push(`${label('challenges', lang)}: ${c.challenges.map((t) => t[lang]).join('; ')}`);
  }
  if (wants('solutions')) {
    for (const s of c.solutions) {
      lines.push(
        `${PRINCIPLE_EMOJI[s.principle]} ${principleLabel(s.principle, lang)}: ${s.technologies[lang]} — ${s.measures[lang]} — ${s.effect[lang]}`,
      );
    }
  }
  if (wants('metrics')) {
    lines.push(`${label('metrics', lang)}:`);
    for (const m of c.metrics) {
      lines.push(
        `• ${m.name[lang]}: ${m.before[lang]} → ${m.after[lang]} (${m.improvement[lang]})`,
      );
    }
  }
  if (wants('architecture')) {
    lines.push(`${label('editDiagram', lang)}: ${diagramLinks(c.diagram[lang], diagrams).editUrl}`);
  }
  return lines.join('\n');
}

/** The plain-text version of an answer: `fallbackText`, notifications, screen readers. */
export function adaptiveFallbackText(answer: Answer, diagrams: DiagramOptions): string {
  const text =
    answer.kind === 'case'
      ? caseFallback(answer, diagrams)
      : renderText(answer, { color: false, diagrams });
  return plain(text, MAX_FALLBACK_CHARS);
}
