import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logger.js';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function line(parts: unknown[]): [Record<string, unknown>, string] {
  const err = parts.find((p) => p instanceof Error);
  const text = parts
    .filter((p) => !(p instanceof Error))
    .map((p) => (typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
  return [err ? { err } : {}, text];
}

/**
 * Bolt and the Web API client log through our pino logger; the level stays ours (Bolt's
 * `setLevel` is ignored), so one LOG_LEVEL governs everything.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  return {
    debug: (...m: unknown[]) => log.debug(...line(m)),
    info: (...m: unknown[]) => log.info(...line(m)),
    warn: (...m: unknown[]) => log.warn(...line(m)),
    error: (...m: unknown[]) => log.error(...line(m)),
    setLevel: () => undefined,
    getLevel: () => LEVELS[log.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
