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
export function tipsSection(runs: readonly TipsRun[], postgres: boolean): string {
  const misses = runs.filter((r) => !met(r)).map((r) => r.name);
  return `${START}
## Tips at 10,000 channels (issue #23)

Produced by \`npm run bench -- tips\` (also part of the whole \`npm run bench\`;
\`src/bench/tips-bench.ts\`), on:

${machine()}

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
- **What made it fast**: a pass sent one tip at a time, each behind its claim and three more
  store round trips, so 10,000 channels took ~340 s at 20 ms a call (74 s even against an instant
  stand-in: ~3.5 ms a channel, two thirds of it the sequential HTTP round trip, the rest the Web
  API client, rendering and four SQLite statements). Now each platform's due days go out
  through a pool (Slack 32 at once), each tip card is rendered once per tip and language, and a
  429 holds every send to the workspace at one gate instead of each call retrying on its own.
${END}`;
}

/** `doc` with its tips section replaced (or appended when it has none). */
export function withTipsSection(doc: string, section: string): string {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${section}\n`;
  return `${doc.slice(0, start)}${section}${doc.slice(end + END.length)}`;
}
