import type { Case, Lang, Metric, Principle } from '../catalog/schema.js';

/**
 * The figures a card leads with: one consistent "change" per metric, a case's headline, and the
 * one fact a question asks for (a metric or the technologies of a principle).
 */

const num = (s: string): number | null => {
  const m = /^\s*([\d,]+(?:\.\d+)?)\s*%?\s*$/.exec(s.replace(/\s+/g, ' '));
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
};
const isPercent = (s: string) => /^\s*[\d.]+\s*%\s*$/.test(s);
const round = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The change of a metric, always as a figure: "10×", "−40 %", "+0.49 pp"; "↑" when the case
 * gives no figure to compare (qualitative before and after). Never "significantly higher".
 */
export function changeOf(m: Metric, lang: Lang): string {
  const imp = m.improvement.en;
  const times = /^\s*([\d.]+)\s*×\s*$/.exec(imp);
  if (times) return `${times[1]}×`;
  const lower = /([\d.]+)\s*%\s*lower/.exec(imp);
  if (lower) return `−${lower[1]} %`;
  const before = m.before.en;
  const after = m.after.en;
  const b = num(before);
  const a = num(after);
  if (b !== null && a !== null && isPercent(before) && isPercent(after)) {
    const d = a - b;
    const sign = d >= 0 ? '+' : '−';
    return lang === 'zh'
      ? `${sign}${round(Math.abs(d))} 个百分点`
      : `${sign}${round(Math.abs(d))} pp`;
  }
  return '↑';
}

/** The case's headline ("10× throughput · 2-min scale-out"), or its first metrics' results. */
export function headlineOf(c: Case, lang: Lang): string {
  if (c.headline) return c.headline[lang];
  if (c.metrics.length === 0) return c.summary[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  return c.metrics
    .slice(0, 2)
    .map((m) => `${m.name[lang]}${sep}${m.after[lang]}`)
    .join(' · ');
}

/** Words of a question that point at one metric, and what a metric's name looks like. */
const METRIC_CONCEPTS: readonly { id: string; ask: RegExp; name: RegExp }[] = [
  {
    id: 'availability',
    ask: /availab|uptime|nines|\bsla\b|downtime|可用|宕机|停机/,
    name: /availab|可用/,
  },
  {
    id: 'latency',
    ask: /latenc|response|respond|how fast|delay|延迟|时延|响应/,
    name: /latenc|response|延迟|响应/,
  },
  { id: 'startup', ask: /start|boot|cold|启动|冷启/, name: /start|启动/ },
  {
    id: 'throughput',
    ask: /throughput|qps|concurren|requests per|capacity|how many requests|吞吐|并发|性能|处理能力/,
    name: /throughput|qps|并发|性能/,
  },
  {
    id: 'scale',
    ask: /scale.?out|scaling time|scale up|how long.*scal|扩展时间|扩容时间|扩展|扩容/,
    name: /scale|扩展/,
  },
  { id: 'deploy', ask: /deploy|roll.?out|release|部署|上线/, name: /deploy|部署/ },
  { id: 'utilisation', ask: /utili[sz]|usage|利用/, name: /utili|利用/ },
  {
    id: 'footprint',
    ask: /footprint|memory|\bram\b|resources? use|占用|内存/,
    name: /footprint|占用/,
  },
  { id: 'cost', ask: /cost|cheap|spend|sav(e|ing)|price|成本|费用|省钱|节省/, name: /cost|成本/ },
  { id: 'security', ask: /secur|安全/, name: /secur|安全/ },
  { id: 'compliance', ask: /complian|regulat|合规|监管/, name: /complian|合规/ },
  { id: 'consistency', ask: /consisten|一致/, name: /consisten|一致/ },
];

/** A Map: principle ids are the casebook's, and may be any name (`constructor` too). */
const PRINCIPLE_WORDS = new Map<string, RegExp>([
  [
    'elasticity',
    /autoscal|auto-scal|scal|elastic|hpa|keda|failover|fail-over|recover|load balanc|弹性|扩缩|伸缩|扩展|故障|负载均衡|多活/,
  ],
  ['containerisation', /container|docker|image|wasm|gpu|runtime|容器|镜像|集装箱/],
  ['declarative', /declarativ|config|gitops|helm|polic|version|声明|配置|策略|版本|gitops/],
]);

/** The question asks which tools or technologies were used. */
const ASKS_TECHNOLOGY =
  /\b(tools?|tech|technolog\w*|stack|software|frameworks?|products?|platforms? did|used|use for|using)\b|技术|工具|用了什么|用什么|采用|框架|组件/;

/** A concept id for a metric name (metrics of two cases about the same thing share it). */
export function metricConcept(m: Metric): string {
  const name = `${m.name.en} ${m.name.zh}`.toLowerCase();
  return METRIC_CONCEPTS.find((c) => c.name.test(name))?.id ?? `name:${m.name.en.toLowerCase()}`;
}

export type Fact =
  | { readonly kind: 'metric'; readonly metrics: readonly Metric[] }
  | { readonly kind: 'technology'; readonly principles: readonly Principle[] };

/**
 * The fact of `c` a question asks for, or null when it asks about the case as a whole.
 * A figure in the question ("99.99") or a metric's own words pick a metric; "which tools" picks
 * the technologies (of the principle it names, or all of them).
 */
export function factFor(c: Case, question: string): Fact | null {
  const q = question.toLowerCase();
  if (!q.trim()) return null;
  if (ASKS_TECHNOLOGY.test(q)) {
    const principles = c.solutions
      .map((s) => s.principle)
      .filter((p) => PRINCIPLE_WORDS.get(p)?.test(q) ?? false);
    return {
      kind: 'technology',
      principles: principles.length > 0 ? principles : c.solutions.map((s) => s.principle),
    };
  }
  const figures = q.match(/\d[\d,.]*/g) ?? [];
  const byFigure = c.metrics.filter((m) =>
    figures.some((f) =>
      [m.before.en, m.after.en].some((v) => v.replace(/\s/g, '').startsWith(f.replace(/\s/g, ''))),
    ),
  );
  if (byFigure.length > 0) return { kind: 'metric', metrics: byFigure.slice(0, 2) };
  const asked = METRIC_CONCEPTS.filter((k) => k.ask.test(q)).map((k) => k.id);
  if (asked.length === 0) return null;
  const metrics = c.metrics.filter((m) => asked.includes(metricConcept(m)));
  // Two concepts can both be named ("availability and latency"): the order of the case.
  return metrics.length > 0 ? { kind: 'metric', metrics: metrics.slice(0, 2) } : null;
}
