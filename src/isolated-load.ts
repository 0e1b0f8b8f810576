import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Catalog, CatalogError, type CatalogProblem } from './catalog/model.js';
import type { Config, Env } from './config.js';
import { CasebotError, type ErrorCode } from './errors.js';

/*
 * The server validates its environment and reads the casebook in a short-lived worker thread.
 * The validators (zod, and yaml for the casebook) are then loaded, used and freed with the
 * worker's heap instead of staying resident in the server for its whole life: about 16 MB of
 * RSS and 5 MB of live heap (measured with `node --expose-gc`, see docs/benchmarks.md). The
 * result is plain data (structured clone); errors come back with their code and, for a broken
 * casebook, every problem.
 */

export type IsolatedTask = { kind: 'serve'; env: Env } | { kind: 'catalog'; dir: string };

export type IsolatedOutcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: { code?: string; message: string; problems?: CatalogProblem[] };
    };

const WORKER = new URL('./isolated-load-worker.js', import.meta.url);

/** Run from the TypeScript sources (tests): no compiled worker file, so run in-process. */
async function inProcess(task: IsolatedTask): Promise<IsolatedOutcome> {
  const { runTask } = await import('./isolated-load-worker.js');
  return runTask(task);
}

function inWorker(task: IsolatedTask): Promise<IsolatedOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { casebotTask: task } });
    let outcome: IsolatedOutcome | undefined;
    worker.once('message', (message: IsolatedOutcome) => {
      outcome = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (outcome) resolve(outcome);
      else
        reject(new Error(`the ${task.kind} loader stopped (exit code ${code}) without an answer`));
    });
  });
}

async function run(task: IsolatedTask): Promise<unknown> {
  const outcome = existsSync(fileURLToPath(WORKER)) ? await inWorker(task) : await inProcess(task);
  if (outcome.ok) return outcome.value;
  const { code, message, problems } = outcome.error;
  if (problems) throw new CatalogError(problems);
  if (code) throw new CasebotError(code as ErrorCode, message);
  throw new Error(message);
}

/** What `serve` starts from: `loadConfig(env)`, then its casebook, without keeping zod here. */
export async function loadServeSetup(env: Env): Promise<{ config: Config; catalog: Catalog }> {
  return (await run({ kind: 'serve', env: { ...env } })) as { config: Config; catalog: Catalog };
}

/** `loadCatalog(dir)` without keeping zod and yaml in this process. */
export async function loadCatalogIsolated(dir: string): Promise<Catalog> {
  return (await run({ kind: 'catalog', dir })) as Catalog;
}
