import { z } from 'zod';
import { LANGS, type Lang, type Owner, PRINCIPLES, SECTIONS } from './model.js';
import { peopleSchemas } from './people.js';

export type { ExpertsChannels, Lang, Owner, Section } from './model.js';
export { LANGS, PRINCIPLES, SECTIONS };

/**
 * The zod schemas of the casebook's files, built for each read of a casebook (at start and on
 * SIGHUP) rather than at import, so a running server does not keep them.
 */
/** A case (or principle, or tip) id: kebab-case. */
const CASE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isCaseId(id: string): boolean {
  return CASE_ID.test(id);
}

export function casebookSchemas() {
  const nonEmpty = z.string().trim().min(1, 'must not be empty');

  const textSchema = z.strictObject({ zh: nonEmpty, en: nonEmpty });

  const textFieldSchema = z.union([nonEmpty, textSchema]);

  const caseIdSchema = z.string().regex(CASE_ID, 'must be kebab-case (a-z, 0-9, -)');

  const langSchema = z.enum(LANGS);

  const people = peopleSchemas();

  const solutionFieldSchema = z.strictObject({
    /** The id of a principle the casebook declares (the seed's three when it declares none). */
    principle: caseIdSchema,
    technologies: textFieldSchema,
    measures: textFieldSchema,
    effect: textFieldSchema,
  });

  const metricFieldSchema = z.strictObject({
    name: textFieldSchema,
    before: textFieldSchema,
    after: textFieldSchema,
    improvement: textFieldSchema,
  });

  const keywordsFieldSchema = z.union([
    z.array(nonEmpty).min(1),
    z.strictObject({ zh: z.array(nonEmpty).min(1), en: z.array(nonEmpty).min(1) }),
  ]);

  /** One case file as written. Only `id`, `title`, `summary`, `challenges`, `solutions` are required. */
  const caseSchema = z.strictObject({
    /** The language of this file's plain-string texts (else the casebook's, else `en`). */
    lang: langSchema.optional(),
    id: caseIdSchema,
    /** Position in lists (the seed's chapter order); cases without one come after, by id. */
    order: z.number().int().min(1).optional(),
    title: textFieldSchema,
    /** One line that says what the case is about. */
    summary: textFieldSchema,
    /**
     * The results in a few words, with figures from `metrics` ("10× throughput · 2-min scale-out"):
     * what a card leads with. Without it, cards show the first metrics (or the summary).
     */
    headline: textFieldSchema.optional(),
    /** 1–5 stars, from the seed's summary table (推荐度). */
    rating: z.number().int().min(1).max(5).optional(),
    background: z.array(textFieldSchema).optional(),
    challenges: z.array(textFieldSchema).min(1),
    solutions: z.array(solutionFieldSchema).min(1),
    /** The mermaid source of the architecture diagram. */
    diagram: textFieldSchema.optional(),
    metrics: z.array(metricFieldSchema).optional(),
    /** Words and phrases people really type for this case (search uses them, users never see them). */
    keywords: keywordsFieldSchema.optional(),
    /** Daily tips drawn from this case (each a plain string or a `{zh, en}` map). */
    tips: z.array(textFieldSchema).min(1).optional(),
    /** Who keeps this case: cards name them, "Ask a person" mentions them. */
    owners: people.owners.optional(),
    /** When the case was last checked against reality (`YYYY-MM-DD`). */
    reviewed: people.reviewed.optional(),
  });

  const principleDeclSchema = z.strictObject({
    id: caseIdSchema,
    name: textFieldSchema,
    description: textFieldSchema,
  });

  /** `casebook.yaml`, optional: the casebook's language, title and principles. */
  const casebookFileSchema = z.strictObject({
    /** The language of plain-string texts in every file that does not declare its own. */
    lang: langSchema.optional(),
    title: textFieldSchema.optional(),
    principles: z.array(principleDeclSchema).min(1).optional(),
    /** Who a question goes to when its case names no owners of its own. */
    owners: people.owners.optional(),
    /** The channel whose experts get a question nobody is named for (per platform). */
    experts: people.experts.optional(),
  });

  const tipSchema = z.strictObject({
    id: caseIdSchema,
    /** The case the tip comes from, when it comes from one. */
    caseId: caseIdSchema.optional(),
    /** A plain string (in the file's or the casebook's `lang`) or a `{zh, en}` map. */
    text: textFieldSchema,
  });

  const tipsFileSchema = z.strictObject({
    /** The language of this file's plain-string tips (else the casebook's, else `en`). */
    lang: langSchema.optional(),
    tips: z.array(tipSchema).min(1),
  });

  const summaryRowSchema = z.strictObject({
    caseId: caseIdSchema,
    challenges: textSchema,
    principles: textSchema,
    results: textSchema,
    rating: z.number().int().min(1).max(5),
  });

  const guideSchema = z.strictObject({
    title: textSchema,
    useFor: textSchema,
    steps: z.array(textSchema).min(1),
    rating: z.number().int().min(1).max(5),
  });

  const overviewSchema = z.strictObject({
    title: textSchema,
    /** The panorama diagram (案例全景). */
    diagram: textSchema,
    principles: z
      .array(z.strictObject({ id: caseIdSchema, name: textSchema, description: textSchema }))
      .min(1)
      .optional(),
    summary: z.array(summaryRowSchema).min(1),
    ratingLegend: z.array(
      z.strictObject({ stars: z.number().int().min(1).max(5), label: textSchema }),
    ),
    guides: z.array(guideSchema),
    selectionTips: z.array(
      z.strictObject({ title: textSchema, points: z.array(textSchema).min(1) }),
    ),
  });

  return {
    text: textSchema,
    textField: textFieldSchema,
    caseFile: caseSchema,
    casebookFile: casebookFileSchema,
    tipsFile: tipsFileSchema,
    overview: overviewSchema,
    summaryRow: summaryRowSchema,
  };
}

type Schemas = ReturnType<typeof casebookSchemas>;
/** A text in both languages: the internal model every renderer and the search read. */
export type Text = z.infer<Schemas['text']>;
/**
 * A text as a case file writes it: a plain string in the file's (or casebook's) `lang`, or a
 * `{zh, en}` map. The loader turns both into a `Text`.
 */
export type TextField = z.infer<Schemas['textField']>;
/** One case file as written. */
export type CaseFile = z.infer<Schemas['caseFile']>;
export type CasebookFile = z.infer<Schemas['casebookFile']>;
export type Overview = z.infer<Schemas['overview']>;
export type SummaryRow = z.infer<Schemas['summaryRow']>;

/** A principle id: the seed's three, or any a casebook declares. */
export type Principle = string;

export interface Solution {
  readonly principle: Principle;
  /** The declared principle's name (absent only in hand-built cases: the seed's names apply). */
  readonly principleName?: Text;
  readonly technologies: Text;
  readonly measures: Text;
  readonly effect: Text;
}

export interface Metric {
  readonly name: Text;
  readonly before: Text;
  readonly after: Text;
  readonly improvement: Text;
}

/** A case as the loader hands it on: every text in both languages, absent lists empty. */
export interface Case {
  readonly id: string;
  readonly order?: number;
  /**
   * The one language the case is really written in, when its texts are plain strings (the other
   * language's copy is the same text): answers in the other language say so.
   */
  readonly lang?: Lang;
  readonly title: Text;
  readonly summary: Text;
  readonly headline?: Text;
  readonly rating?: number;
  readonly background: readonly Text[];
  readonly challenges: readonly Text[];
  readonly solutions: readonly Solution[];
  readonly diagram?: Text;
  readonly metrics: readonly Metric[];
  readonly keywords: { readonly zh: readonly string[]; readonly en: readonly string[] };
  /** Who keeps the case (absent or empty: nobody named). */
  readonly owners?: readonly Owner[];
  /** When it was last reviewed, `YYYY-MM-DD`. */
  readonly reviewed?: string;
}

/** A principle the casebook's solutions are organised by. */
export interface PrincipleDef {
  readonly id: Principle;
  readonly name: Text;
  readonly description: Text;
}

/** Turns a text field into the internal `{zh, en}` model. */
export function toText(field: TextField): Text {
  return typeof field === 'string' ? { zh: field, en: field } : field;
}

/** True when any text field in the value is a plain string. */
function hasPlain(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasPlain);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') return false;
    return Object.values(o).some(hasPlain);
  }
  return false;
}

/** A parsed case file, normalised: `lang` is the file's plain-string language. */
export function normaliseCase(
  file: CaseFile,
  lang: Lang,
  principles: ReadonlyMap<string, PrincipleDef> = new Map(),
): Case {
  const t = (f: TextField) => toText(f);
  const texts = [file.title, file.summary, file.headline, file.background, file.challenges];
  const plain =
    hasPlain(texts) ||
    file.solutions.some((s) => hasPlain([s.technologies, s.measures, s.effect])) ||
    (file.metrics ?? []).some((m) => hasPlain([m.name, m.before, m.after, m.improvement])) ||
    (file.diagram !== undefined && hasPlain(file.diagram));
  const keywords = file.keywords
    ? Array.isArray(file.keywords)
      ? { zh: lang === 'zh' ? file.keywords : [], en: lang === 'en' ? file.keywords : [] }
      : file.keywords
    : { zh: [], en: [] };
  return {
    id: file.id,
    ...(file.order !== undefined ? { order: file.order } : {}),
    ...(plain ? { lang } : {}),
    title: t(file.title),
    summary: t(file.summary),
    ...(file.headline !== undefined ? { headline: t(file.headline) } : {}),
    ...(file.rating !== undefined ? { rating: file.rating } : {}),
    background: (file.background ?? []).map(t),
    challenges: file.challenges.map(t),
    solutions: file.solutions.map((s) => {
      const def = principles.get(s.principle);
      return {
        principle: s.principle,
        ...(def ? { principleName: def.name } : {}),
        technologies: t(s.technologies),
        measures: t(s.measures),
        effect: t(s.effect),
      };
    }),
    ...(file.diagram !== undefined ? { diagram: t(file.diagram) } : {}),
    metrics: (file.metrics ?? []).map((m) => ({
      name: t(m.name),
      before: t(m.before),
      after: t(m.after),
      improvement: t(m.improvement),
    })),
    keywords,
    ...(file.owners ? { owners: file.owners.map(ownerOf) } : {}),
    ...(file.reviewed ? { reviewed: file.reviewed } : {}),
  };
}

/** An owner as the loader hands it on: only the fields it has. */
export function ownerOf(o: { name: string; slack?: string; teams?: string }): Owner {
  return {
    name: o.name,
    ...(o.slack ? { slack: o.slack } : {}),
    ...(o.teams ? { teams: o.teams } : {}),
  };
}

/** The seed's three principles: what a casebook that declares none is organised by. */
export const DEFAULT_PRINCIPLES: readonly PrincipleDef[] = [
  {
    id: 'containerisation',
    name: { en: 'Containerisation', zh: '容器化' },
    description: {
      en: 'Package applications and their dependencies as standard container images for consistent environments, isolation and fast deployments.',
      zh: '把应用及其依赖打包成标准化的容器镜像，带来环境一致性、隔离和快速部署。',
    },
  },
  {
    id: 'declarative',
    name: { en: 'Declarative configuration', zh: '声明式' },
    description: {
      en: 'Describe the desired state and let the platform converge to it.',
      zh: '描述期望状态，由平台自动收敛到该状态。',
    },
  },
  {
    id: 'elasticity',
    name: { en: 'Elasticity', zh: '弹性' },
    description: {
      en: 'Scale with the load and recover from failures automatically.',
      zh: '随负载自动伸缩，并自动从故障中恢复。',
    },
  },
];

/** A tip as the loader hands it on: its text in both languages. */
export interface Tip {
  readonly id: string;
  readonly caseId?: string;
  readonly text: Text;
  /** The one language the tip is written in, when its text is a plain string. */
  readonly lang?: Lang;
}
