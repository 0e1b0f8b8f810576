import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'casebot-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The JSON Lines a command wrote, one object per line. */
function jsonLines(stdout: string) {
  return stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

describe('casebot search', () => {
  it('prints one JSON object in the documented shape', async () => {
    const run = await runCli(['search', '--json', 'ecommerce metrics']);
    expect(run.code).toBe(0);
    const line = JSON.parse(run.stdout.trim());
    expect(Object.keys(line)).toEqual(
      expect.arrayContaining(['query', 'section', 'unprompted', 'matches']),
    );
    expect(typeof line.unprompted).toBe('boolean');
    expect(line.query).toBe('ecommerce metrics');
    expect(line.section).toBe('metrics');
    expect(line.matches[0].caseId).toBe('ecommerce');
    expect(line.matches[0].score).toBeGreaterThan(0);
    expect(line.matches[0].score).toBeLessThanOrEqual(1);
  });

  it('reads one query per line from stdin and writes JSON Lines, best first, empty when off-topic', async () => {
    const run = await runCli(['search'], { input: '秒杀\nGPU 推理成本\n今天天气怎么样\n' });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.query)).toEqual(['秒杀', 'GPU 推理成本', '今天天气怎么样']);
    expect(lines[0].matches[0].caseId).toBe('ecommerce');
    expect(lines[1].matches[0].caseId).toBe('ai-inference');
    expect(lines[2].matches).toEqual([]);
    for (const l of lines) {
      const scores = l.matches.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('answers every stdin line with exactly one JSON line: LF or CRLF ends, a bare CR is not one', async () => {
    const input = '秒杀\r\n   \r\nGPU\rinference\n\n\t\nedge'; // the last line has no line end
    const run = await runCli(['search'], { input });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.query)).toEqual(['秒杀', '', 'GPU\rinference', '', '', 'edge']);
    expect(lines.map((l) => l.matches.length > 0)).toEqual([true, false, true, false, false, true]);
    expect(lines[1]).toMatchObject({ section: null, matches: [] });
  });

  it('echoes at most 500 characters of a query, cut between code points', async () => {
    // 秒杀 and a space, then 300,000 astral characters (two UTF-16 units each): 1.2 MB.
    const run = await runCli(['search'], { input: `秒杀 ${'🚀'.repeat(300_000)}\n` });
    expect(run.code).toBe(0);
    const [line] = jsonLines(run.stdout);
    expect(line.query).toBe(`秒杀 ${'🚀'.repeat(497)}`);
    expect(line.matches[0].caseId).toBe('ecommerce');
    expect(run.stdout.length).toBeLessThan(5_000);
  });

  it('says on every line whether casebot would answer the text unprompted, and why not', async () => {
    const input = [
      'how do shops keep checkout up when a flash sale brings 10x traffic?',
      'HPA bumped to 300 replicas for the sale, all green so far',
      '线上订单服务一直 CrashLoopBackOff，谁能帮忙看一下？',
      '',
      '',
    ].join('\n');
    const run = await runCli(['search'], { input });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.unprompted)).toEqual([true, false, false, false]);
    expect(lines.map((l) => l.unpromptedReason)).toEqual([
      null,
      'not-a-question',
      'out-of-scope',
      'not-a-question',
    ]);
    expect(lines[2].unpromptedDetail).toBe('troubleshooting');
    // The ranking itself is the search's, as before: the status update still matches a case.
    expect(lines[0].matches[0].caseId).toBe('ecommerce');
    expect(lines[1].matches[0].caseId).toBe('ecommerce');
  });

  it('prints a readable ranking without --json', async () => {
    const run = await runCli(['search', 'iot', 'latency']);
    expect(run.stdout).toMatch(/edge/);
  });
});

describe('casebot validate', () => {
  it('passes the shipped casebook', async () => {
    const run = await runCli(['validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/4 cases/);
  });

  it('exits 1 with file: path: message lines for a broken one', async () => {
    const dir = path.join(tmp, 'broken');
    await cp('cases', dir, { recursive: true });
    const file = path.join(dir, 'finance.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^rating: 5$/m, 'rating: five'));
    const run = await runCli(['validate', '--cases', dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/finance\.yaml: rating: /);
  });
});

/** A copy of the casebook plus a case file whose nested aliases expand to 9^9 strings. */
async function casebookWithAliasBomb(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(path.join(ROOT, 'cases'), dir, { recursive: true });
  const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (const [i, level] of [...'bcdefghi'].entries()) {
    levels.push(`${level}: &${level} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
  }
  await writeFile(path.join(dir, 'laughs.yaml'), levels.join('\n'));
  return dir;
}

/** A stack trace printed by Node: `    at fn (file:line:col)`. */
const STACK_LINE = /^\s+at /m;

describe('casebot validate and serve on a YAML alias bomb', () => {
  it('validate names the file and prints no stack trace', async () => {
    const run = await runCli(['validate', '--cases', await casebookWithAliasBomb('bomb-validate')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/laughs\.yaml: .*alias/i);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('serve names the file, prints no stack trace and exits 1 without starting', async () => {
    const run = await runCli(['serve'], {
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        CASES_DIR: await casebookWithAliasBomb('bomb-serve'),
        DATABASE_URL: 'memory:',
      },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/laughs\.yaml: .*alias/i);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('listening');
  });
});

describe('casebot chat', () => {
  it('answers questions from a pipe and ends with the input', async () => {
    const run = await runCli(['chat'], { input: 'flash sale\nlist\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('E-commerce platform');
    expect(run.stdout).toContain('10,000 QPS → 100,000 QPS');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('answers a Chinese question in Chinese', async () => {
    const run = await runCli(['chat'], { input: '金融系统怎么做合规\n' });
    expect(run.stdout).toContain('金融系统');
    expect(run.stdout).toContain('全面合规');
  });
});

describe('casebot serve with no configuration', () => {
  it('starts, answers "flash sale" on the console, and stops at the end of input', async () => {
    const run = await runCli(['serve'], {
      input: 'flash sale\n',
      env: { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${path.join(tmp, 'serve.db')}` },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('E-commerce platform');
  });
});

describe('casebot serve with a bad setup', () => {
  it('names every bad environment variable and exits 1 without starting', async () => {
    const run = await runCli(['serve'], {
      env: { PORT: 'eighty', DIAGRAM_RENDERER: 'graphviz', SLACK_BOT_TOKEN: 'xoxb-1' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Configuration has 3 problem(s)');
    expect(run.stderr).toMatch(/PORT: .*number/i);
    expect(run.stderr).toContain('DIAGRAM_RENDERER:');
    expect(run.stderr).toContain('SLACK_SIGNING_SECRET: Required');
  });

  it('names the broken case file and field and exits 1 without starting', async () => {
    const dir = path.join(tmp, 'broken-serve-cases');
    await cp(path.join(ROOT, 'cases'), dir, { recursive: true });
    const file = path.join(dir, 'edge.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^rating: \d+$/m, 'rating: high'));
    const run = await runCli(['serve'], {
      env: { PORT: '0', HOST: '127.0.0.1', CASES_DIR: dir, DATABASE_URL: 'memory:' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('edge.yaml: rating:');
  });
});

describe('casebot render', () => {
  it('prints the text rendering of a question', async () => {
    const run = await runCli(['render', '--format', 'text', 'compare', 'edge', 'finance']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Latency: 50 ?ms 10×/);
  });
});

describe('bad usage', () => {
  it('explains an unknown command and exits 2', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'explains "%s" (a name every object inherits) as an unknown command',
    async (name) => {
      const run = await runCli([name]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`unknown command "${name}"`);
    },
  );

  it('rejects a bad --lang', async () => {
    const run = await runCli(['search', '--lang', 'fr', 'x']);
    expect(run.code).toBe(2);
  });
});
