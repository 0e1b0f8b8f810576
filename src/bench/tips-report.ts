import os from 'node:os';
import { machine } from './report.js';
import { TIPS_TARGETS, type TipsRun } from './tips-bench.js';

const START = '<!-- tips-bench:start -->';
const END = '<!-- tips-bench:end -->';

const met = (r: TipsRun) =>
  r.doubles === 0 &&
  r.lost === 0 &&
  r.exitCodes.every((c) => c === 0) &&
  (r.targetS === undefined || r.seconds <= r.targetS);

export function tipsTable(runs: readonly TipsRun[]): string {
  return [
    '| run | time | casebot CPU | tips posted | doubled | lost | 429 answers | target | met |',
    '|---|---:|---:|---:|---:|---:|---:|---|:-:|',
    ...runs.map(
      (r) =>
        `| ${r.name} | ${r.seconds.toFixed(1)} s | ${r.cpuS.toFixed(1)} s | ${r.posted.toLocaleString('en-US')} | ${r.doubles} | ${r.lost} | ${r.refused} | ${r.targetS === undefined ? 'every tip once' : `≤ ${r.targetS} s, every tip once`} | ${met(r) ? '✓' : '✗'} |`,
    ),
  ].join('\n');
}

/** The tips section of docs/benchmarks.md, between its markers. */
export function tipsSection(
  runs: readonly TipsRun[],
  postgres: boolean,
  loadAverage: number,
): string {
  const misses = runs.filter((r) => !met(r)).map((r) => r.name);
  return `${START}
## Tips at 10,000 channels (issue #23)

Produced by \`npm run bench -- tips\` (also part of the whole \`npm run bench\`;
\`src/bench/tips-bench.ts\`), on:

${machine()}
- Load average (1 min) when the tips runs began: ${loadAverage.toFixed(1)} (other work shares the
  cores: times move by a third between runs; the CPU column moves less)

${tipsTable(runs)}

${misses.length === 0 ? 'Every target is met.' : `Missed: ${misses.join('; ')}.`}${
  postgres
    ? ''
    : '\n\nThe two-replica run needs PostgreSQL: set `TEST_DATABASE_URL` (or `BENCH_DATABASE_URL`)' +
      ' to include it.'
}

- **What runs**: ${TIPS_TARGETS.channels.toLocaleString('en-US')} Slack channels subscribed for
  09:00 UTC in a fresh store, then \`node dist/cli.js tips post-due --now ${'2026-06-01T09:30:00Z'}\`
  as a CronJob runs it (\`NODE_ENV=production\`, JSON logs at \`info\`), one process per replica,
  all started at once. The time is from spawning the first to the exit of the last, start-up
  included.
- **The stand-in Slack** (\`src/bench/tips-stub.ts\`, its own process) answers each
  \`chat.postMessage\` ${TIPS_TARGETS.delayMs} ms after it arrived and counts the posts per
  channel: *doubled* is posts beyond the first per channel, *lost* is due channels with none. In
  the 429 run it answers \`429 Retry-After: 1\` to every post that arrives in a 5-second window
  starting 3 s after the first post.
- **casebot CPU** is the user + system time of the \`tips post-due\` processes (all replicas),
  start-up included, read from /proc while they run.
- **What made it fast.** A pass sent one tip at a time: ~3.5 ms a channel even against an
  instant stand-in (2,000 channels in 7.0 s), two thirds of it waiting on the HTTP round trip,
  the rest CPU — the Slack Web API client ~0.55 ms a call (serialising the form, debug-logging
  the redacted body whatever the log level, building its result), four SQLite statements
  ~0.45 ms, rendering the tip card ~0.1 ms, the local time twice ~0.08 ms. Now each platform's
  due days go out through a pool (Slack 50 at once, Teams 16), a tip is posted by a lean
  \`chat.postMessage\` over a keep-alive connection (~0.25 ms), each card is rendered once per tip
  and language, the local time once per zone, and PostgreSQL prepares the statements once per
  connection (its CPU for 10,000 tips: 9.7 s → 5.9 s). CPU per tip in the casebot process:
  ~1.35 ms → ~0.65 ms on SQLite. A 429 holds every send to the workspace at one gate for its
  Retry-After instead of each call waiting on its own.
${END}`;
}

/** `doc` with its tips section replaced (or appended when it has none). */
/** The 1-minute load average now (the bench reports it with the tips runs). */
export const loadAverage = (): number => os.loadavg()[0] ?? 0;

export function withTipsSection(doc: string, section: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${section}\n`;
  return `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`;
}
