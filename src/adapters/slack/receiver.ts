import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App,
  type Logger as BoltLogger,
  HTTPModuleFunctions,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { ReadBody } from '../../http/types.js';
import type { Logger } from '../../logger.js';
import { checkSlackBody } from './body.js';
import { serializedBytes } from './serialized.js';
import { signatureProblem } from './signature.js';

export interface SharedServerReceiverOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly boltLogger: BoltLogger;
  /** Injected clock: signature freshness is checked against it. */
  readonly now: () => Date;
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** Slack's `ssl_check` (unsigned, form-encoded): answered 200 and nothing else is done. */
function isSslCheck(raw: Buffer, contentType: string): boolean {
  if (!contentType.startsWith('application/x-www-form-urlencoded')) return false;
  if (!raw.includes('ssl_check=')) return false;
  return new URLSearchParams(raw.toString('latin1')).get('ssl_check') === '1';
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status, { 'content-length': 0 });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * The ack Bolt hands to listeners: it answers the HTTP request at once, with no body, a message
 * (JSON) or a plain text. Only the first call answers.
 */
function ackFor(res: ServerResponse): ReceiverEvent['ack'] {
  let acked = false;
  return async (response?: unknown) => {
    if (acked || res.headersSent) return;
    acked = true;
    const bytes = serializedBytes(response);
    if (bytes) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
      res.end(bytes);
    } else if (typeof response === 'string' && response !== '') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(response);
    } else if (response) {
      reply(res, 200, response);
    } else {
      reply(res, 200);
    }
  };
}

/**
 * Bolt's transport on our own HTTP server (one port for Slack, Teams and health checks).
 * It verifies Slack's signature over the raw bytes (v0, HMAC-SHA256, 5-minute window against the
 * injected clock), then decodes and checks the body (a 400 with a reason when it is not a shape
 * Slack sends), answers `url_verification` and `ssl_check`, and hands everything else to Bolt
 * with an ack that
 * responds at once (never after the work), then waits for the listeners so a graceful shutdown
 * lets them finish.
 */
export class SharedServerReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly options: SharedServerReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    readBody: ReadBody,
  ): Promise<void> {
    const { logger } = this.options;
    const raw = await readBody();
    if (!raw) return;
    const contentType = header(req, 'content-type').toLowerCase();
    if (isSslCheck(raw, contentType)) return reply(res, 200);

    const refused = signatureProblem(
      this.options.signingSecret,
      {
        rawBody: raw,
        timestamp: header(req, 'x-slack-request-timestamp'),
        signature: header(req, 'x-slack-signature'),
      },
      this.options.now().getTime(),
    );
    if (refused) {
      logger.warn({ requestId, reason: refused }, 'slack request refused (signature)');
      return reply(res, 401, { error: 'invalid_signature' });
    }

    const checked = checkSlackBody(raw, contentType);
    if (!checked.ok) {
      logger.warn({ requestId, reason: checked.reason }, 'slack request refused (malformed body)');
      return reply(res, 400, { error: 'malformed_body', reason: checked.reason });
    }
    const { body } = checked;
    if (body.type === 'url_verification') return reply(res, 200, { challenge: body.challenge });
    if (!this.app) return reply(res, 503, { error: 'not_ready' });

    const event: ReceiverEvent = {
      body,
      ack: ackFor(res),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
      customProperties: { requestId },
    };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      // The app's error sink has already run for listener errors; this is anything else.
      logger.error({ requestId, err: error }, 'slack event processing failed');
      reply(res, 500);
    } finally {
      // Nothing acknowledged (no listener for it): say 200 now rather than 404 in 3 s.
      if (!res.headersSent) await event.ack().catch(() => undefined);
    }
  }
}
