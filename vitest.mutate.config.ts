import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutate` runs against the mutated files (stryker.config.mjs): the ones that
 * exercise them in this process. Tests that spawn `casebot` run the built dist/, which Stryker
 * does not mutate, so they are left out.
 */
export default defineConfig({
  test: {
    include: [
      'test/adapters/slack/transport.test.ts',
      'test/adapters/slack/events.test.ts',
      'test/adapters/slack/malformed.test.ts',
      'test/adapters/slack/commands.test.ts',
      'test/adapters/slack/signature.test.ts',
      'test/adapters/slack/actions.test.ts',
      'test/adapters/slack/socket-mode.test.ts',
      'test/adapters/teams/edges.test.ts',
      'test/adapters/teams/loopback.test.ts',
      'test/adapters/teams/credentials.test.ts',
      'test/adapters/teams/tip-sender.test.ts',
      'test/adapters/teams/search-paging.test.ts',
      'test/http/*.test.ts',
      'test/production/unresponsive-store.test.ts',
      'test/store/*.test.ts',
      'test/tips/post-due.test.ts',
      'test/tips/post-due-metrics.test.ts',
      'test/tips/post-due-postgres.test.ts',
      'test/tips/scheduler.test.ts',
    ],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
