// @ts-check
/**
 * Mutation testing of the files where a silent bug costs the most: Slack's signature check and
 * receiver, event dedupe, the daily tip's claim, the three stores, and Teams without credentials.
 * `npm run mutate` (not in CI: it takes an hour or more on two cores). docs/mutation-testing.md
 * has the last score and the survivors judged equivalent. Set TEST_DATABASE_URL to let the
 * PostgreSQL suites kill the PostgreSQL store's mutants.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  // Each mutant runs only the tests that reached it in the first, instrumented run.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would need every test for each one.
  ignoreStatic: true,
  mutate: [
    'src/adapters/slack/signature.ts',
    'src/adapters/slack/receiver.ts',
    'src/adapters/slack/events/dedupe.ts',
    'src/tips/post-due.ts',
    'src/store/memory-store.ts',
    'src/store/sqlite-store.ts',
    'src/store/postgres-store.ts',
    'src/adapters/teams/loopback.ts',
    'src/adapters/teams/respond.ts',
  ],
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['/.runtime', '/dist', '/data', '/coverage', '/.card-shots'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
export default config;
