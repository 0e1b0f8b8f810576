import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSince, statsCommand } from '../../src/cli/stats-command.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { capturedIo } from '../helpers/cli-in-process.js';
import { tempSqlitePath } from '../store/temp-sqlite.js';

const NOW = new Date('2025-03-10T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let db: ReturnType<typeof tempSqlitePath>;

async function run(argv: string[]) {
  const { io, out, err } = capturedIo({ DATABASE_URL: `sqlite:${db.path}` });
  const code = await statsCommand(argv, io, () => NOW);
  return { code, out: out(), err: err() };
}

beforeEach(async () => {
  db = tempSqlitePath();
  const store = new SqliteStore(db.path);
  await store.init();
  for (const [query, days] of [
    ['Quantum computing', 20],
    ['quantum computing', 3],
    ['QUANTUM   computing', 1],
    ['blockchain', 2],
    [null, 1],
  ] as const) {
    await store.recordMiss({ query, lang: 'en', at: ago(days) });
  }
  await store.close();
});
afterEach(() => db.remove());

describe('casebot stats --misses', () => {
  it('lists the questions that found nothing, most frequent first, with first and last seen', async () => {
    const { code, out } = await run(['--misses']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('Questions that found no case:');
    expect(lines[2]).toMatch(/^\s+3 {2}2025-02-18 12:00 {2}2025-03-09 12:00 {2}quantum computing$/);
    expect(lines.slice(3).sort()).toEqual([
      expect.stringMatching(/1 .*blockchain$/),
      expect.stringMatching(/1 .*\(not kept: STATS_KEEP_QUESTIONS=off\)$/),
    ]);
  });

  it('keeps to --since and --limit, and speaks JSON', async () => {
    const { code, out } = await run(['--misses', '--since', '7d', '--limit', '1', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      since: ago(7).toISOString(),
      misses: [
        {
          query: 'quantum computing',
          count: 2,
          firstSeen: ago(3).toISOString(),
          lastSeen: ago(1).toISOString(),
        },
      ],
    });
  });

  it('says what is wrong with a bad --since or --limit (exit 2)', async () => {
    for (const argv of [
      ['--misses', '--since', 'last week'],
      ['--misses', '--limit', '0'],
      ['--since', '7d'],
    ]) {
      const { code, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(err).toMatch(/^casebot stats: /);
    }
  });

  it('still prints the overview without --misses', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    expect(out).toContain('   3  quantum computing');
    expect(out).toContain('(not kept: STATS_KEEP_QUESTIONS=off)');
  });
});

describe('parseSince', () => {
  it('reads spans and dates', () => {
    expect(parseSince('30m', NOW)).toEqual(new Date(NOW.getTime() - 30 * 60_000));
    expect(parseSince('2w', NOW)).toEqual(ago(14));
    expect(parseSince('2025-03-01', NOW)).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(parseSince('7 days', NOW)).toBeNull();
    expect(parseSince('2025-13-45', NOW)).toBeNull();
  });
});
