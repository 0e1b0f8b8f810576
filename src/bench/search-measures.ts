/**
 * How search was made fast enough for issue #16 at 1,000 cases, measured outside the bench
 * (before and after, interleaved); kept in the report because the bench only repeats the after.
 */
export const SEARCH_MEASURES = `## Search at 1,000 cases (issue #16)

Target: p99 ≤ 2 ms per query and an index build under 1 s, with 1,000 cases. A pure speed
change: the ranked results (case ids, unrounded scores and evidence, matched terms, section) of
every question in the four evaluation files and 44 more, against the shipped casebook, the
bench's 1,000 cases and two fixture casebooks, are byte-identical before and after, on Node 24
and 22.

What profiling (\`--cpu-prof\`, the slowest queries logged, the sampling heap profiler) found,
and what changed:
- **The tail was the first asking of a question.** Each word of a question that is in no case
  made fuse.js scan every casebook word for a typo (0.4–1 ms a word warm, 2–4 ms cold); the
  bench asks each of 121 questions ~16 times, so the first asking of the long ones filled the
  slowest 1 %. Letter counts now bound the edit distance from below: when no casebook word can be
  close enough the scan is skipped (fuse.js still ranks the candidates when one can be). The
  bench's 2,000 queries now run 6 scans, one per real typo, instead of 32.
- **Pauses**: a query allocated ~115 KB, mostly per touched case (growing arrays, and an object,
  a closure and boxed numbers per confident case while ranking); now ~30 KB, so the young
  generation is collected about 4 × less often during the queries (each collection is a pause
  inside some query).
- **Per-query work**: the evidence scratch is laid out atom by atom, so a posting list is walked
  along one row, once for its first atom; a run of question atoms costs one table lookup (term,
  synonyms, or "a term starts with this"), and stops growing once no term starts with it,
  instead of three lookups for every run of up to 12 ideographs; Chinese stop words are found by
  their first character; a case's matched terms are found by binary search.
- **Index build**: postings are collected in flat typed arrays by term number (each text split
  once per build, each run of Chinese segmented once) instead of one growing JS array per term
  and a string lookup per posting: ~28 MB less garbage.

\`benchSearch()\` in a fresh process each run (as \`node dist/bench/search-bench.js\` runs it),
before (commit 46bd2ba) and after, interleaved, on this 2-core machine shared with other work;
median [min–max]; CPU is \`process.cpuUsage()\` (all threads) around the whole \`benchSearch()\`
call, casebook loading included:

| Node, runs, load average | | p50 | p99 | index build | CPU |
|---|---|---:|---:|---:|---:|
| 24.21, 9 each, ~4.1 | before | 0.132 ms [0.11–0.16] | 4.32 ms [1.06–9.10] | 413 ms [297–894] | 1,090 ms |
| | after | 0.062 ms [0.06–0.07] | 2.09 ms [0.69–3.71] | 335 ms [188–665] | 735 ms |
| 22.23, 5 each, ~3.7 | before | 0.104 ms [0.10–0.11] | 4.45 ms [4.24–4.91] | 476 ms [439–504] | 1,123 ms |
| | after | 0.059 ms [0.06–0.06] | 4.10 ms [3.60–4.24] | 362 ms [326–467] | 844 ms |

Warm, in one process (9 rounds, median): an index build 297 → 160 ms CPU, a query 0.137 →
0.070 ms CPU. The first build in a fresh process: 432 → 302 ms CPU (median of 5).

On this machine under load, p99 is mostly not search: the 20th-slowest of 2,000 queries is one
that lost the CPU to another process for a time slice (several ms), or one of the first ~20,
which run before V8 has optimised the code. With the machine quiet (load average below 1), p99
was ~0.7–1.8 ms before this work. At load average ~4 on Node 24 it is met in 3 of 9 runs after
(6 of 9 within 2.2 ms), against 2 of 9 before; on Node 22, whose first queries are slower, in
none of 5 either way.
`;
