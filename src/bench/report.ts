import os from 'node:os';

/** One row of the table: a metric, both sides, the target and whether casebot meets it. */
export interface Row {
  readonly metric: string;
  readonly casebot: string;
  readonly bare: string;
  readonly target: string;
  /** Undefined: no target (information only). */
  readonly met?: boolean;
}

/** The 1-minute load average when the bench started, and now (other work on a shared machine). */
export function machine(loadAtStart?: number): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0] ?? 0;
  const loads =
    loadAtStart === undefined
      ? load.toFixed(2)
      : `${loadAtStart.toFixed(2)} at the start, ${load.toFixed(2)} at the end`;
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memGb = (os.totalmem() / 1024 ** 3).toFixed(1);
  return [
    `- CPU: ${model}, ${cpus.length} logical core(s)`,
    `- Memory: ${memGb} GB`,
    `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
    `- Node.js: ${process.version}`,
    `- Date: ${new Date().toISOString()}`,
    `- Load average (1 min): ${loads}`,
  ].join('\n');
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? '✓' : '✗');

export function table(rows: readonly Row[]): string {
  const lines = [
    '| metric | casebot | bare Bolt | target | met |',
    '|---|---:|---:|---|:-:|',
    ...rows.map((r) => `| ${r.metric} | ${r.casebot} | ${r.bare} | ${r.target} | ${mark(r.met)} |`),
  ];
  return lines.join('\n');
}

export interface ReportInput {
  readonly rows: readonly Row[];
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly notes?: readonly string[];
  /** Markdown appended as is (measurements that the bench no longer repeats). */
  readonly appendix?: string;
  /** `os.loadavg()[0]` when the bench started. */
  readonly loadAtStart?: number;
}

export function renderReport(input: ReportInput): string {
  const misses = input.rows.filter((r) => r.met === false).map((r) => r.metric);
  return `# Benchmarks

Produced by \`npm run bench\` (\`src/bench/run.ts\`); every number below comes from one run on
one machine, casebot and the baseline side by side.

## Machine

${machine(input.loadAtStart)}

## Results

${table(input.rows)}

${misses.length === 0 ? 'Every target is met.' : `Missed: ${misses.join('; ')}.`}

## How it is measured

- **Slash commands**: autocannon, ${input.connections} keep-alive connections, ${input.warmupSeconds} s
  warm-up then ${input.durationSeconds} s measured per server, \`POST /slack/events\` with
  \`/case …\` form bodies signed as Slack signs them (v0, HMAC-SHA256), cycling through
  English and Chinese questions. Each server runs in its own process on 127.0.0.1.
  - *bare Bolt*: \`@slack/bolt\` \`App\` with its own HTTP receiver, signature verification on,
    \`app.command('/case', ({ ack }) => ack('fixed text'))\` (\`src/bench/bare-bolt-server.ts\`).
  - *casebot*: \`node dist/cli.js serve\` with Slack configured (HTTP mode), SQLite store, JSON
    logs at \`info\`, \`TIPS_SCHEDULER=off\`. Each command is answered with its Block Kit card in
    the ack (or, past 1.5 s, through its \`response_url\`); a stand-in for Slack's Web API and
    the \`response_url\`s runs in a third process (\`src/bench/slack-stub.ts\`).
  - Both load the same installed, unmodified \`@slack/bolt\`.
- **CPU per 1,000 commands**: user + system CPU time of the server process during the measured
  run (/proc), divided by the commands served.
- **RSS**: VmRSS of the server process right after the load (VmHWM for the peak).
- **Channel messages** (issue #20: ≥ 0.9 × casebot's own commands/s): on the same casebot
  server, after the commands and their RSS reading, \`/case auto on\` in the bench's channel,
  then the same warm-up and measured run of signed \`message\` events into that channel
  (\`src/bench/channel-messages.ts\`): 19 of every 20 are chatter (status updates, logs, stand-ups,
  links, in both languages) and one a question the casebook answers, each with its own \`ts\`.
  casebot acks each, decides, and answers the few it should in their thread (the hourly cap
  soon stops those); the row's RSS is read after this load.
- **Cold start**: from spawning \`node dist/cli.js serve\` (no platform configured, empty
  stdin) to the first \`GET /readyz\` that answers 200; median of 3. Bare Bolt: spawn to listening.
- **Search** (targets from issue #16: p99 ≤ 2 ms per query, index build < 1 s):
  \`benchSearch()\` (\`src/bench/search-bench.ts\`): an index of 1,000 generated cases (variants of
  the casebook's), then 2,000 queries from the search evaluation set, no warm-up (each question
  is asked ~16 times; its first asking is cold). Wall time per query; the CPU row is the whole
  process's CPU time, which other work on a shared machine does not inflate.
- **Unprompted judgement** (issue #20: auto mode reads every message of a busy channel):
  \`judgeMessage()\` on 4,000 channel messages after the searches, same 1,000-case index: the
  development set's must-stay-silent messages (\`test/fixtures/auto-answer-dev.yaml\`) with one
  question in 20, no warm-up. Wall time per message; CPU of all 4,000.
${input.notes?.length ? `\n## What profiling found\n\n${input.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}${input.appendix ? `\n${input.appendix}` : ''}`;
}
