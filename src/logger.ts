import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger } from 'pino';

/** Secrets never reach the log, whatever object they sit in. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'appPassword',
  'authorization',
  'apiKey',
  'headers.authorization',
  'headers["api-key"]',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  'headers["x-slack-signature"]',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.appPassword',
  '*.apiKey',
  '*.authorization',
  '*.headers.authorization',
  'config.slack.botToken',
  'config.slack.signingSecret',
  'config.slack.appToken',
  'config.teams.credentials.appPassword',
  'config.embeddings.apiKey',
];

export interface LoggerOptions {
  readonly level: string;
  /** Pretty, colourful lines for a person at a terminal; JSON otherwise. */
  readonly pretty?: boolean;
  /** Where lines go (tests); stderr by default so stdout stays for the console chat. */
  readonly destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'casebot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (options.pretty) {
    // Loaded only for a person at a terminal: production JSON logging doesn't pay its ~10 MB.
    const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
    return pino(
      base,
      pretty({ sync: true, destination: 2, colorize: true, ignore: 'pid,hostname,service' }),
    );
  }
  return pino(base, options.destination ?? pino.destination({ fd: 2, sync: false }));
}

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
