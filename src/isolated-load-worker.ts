import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CatalogError } from './catalog/model.js';
import type { IsolatedOutcome, IsolatedTask } from './isolated-load.js';

/** Runs one task with the validators loaded (zod, yaml); the outcome is plain, cloneable data. */
export async function runTask(task: IsolatedTask): Promise<IsolatedOutcome> {
  try {
    const { loadCatalog } = await import('./catalog/load.js');
    if (task.kind === 'catalog') return { ok: true, value: await loadCatalog(task.dir) };
    const { loadConfig } = await import('./config.js');
    const config = loadConfig(task.env);
    return { ok: true, value: { config, catalog: await loadCatalog(config.casesDir) } };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    return {
      ok: false,
      error: {
        code: typeof e.code === 'string' ? e.code : undefined,
        message: typeof e.message === 'string' ? e.message : String(error),
        problems: error instanceof CatalogError ? [...error.problems] : undefined,
      },
    };
  }
}

const task = (workerData as { casebotTask?: IsolatedTask } | null)?.casebotTask;
if (!isMainThread && task) {
  parentPort?.postMessage(await runTask(task));
}
