import { runConsoleChat } from '../adapters/console/console-chat.js';
import { loadCatalog } from '../catalog/load.js';
import { loadConfig } from '../config.js';
import { createCore } from '../core/core.js';
import { createLogger } from '../logger.js';
import { MemoryStore } from '../store/memory-store.js';
import { type CliIo, EXIT } from './io.js';

/** `casebot chat`: the console chat alone: no server, no database, no platform SDK loaded. */
export async function chatCommand(_argv: string[], io: CliIo): Promise<number> {
  const config = loadConfig({ ...io.env, SLACK_BOT_TOKEN: '', MICROSOFT_APP_ID: '' });
  const logger = createLogger({ level: 'warn', pretty: Boolean(io.stderr.isTTY) });
  const catalog = await loadCatalog(config.casesDir);
  const core = createCore({
    catalog,
    store: new MemoryStore(),
    defaultLocale: config.defaultLocale,
    now: () => new Date(),
  });
  await runConsoleChat({
    core,
    input: io.stdin,
    output: io.stdout,
    interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY),
    diagrams: config.diagrams,
    logger,
  });
  return EXIT.ok;
}
