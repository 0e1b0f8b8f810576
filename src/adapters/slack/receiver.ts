import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  type App,
  type Logger as BoltLogger,
  HTTPModuleFunctions,
  type Receiver,
  type ReceiverEvent,
  verifySlackRequest,
} from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { serializedBytes } from './serialized.js';

export interface SharedServerReceiverOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  readonly boltLogger: BoltLogger;
  /** Injected clock: signature freshness is checked against it. */
  readonly now: () => Date;
  /** Largest body accepted (bytes). */
  readonly bodyLimit?: number;
}

/** Slack refuses requests older than this, and so do we (also ones from the future). */
const MAX_SKEW_SECONDS = 5 * 60;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = parseQuery(raw);
    if (typeof form.payload === 'string')
      return JSON.parse(form.payload) as Record<string, unknown>;
    return form as Record<string, unknown>;
  }
  const parsed: unknown = JSON.parse(raw);
  if (!parsed || typeof parsed !== 'object') throw new Error('body is not an object');
  return parsed as Record<string, unknown>;
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
 * It verifies Slack's signature (v0, HMAC-SHA256, 5-minute window against the injected clock),
 * answers `url_verification` and `ssl_check`, and hands everything else to Bolt with an ack that
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

  async handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const { logger } = this.options;
    let raw: Buffer;
    try {
      raw = await readBody(req, this.options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    } catch (error) {
      logger.warn({ requestId, err: error }, 'slack request body unreadable');
      return reply(res, error instanceof BodyTooLarge ? 413 : 400);
    }
    const text = raw.toString('utf8');
    const contentType = header(req, 'content-type').toLowerCase();
    if (
      contentType.startsWith('application/x-www-form-urlencoded') &&
      text.includes('ssl_check=') &&
      parseQuery(text).ssl_check === '1'
    ) {
      return reply(res, 200);
    }

    const nowMs = this.options.now().getTime();
    const timestamp = Number(header(req, 'x-slack-request-timestamp'));
    try {
      if (!Number.isFinite(timestamp) || Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
        throw new Error('timestamp missing or outside the 5-minute window');
      }
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: text,
        headers: {
          'x-slack-signature': header(req, 'x-slack-signature'),
          'x-slack-request-timestamp': timestamp,
        },
        nowMilliseconds: nowMs,
      });
    } catch (error) {
      logger.warn(
        { requestId, reason: (error as Error).message },
        'slack request refused (signature)',
      );
      return reply(res, 401, { error: 'invalid_signature' });
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(text, contentType);
    } catch {
      logger.warn({ requestId }, 'slack request body malformed');
      return reply(res, 400, { error: 'malformed_body' });
    }
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
