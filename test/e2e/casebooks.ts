import path from 'node:path';

/**
 * The casebooks the end-to-end tests serve: the shipped seed, and a team's own English-only one
 * (its own principles, no overview or tips file, cases without metrics or diagram). For each, a
 * question in each language and what the answer must and must not show.
 */
export interface ServedCasebook {
  readonly name: string;
  readonly dir: string;
  readonly english: { readonly question: string; readonly shows: readonly string[] };
  readonly chinese: { readonly question: string; readonly shows: readonly string[] };
  /** The one-line note a Chinese question gets when the case exists in English only. */
  readonly noteInChinese: boolean;
  readonly listed: readonly string[];
  readonly notListed: readonly string[];
}

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ENGLISH_ONLY_NOTE_ZH = '此案例只有英文版本';

export const CASEBOOKS: readonly ServedCasebook[] = [
  {
    name: 'the seed casebook',
    dir: path.join(ROOT, 'cases'),
    english: {
      question: 'flash sale traffic spikes',
      shows: ['E-commerce platform', '100,000 QPS'],
    },
    chinese: { question: '秒杀 高并发 指标', shows: ['电商平台', '优化后'] },
    noteInChinese: false,
    listed: ['E-commerce platform', 'Financial', 'Edge', 'AI inference'],
    notListed: ['Distributed tracing'],
  },
  {
    name: "a team's own English-only casebook",
    dir: path.join(ROOT, 'test/fixtures/casebook-own'),
    english: {
      question: 'how do we cut CI cost with a build cache',
      shows: ['A shared build cache for CI', '25 min', 'Cost'],
    },
    chinese: {
      question: 'CI 构建缓存 成本怎么降',
      shows: ['A shared build cache for CI', 'Bazel remote cache'],
    },
    noteInChinese: true,
    listed: ['A shared build cache for CI', 'Rotating database secrets', 'Distributed tracing'],
    notListed: ['E-commerce', '电商', 'flash sale'],
  },
];
