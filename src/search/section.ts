import type { Section } from '../catalog/schema.js';

/**
 * Words that ask for one part of a case. Checked in this order, so "要解决哪些挑战" asks for the
 * challenges (not the solutions) and "架构图" for the architecture.
 */
const SECTION_PATTERNS: readonly (readonly [Section, RegExp])[] = [
  [
    'challenges',
    /\b(challenges?|challenging|difficult(y|ies)?|hard(est)? part|why (was|is) it hard|pain ?points?|problems?|issues|(run|ran) into|obstacles?|blockers?|gotchas?)\b|挑战|难点|痛点|难题|困难|遇到了?哪些|遇到的问题/gu,
  ],
  [
    'architecture',
    /\b(architecture|architectural|diagrams?|topology|components?|how is it (built|structured|designed)|how was it (built|structured|designed)|layout|design overview|system design)\b|整体架构|架构|拓扑|组件|结构图|流程图|示意图|怎么组织|如何组织|哪一层|怎么流转|怎么画/gu,
  ],
  [
    'metrics',
    /\b(metrics?|numbers?|figures|stats|statistics|kpis?|benchmarks?|results?|outcomes?|improve(d|ments?)?|how much|how many|how fast|faster|cheaper|slower|before (and |vs |versus )?after|gains?|speed ?up)\b|指标|数字|效果|成效|收益|提升了?多少|提高了?多少|缩短|降到|降低了?多少|多少|多久|几个9|前后对比|对比数据|性能数据|做到了/gu,
  ],
  [
    'solutions',
    /\b(solutions?|solved?|how did they (solve|fix|do) it|fix(ed)?|tech stack|stack|technolog(y|ies)|tools?|approach|tech did|tech was used)\b|方案|解决|技术栈|用了什么|用的什么|用了哪些|用什么技术|什么技术|怎么实现|如何实现|怎么落地|落地方案/gu,
  ],
];

/** The part of a case a question asks for, and where in the normalised text it said so. */
export interface SectionIntent {
  readonly section: Section | null;
  /** [start, end) character ranges of every section word, so they do not count as case terms. */
  readonly spans: readonly (readonly [number, number])[];
}

/** Section intent of a normalised question (see `normalize`). */
export function detectSection(normalized: string): SectionIntent {
  let section: Section | null = null;
  const spans: [number, number][] = [];
  for (const [name, pattern] of SECTION_PATTERNS) {
    for (const m of normalized.matchAll(pattern)) {
      section ??= name;
      const start = m.index ?? 0;
      spans.push([start, start + m[0].length]);
    }
  }
  return { section, spans };
}
