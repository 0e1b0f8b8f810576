import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesce } from '../../src/main.js';
import { ROOT } from '../helpers/run-cli.js';
import {
  type ServeProcess,
  signedSlashCommand,
  startServe,
  startSlackStub,
} from './serve-process.js';

/** A task whose runs are settled by the test: `runs[i]` settles the i-th run. */
function controlledTask() {
  const runs: { resolve(outcome: boolean): void; reject(error: Error): void }[] = [];
  const task = () =>
    new Promise<boolean>((resolve, reject) => {
      runs.push({ resolve, reject });
    });
  return { runs, task };
}

/** Lets every promise callback that is ready run (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('coalesce', () => {
  it('runs once more for any number of calls during a run, and every caller gets its outcome', async () => {
    const { runs, task } = controlledTask();
    const reload = coalesce(task);
    const first = reload();
    const during = Array.from({ length: 7 }, () => reload());
    expect(runs).toHaveLength(1);

    runs[0]?.resolve(false);
    await settle();
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(true);
    // The second run started after every call, so it covers them all.
    expect(await Promise.all([first, ...during])).toEqual(Array(8).fill(true));
    expect(runs).toHaveLength(2);
  });

  it('ends on the newest files even when an older run is the slower one', async () => {
    let files = 0;
    let serving = 0;
    const pending: (() => void)[] = [];
    const reload = coalesce(async () => {
      const read = files;
      await new Promise<void>((resolve) => pending.push(resolve));
      serving = read;
      return true;
    });
    const calls: Promise<boolean>[] = [];
    for (let edit = 1; edit <= 8; edit++) {
      files = edit;
      calls.push(reload());
    }
    // Settle the newest run in flight first, as a slower older read would.
    let runs = 0;
    while (pending.length > 0) {
      pending.pop()?.();
      runs++;
      await settle();
    }
    await Promise.all(calls);
    expect(serving).toBe(8);
    expect(runs).toBe(2);
  });

  it('starts afresh after a run ended, even one that threw', async () => {
    const { runs, task } = controlledTask();
    const reload = coalesce(task);
    const failed = reload();
    runs[0]?.reject(new Error('disk gone'));
    await expect(failed).rejects.toThrow('disk gone');
    const next = reload();
    expect(runs).toHaveLength(2);
    runs[1]?.resolve(true);
    expect(await next).toBe(true);
  });
});

const SECRET = 'reload-signing-secret';
const COPIES = 10;
const running: ServeProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const p of running.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const clean of cleanups.splice(0)) await clean();
});

/** The text of the answer to a `/case` command: in the ack, or sent to the response_url. */
async function ask(
  p: ServeProcess,
  stub: Awaited<ReturnType<typeof startSlackStub>>,
  text: string,
): Promise<string> {
  const responseUrl = `${stub.url}/commands/T0TEST/${Math.random()}/reload`;
  const { body, headers } = signedSlashCommand(SECRET, text, responseUrl);
  const ack = await fetch(`${p.url}/slack/events`, { method: 'POST', headers, body });
  const acked = await ack.text();
  if (acked.includes('blocks')) return acked;
  for (let tries = 0; tries < 100; tries++) {
    const sent = stub.calls.find((c) => c.path === new URL(responseUrl).pathname);
    if (sent) return sent.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no answer to "${text}"`);
}

describe('SIGHUP bursts on casebot serve', () => {
  it('reloads at most twice for 8 SIGHUPs 10 ms apart and ends on the newest casebook', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-hup-burst-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await cp(path.join(ROOT, 'cases'), dir, { recursive: true });
    // Copies of every case make a reload outlast the burst, so coalescing shows as 2 runs.
    for (const id of ['ecommerce', 'finance', 'edge', 'ai-inference']) {
      const text = await readFile(path.join(dir, `${id}.yaml`), 'utf8');
      for (let copy = 1; copy <= COPIES; copy++) {
        const renamed = text.replace(`id: ${id}\n`, `id: ${id}-copy-${copy}\n`);
        await writeFile(path.join(dir, `${id}-copy-${copy}.yaml`), renamed);
      }
    }
    const stub = await startSlackStub();
    cleanups.push(stub.close);
    const p = await startServe({
      CASES_DIR: dir,
      SLACK_BOT_TOKEN: 'xoxb-0000-reload',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `${stub.url}/api/`,
    });
    running.push(p);
    await p.waitForLog((l) => l.msg === 'slack ready');
    expect(await ask(p, stub, 'show finance')).toContain('Financial trading system');

    // Edit n renames the finance case to "Trading desk vn" and adds one case, so the case count
    // in a 'casebook reloaded' line tells which edit that reload read.
    const file = path.join(dir, 'finance.yaml');
    const original = await readFile(file, 'utf8');
    const edge = await readFile(path.join(dir, 'edge.yaml'), 'utf8');
    const writeWhole = async (target: string, text: string) => {
      // Renamed into place, so no reload reads a half-written file.
      await writeFile(`${target}.partial`, text);
      await rename(`${target}.partial`, target);
    };
    for (let edit = 1; edit <= 8; edit++) {
      await writeWhole(
        file,
        original.replace('en: Financial trading system', `en: Trading desk v${edit}`),
      );
      await writeWhole(
        path.join(dir, `edge-extra-${edit}.yaml`),
        edge.replace('id: edge\n', `id: edge-extra-${edit}\n`),
      );
      p.child.kill('SIGHUP');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const newest = 4 * (1 + COPIES) + 8;
    await p.waitForLog((l) => l.msg === 'casebook reloaded' && l.cases === newest, 30_000);
    const burst = p.logs.filter((l) => String(l.msg).startsWith('casebook reload'));
    expect(burst.length).toBeLessThanOrEqual(2);
    // One more SIGHUP with nothing edited: reloads run one at a time, so once its reload is
    // logged, no reload from the burst can still land and swap an older casebook back in.
    p.child.kill('SIGHUP');
    const reloadsLogged = () =>
      p.logs.filter((l) => String(l.msg).startsWith('casebook reload')).length;
    await p.waitForLog(() => reloadsLogged() > burst.length, 30_000);
    const reloads = p.logs.filter((l) => String(l.msg).startsWith('casebook reload'));
    expect(reloads.map((l) => [l.msg, l.cases])).toEqual([
      ...burst.map((l) => [l.msg, l.cases]),
      ['casebook reloaded', newest],
    ]);
    expect(burst.map((l) => [l.msg, l.cases]).at(-1)).toEqual(['casebook reloaded', newest]);
    expect(await ask(p, stub, 'show finance')).toContain('Trading desk v8');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 45_000);
});
