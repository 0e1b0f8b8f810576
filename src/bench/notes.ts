/** What the CPU and heap profiles found, and what was done about it (kept in the report). */
export const PROFILE_NOTES = [
  'CPU (`node --cpu-prof`): the first version posted every answer to the `response_url` after ' +
    'an empty ack (~0.3 × bare Bolt), re-deflated each diagram on every render and kept a 1.5 s ' +
    'timer alive per request. Now the answer is the ack itself when ready within 1.5 s, stable ' +
    'answers are cached serialised and diagram links are memoised.',
  'Memory (`--trace-gc-nvp`, `/proc/PID/status`): after load casebot holds ~26-38 MB more ' +
    'anonymous memory and ~6 MB more file-backed pages than bare Bolt. The file pages are ICU ' +
    "data for `Intl.Segmenter`'s Chinese words (the search segments the casebook's Chinese " +
    'text). The anonymous part is mostly the V8 heap: V8 doubles the young generation whenever ' +
    'more bytes have survived scavenges since the last doubling than it holds, and start-up ' +
    "brings ~17 MB of survivals against bare Bolt's ~11 MB (the code and data of zod, yaml, " +
    "pino, prom-client and casebot's own modules, on top of Bolt's), so casebot ends with " +
    '16 MB semi-spaces where bare Bolt stays at 8 MB (+16 MB), plus ~10 MB more old space. A ' +
    'one-case casebook grows it just the same, and a process that only imports zod, yaml and ' +
    'Bolt already does (15.8 MB of survivals). Keeping zod and yaml out of the server ' +
    "altogether (the casebook read in a worker thread, Slack's bodies checked by hand) was " +
    'tried too: the young generation still doubles once Bolt, pino, prom-client, our modules ' +
    'and the search index are in, and RSS after load fell by 7.7 MB (3 runs each, 143 against ' +
    '151 MB) while start-up got ~50 ms slower, so it was not kept.',
  'Start-up (in-process `process.cpuUsage()` at each phase, no platform): loading modules ' +
    '~130 ms of CPU (zod ~65 ms: it loads all 64 of its locale modules whatever the entry ' +
    "point), reading the casebook ~100 ms (~70 ms of it yaml's parser running cold), " +
    'prom-client ~25 ms, the search index ~40 ms. Fixed: an ESM `import` of `node:http` builds ' +
    "its ESM facade, which reads the lazy `WebSocket` export and so loaded Node's bundled " +
    'undici (~40 ms; nodejs/node#57649): the server takes `createServer` from ' +
    '`process.getBuiltinModule`. The SQLite store no longer loads the PostgreSQL and memory ' +
    'stores, the config and casebook schemas are built when read instead of kept (~0.3 MB of ' +
    'heap), and building the term index allocates 12.0 MB instead of 13.6 MB.',
  'Measured on Node 24 and dropped (each saved < 10 MB RSS after load and < 10 % throughput, ' +
    '3 runs each): the Bolt patch (made RSS worse on Node 24), turning off V8 pretenuring once ' +
    'ready (~3 MB) and reading the environment and the casebook in a worker thread (2-5 MB). ' +
    "Node's compile cache (`module.enableCompileCache()`), warm: −40 ms CPU and −65 ms to " +
    'ready, +1 MB RSS; not adopted, since every new pod starts with an empty cache (the ' +
    "Deployment's root file system is read-only and `/tmp` an `emptyDir`): the start that " +
    'matters when scaling out would gain nothing.',
];

/**
 * The memory measures kept from Node 20, each measured on Node 24.21 against the same code
 * without it (3 runs each, interleaved, same load as this bench; commit 26fa65e's parent with
 * the measure switched off by an environment variable), and the start-up work of the second
 * pass (A/B against its parent build, interleaved). Not re-measured by `npm run bench`.
 */
export const MEASURES = `## Memory measures on Node 24 (issue #12)

| variant (casebot, Node 24.21, stock Bolt) | RSS after load, 3 runs | mean | commands/s, mean |
|---|---|---:|---:|
| bare Bolt (reference) | 109, 112, 106 MB | 109 MB | 2,574 |
| GC flag + loader worker (as shipped for Node 20) | 142, 135, 137 MB | 138 MB | 2,715 |
| loader worker only (no GC flag) | 145, 138, 141 MB | 141 MB | 2,517 |
| GC flag only (no worker) | 144, 146, 141 MB | 144 MB | 2,520 |
| neither (what ships now) | 140, 144, 146 MB | 143 MB | 2,522 |

The GC flag saved ~3 MB and the worker 2-5 MB, within the ±4 MB run-to-run spread; the
throughput differences are within this shared machine's noise. Simpler code wins the tie.

## Start-up on Node 24 (issue #12, second pass)

\`casebot serve\` with no platform (as the cold-start row), before (commit 46bd2ba) and after
the start-up fixes above, runs interleaved on the shared 2-core machine:

| measure | before | after |
|---|---:|---:|
| CPU at the first \`/readyz\` 200 (/proc, median of 10) | 375 ms | 355 ms |
| CPU at "casebot is listening" (in-process, median of 8) | 394 ms | 368 ms |
| CPU to import \`serve-command\` (median of 5) | 207 ms | 163 ms |
| RSS at ready (median of 10) | 105.5 MB | 102 MB |
| allocated while building the search index (shipped casebook) | 13.6 MB | 12.0 MB |

With Slack on, Bolt loads undici itself (through \`@slack/socket-mode\`). RSS after load as in
this bench: 144-153 MB before (mean 150, 9 runs), 137-153 MB after (mean 146, 13 runs), a
difference within one run's ±6 MB spread.
`;
