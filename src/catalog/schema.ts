import { z } from 'zod';
import { LANGS, PRINCIPLES, SECTIONS } from './model.js';

export type { Lang, Section } from './model.js';
export { LANGS, PRINCIPLES, SECTIONS };

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** A text in both languages. */
export const textSchema = z.strictObject({ zh: nonEmpty, en: nonEmpty });
export type Text = z.infer<typeof textSchema>;

export const principleSchema = z.enum(PRINCIPLES);
export type Principle = z.infer<typeof principleSchema>;

export const caseIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

const solutionSchema = z.strictObject({
  principle: principleSchema,
  technologies: textSchema,
  measures: textSchema,
  effect: textSchema,
});

const metricSchema = z.strictObject({
  name: textSchema,
  before: textSchema,
  after: textSchema,
  improvement: textSchema,
});

const keywordsSchema = z.strictObject({
  zh: z.array(nonEmpty).min(1),
  en: z.array(nonEmpty).min(1),
});

export const caseSchema = z.strictObject({
  id: caseIdSchema,
  /** Position in lists (the seed's chapter order). */
  order: z.number().int().min(1),
  title: textSchema,
  /** One line that says what the case is about. */
  summary: textSchema,
  /**
   * The results in a few words, with figures from `metrics` ("10× throughput · 2-min scale-out"):
   * what a card leads with. Without it, cards show the first metrics.
   */
  headline: textSchema.optional(),
  /** 1–5 stars, from the seed's summary table (推荐度). */
  rating: z.number().int().min(1).max(5),
  background: z.array(textSchema).min(1),
  challenges: z.array(textSchema).min(1),
  solutions: z.array(solutionSchema).length(3, 'needs one row per principle (3)'),
  /** The mermaid source of the architecture diagram: zh as in the seed, en translated. */
  diagram: textSchema,
  metrics: z.array(metricSchema).min(1),
  /** Words and phrases people really type for this case (search uses them, users never see them). */
  keywords: keywordsSchema,
});
export type Case = z.infer<typeof caseSchema>;
export type Solution = z.infer<typeof solutionSchema>;
export type Metric = z.infer<typeof metricSchema>;

export const tipSchema = z.strictObject({
  id: caseIdSchema,
  /** The case the tip comes from, when it comes from one. */
  caseId: caseIdSchema.optional(),
  text: textSchema,
});
export type Tip = z.infer<typeof tipSchema>;

export const tipsFileSchema = z.strictObject({
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

export const overviewSchema = z.strictObject({
  title: textSchema,
  /** The panorama diagram (案例全景). */
  diagram: textSchema,
  principles: z
    .array(z.strictObject({ id: principleSchema, name: textSchema, description: textSchema }))
    .length(3),
  summary: z.array(summaryRowSchema).min(1),
  ratingLegend: z.array(
    z.strictObject({ stars: z.number().int().min(1).max(5), label: textSchema }),
  ),
  guides: z.array(guideSchema),
  selectionTips: z.array(z.strictObject({ title: textSchema, points: z.array(textSchema).min(1) })),
});
export type Overview = z.infer<typeof overviewSchema>;
export type SummaryRow = z.infer<typeof summaryRowSchema>;
