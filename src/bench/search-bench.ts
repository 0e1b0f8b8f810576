import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { loadCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/model.js';
import type { Case } from '../catalog/schema.js';
import { judgeMessage, warmJudge } from '../core/unprompted-judge.js';
import { buildIndex } from '../search/index.js';

export interface SearchBenchResult {
  cases: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** CPU time of the whole process (all its threads): not inflated by other work on the machine. */
  buildCpuMs: number;
  queryCpuMs: number;
  /** The unprompted judgement on a channel's stream (95 % chatter), same index, after the searches. */
  judge: JudgeBenchResult;
}

export interface JudgeBenchResult {
  /** `warmJudge` on the casebook, as the core does once when it is built. */
  warmUpMs: number;
  /** The first message of the stream, judged after the warm-up. */
  firstMs: number;
  messages: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of all the judged messages. */
  cpuMs: number;
}

const CASE_COUNT = 1000;
const QUERY_COUNT = 2000;
const REGIONS = ['north', 'south', 'east', 'west', 'apac', 'emea', 'latam', 'nordic', 'alpine'];
const REGIONS_ZH = ['华北', '华南', '华东', '西部', '亚太', '欧洲', '拉美', '北欧', '山区'];
const FALLBACK_QUERIES = ['秒杀', 'gpu autoscaling', 'edge iot flaky network', '银行 合规', 'hi'];
const JUDGE_COUNT = 4000;
/** One message in 20 asks the casebook something; the rest is a busy channel's chatter. */
const CHATTER_PER_QUESTION = 19;
const FALLBACK_CHATTER = ['deploy done 🎉', 'HPA bumped to 300 for the sale', '谁有会议链接？'];
const FALLBACK_QUESTIONS = ['how do shops survive a flash sale?', '边缘节点怎么部署？'];

/** A copy of a real case with its own id, title and a rotated, extended keyword list. */
function variant(base: Case, n: number): Case {
  const region = REGIONS[n % REGIONS.length]!;
  const regionZh = REGIONS_ZH[n % REGIONS_ZH.length]!;
  const rotate = (list: readonly string[]) => {
    const k = n % list.length;
    return [...list.slice(k), ...list.slice(0, k)].slice(0, Math.max(1, list.length - (n % 5)));
  };
  return {
    ...base,
    id: `${base.id}-${n}`,
    order: n + 1,
    title: { zh: `${base.title.zh}（${regionZh}${n}号）`, en: `${base.title.en} (${region} ${n})` },
    keywords: {
      zh: [...rotate(base.keywords.zh), `${regionZh}${base.keywords.zh[0]}`],
      en: [...rotate(base.keywords.en), `${region} ${base.keywords.en[0]}`, `site${n}`],
    },
  };
}

async function evalQueries(): Promise<string[]> {
  try {
    const file = path.join(process.cwd(), 'test/fixtures/search-eval.yaml');
    const doc = parse(await readFile(file, 'utf8')) as { questions?: { q: string }[] };
    const qs = (doc.questions ?? []).map((q) => q.q).filter(Boolean);
    return qs.length > 0 ? qs : FALLBACK_QUERIES;
  } catch {
    return FALLBACK_QUERIES;
  }
}

/** A channel's messages: the dev set's must-stay-silent ones and, one in 20, its questions. */
async function channelStream(): Promise<string[]> {
  let chatter = FALLBACK_CHATTER;
  let questions = FALLBACK_QUESTIONS;
  try {
    const file = path.join(process.cwd(), 'test/fixtures/auto-answer-dev.yaml');
    const doc = parse(await readFile(file, 'utf8')) as {
      messages?: { text: string; expect: string }[];
    };
    const of = (expect: string) =>
      (doc.messages ?? []).filter((m) => m.expect === expect).map((m) => m.text);
    if (of('silent').length > 0 && of('answer').length > 0) {
      chatter = of('silent');
      questions = of('answer');
    }
  } catch {
    // The fallback stream is enough to time the judgement.
  }
  const every = CHATTER_PER_QUESTION + 1;
  return Array.from({ length: JUDGE_COUNT }, (_, i) =>
    i % every === 0
      ? questions[(i / every) % questions.length]!
      : chatter[(i - Math.floor(i / every) - 1) % chatter.length]!,
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function cpuMsBetween(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + to.system - from.system) / 1000;
}

/**
 * Times building an index of 1,000 cases and 2,000 searches drawn from the evaluation set (each
 * question asked ~16 times; its first asking is cold), wall time per query and CPU time overall.
 */
export async function benchSearch(): Promise<SearchBenchResult> {
  const catalog = await loadCatalog(process.env.CASES_DIR ?? 'cases');
  const cases = Array.from({ length: CASE_COUNT }, (_, n) =>
    variant(catalog.cases[n % catalog.cases.length]!, n),
  );
  const queries = await evalQueries();

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = buildIndex(cases);
  const buildMs = performance.now() - t0;
  const cpu1 = process.cpuUsage();

  const times: number[] = [];
  for (let i = 0; i < QUERY_COUNT; i++) {
    const q = queries[i % queries.length]!;
    const s = performance.now();
    index.search(q);
    times.push(performance.now() - s);
  }
  const cpu2 = process.cpuUsage();
  times.sort((a, b) => a - b);
  const judge = await benchJudge(cases, index);
  return {
    cases: index.size,
    buildMs: round(buildMs),
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    buildCpuMs: round(cpuMsBetween(cpu0, cpu1)),
    queryCpuMs: round(cpuMsBetween(cpu1, cpu2)),
    judge,
  };
}

/**
 * Times `judgeMessage` on 4,000 channel messages (95 % chatter, 5 % questions) over the same
 * 1,000-case index, after the warm-up the core does when it is built: what auto mode costs per
 * message before anything is posted.
 */
async function benchJudge(
  cases: readonly Case[],
  index: ReturnType<typeof buildIndex>,
): Promise<JudgeBenchResult> {
  const catalog: Catalog = {
    cases,
    byId: new Map(cases.map((c) => [c.id, c])),
    principles: [],
    tips: [],
    dir: '(bench)',
  };
  const stream = await channelStream();
  const w0 = performance.now();
  warmJudge({ catalog, index });
  const warmUpMs = performance.now() - w0;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (const text of stream) {
    const s = performance.now();
    judgeMessage(text, { catalog, index });
    times.push(performance.now() - s);
  }
  const cpuMs = cpuMsBetween(cpu0, process.cpuUsage());
  const firstMs = times[0] ?? 0;
  times.sort((a, b) => a - b);
  return {
    warmUpMs: round(warmUpMs),
    firstMs: round(firstMs),
    messages: stream.length,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    cpuMs: round(cpuMs),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSearch().then(
    (result) => console.log(JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
