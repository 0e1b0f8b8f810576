import { runConsoleChat } from '../adapters/console/console-chat.js';
import { loadCatalog } from '../catalog/load.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { type App, startApp } from '../main.js';
import { type CliIo, EXIT } from './io.js';

/**
 * `casebot serve`: the HTTP server; with no Slack or Teams credentials also the console chat.
 * End of a non-empty input ends the process; an input that is empty from the start
 * (/dev/null, a service manager) leaves the server running.
 */
export async function serveCommand(_argv: string[], io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const catalog = await loadCatalog(config.casesDir);
  const logger = createLogger({ level: config.logLevel, pretty: Boolean(io.stderr.isTTY) });
  let app: App;
  try {
    app = await startApp({ config, logger, catalog });
  } catch (error) {
    // Logged as every other line is (JSON in production), and the process ends: nothing of a
    // half-started server is left running.
    logger.error({ err: error }, `casebot could not start: ${(error as Error).message}`);
    return EXIT.problems;
  }

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= app.stop();
    return stopping;
  };
  const exitAfterStop = (code: number) => {
    stop()
      .then(() => process.exit(code))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => exitAfterStop(0));
  process.once('SIGINT', () => exitAfterStop(0));
  process.on('SIGHUP', () => {
    void app.reload();
  });

  const credentials = config.slack !== null || config.teams?.credentials !== undefined;
  if (!credentials) {
    const { questions } = await runConsoleChat({
      core: app.core,
      input: io.stdin,
      output: io.stdout,
      interactive: Boolean(io.stdin.isTTY && io.stdout.isTTY),
      diagrams: config.diagrams,
      logger,
      metrics: app.metrics,
    });
    if (questions > 0 || io.stdin.isTTY) {
      await stop();
      return EXIT.ok;
    }
    logger.info('standard input is empty: the console chat is off, the server keeps running');
  }
  // Serve until a signal arrives.
  await new Promise<never>(() => {});
  return EXIT.ok;
}
