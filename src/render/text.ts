import type { Case, Lang, Section } from '../catalog/schema.js';
import type {
  Answer,
  CaseAnswer,
  CompareAnswer,
  HelpAnswer,
  ListAnswer,
  NoMatchAnswer,
  NoticeAnswer,
  TipAnswer,
} from '../core/model.js';
import { type DiagramOptions, diagramLinks } from './diagram.js';
import { label, PRINCIPLE_EMOJI, principleLabel, sectionLabel, stars } from './labels.js';

export interface TextOptions {
  /** ANSI colour (a TTY); plain text when piped. */
  readonly color: boolean;
  readonly diagrams: DiagramOptions;
}

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  good(s: string): string;
  warn(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const COLOR: Style = {
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  accent: ansi(36, 39),
  good: ansi(32, 39),
  warn: ansi(33, 39),
};
const id = (s: string) => s;
const PLAIN: Style = { bold: id, dim: id, accent: id, good: id, warn: id };

/** Control characters from data never reach the terminal (no escape-sequence injection). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

function heading(st: Style, text: string): string {
  return `\n${st.bold(st.accent(text))}`;
}

function caseHeader(st: Style, c: Case, lang: Lang): string[] {
  const principles = c.solutions.map((s) => principleLabel(s.principle, lang)).join(' · ');
  return [
    st.bold(clean(c.title[lang])) + st.dim(`  (${c.id})`),
    `${st.warn(stars(c.rating))}  ${st.dim(principles)}`,
    clean(c.summary[lang]),
  ];
}

function sectionLines(st: Style, c: Case, lang: Lang, section: Section, o: TextOptions): string[] {
  const out = [heading(st, sectionLabel(section, lang))];
  switch (section) {
    case 'challenges':
      for (const ch of c.challenges) out.push(`  • ${clean(ch[lang])}`);
      break;
    case 'solutions':
      for (const s of c.solutions) {
        out.push(`  ${PRINCIPLE_EMOJI[s.principle]} ${st.bold(principleLabel(s.principle, lang))}`);
        out.push(`     ${label('technologies', lang)}: ${clean(s.technologies[lang])}`);
        out.push(`     ${label('measures', lang)}: ${clean(s.measures[lang])}`);
        out.push(`     ${label('effect', lang)}: ${clean(s.effect[lang])}`);
      }
      break;
    case 'metrics':
      for (const m of c.metrics) {
        out.push(
          `  • ${st.bold(clean(m.name[lang]))}: ${clean(m.before[lang])} → ${st.good(clean(m.after[lang]))}  ${st.dim(`(${clean(m.improvement[lang])})`)}`,
        );
      }
      break;
    case 'architecture': {
      const links = diagramLinks(c.diagram[lang], o.diagrams);
      out.push(
        ...clean(c.diagram[lang])
          .split('\n')
          .map((l) => st.dim(`  ${l}`)),
      );
      if (links.imageUrl) out.push(`  ${st.dim('PNG:')} ${links.imageUrl}`);
      out.push(`  ${st.dim(`${label('editDiagram', lang)}:`)} ${links.editUrl}`);
      break;
    }
  }
  return out;
}

function renderCase(a: CaseAnswer, st: Style, o: TextOptions): string[] {
  const { case: c, lang } = a;
  const out = caseHeader(st, c, lang);
  if (a.section) {
    out.push(st.dim(label('focusedOn', lang, { section: sectionLabel(a.section, lang) })));
    out.push(...sectionLines(st, c, lang, a.section, o));
    // The metrics and the diagram follow on every case card, as on Slack and Teams.
    if (a.section !== 'metrics') out.push(...sectionLines(st, c, lang, 'metrics', o));
    if (a.section !== 'architecture') {
      const links = diagramLinks(c.diagram[lang], o.diagrams);
      out.push(heading(st, sectionLabel('architecture', lang)));
      if (links.imageUrl) out.push(`  ${st.dim('PNG:')} ${links.imageUrl}`);
      out.push(`  ${st.dim(`${label('editDiagram', lang)}:`)} ${links.editUrl}`);
    }
  } else {
    out.push(heading(st, label('background', lang)));
    for (const b of c.background) out.push(`  • ${clean(b[lang])}`);
    for (const s of ['challenges', 'solutions', 'metrics', 'architecture'] as const) {
      out.push(...sectionLines(st, c, lang, s, o));
    }
  }
  if (a.alternatives.length > 0) {
    const names = a.alternatives.map((r) => `${clean(r.title)} (${r.caseId})`).join(', ');
    out.push('', st.dim(`${label('didYouMean', lang)}: ${names}`));
  }
  return out;
}

function renderList(a: ListAnswer, st: Style): string[] {
  const { lang } = a;
  const out = [st.bold(label('casebook', lang)), label('listIntro', lang), ''];
  for (const c of a.cases) {
    out.push(
      `${st.warn(stars(c.rating))}  ${st.bold(clean(c.title[lang]))} ${st.dim(`(${c.id})`)}`,
    );
    out.push(`       ${clean(c.summary[lang])}`);
  }
  return out;
}

function renderHelp(a: HelpAnswer, st: Style): string[] {
  const out = [st.bold(label('helpTitle', a.lang))];
  if (a.intro) out.push(clean(a.intro));
  out.push('');
  for (const c of a.commands)
    out.push(`  ${st.accent(clean(c.usage))}`, `      ${clean(c.description)}`);
  return out;
}

function renderCompare(a: CompareAnswer, st: Style): string[] {
  const { lang } = a;
  const [x, y] = a.cases;
  const out = [
    st.bold(label('compareTitle', lang, { a: clean(x.title[lang]), b: clean(y.title[lang]) })),
  ];
  for (const c of a.cases) {
    out.push(heading(st, `${clean(c.title[lang])}  ${st.warn(stars(c.rating))}`));
    for (const m of c.metrics) {
      out.push(
        `  • ${clean(m.name[lang])}: ${clean(m.before[lang])} → ${st.good(clean(m.after[lang]))} ${st.dim(`(${clean(m.improvement[lang])})`)}`,
      );
    }
  }
  return out;
}

function renderTip(a: TipAnswer, st: Style): string[] {
  const out = [`💡 ${st.bold(label('tipTitle', a.lang))}`, clean(a.tip.text[a.lang])];
  if (a.case)
    out.push(st.dim(`${label('readCase', a.lang)}: ${clean(a.case.title[a.lang])} (${a.case.id})`));
  return out;
}

function renderNoMatch(a: NoMatchAnswer, st: Style): string[] {
  const query = clean(a.query).slice(0, 80);
  const out = [st.bold(label('noMatchTitle', a.lang)), label('noMatch', a.lang, { query }), ''];
  for (const c of a.cases) out.push(`  • ${clean(c.title[a.lang])} ${st.dim(`(${c.id})`)}`);
  return out;
}

function renderNotice(a: NoticeAnswer, st: Style): string[] {
  const mark = { success: st.good('✓'), info: st.accent('ℹ'), warning: st.warn('!'), error: '✗' };
  return [`${mark[a.tone]} ${clean(a.text)}`];
}

/** An Answer as terminal text: colour on a TTY, clean when piped. */
export function renderText(answer: Answer, options: TextOptions): string {
  const st = options.color ? COLOR : PLAIN;
  switch (answer.kind) {
    case 'case':
      return renderCase(answer, st, options).join('\n');
    case 'list':
      return renderList(answer, st).join('\n');
    case 'help':
      return renderHelp(answer, st).join('\n');
    case 'compare':
      return renderCompare(answer, st).join('\n');
    case 'tip':
      return renderTip(answer, st).join('\n');
    case 'no-match':
      return renderNoMatch(answer, st).join('\n');
    case 'notice':
      return renderNotice(answer, st).join('\n');
  }
}
