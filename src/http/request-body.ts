import type { IncomingMessage } from 'node:http';

/**
 * The bytes of request bodies held in memory across every request in flight. Each request may
 * hold up to its own limit, but together they may hold no more than the budget: past it a request
 * is refused (503) instead of the process growing until it is killed.
 */
export class BodyBudget {
  #free: number;

  constructor(readonly totalBytes: number) {
    this.#free = totalBytes;
  }

  /** Takes `bytes` from the budget; false (nothing taken) when they do not fit. */
  take(bytes: number): boolean {
    if (bytes > this.#free) return false;
    this.#free -= bytes;
    return true;
  }

  give(bytes: number): void {
    this.#free = Math.min(this.totalBytes, this.#free + bytes);
  }

  /** Bytes held right now. */
  inUse(): number {
    return this.totalBytes - this.#free;
  }
}

export interface BodyLimits {
  /** Largest body of one request (bytes). */
  readonly maxBytes: number;
  /** A body not complete this long after its headers arrived is cut. */
  readonly timeoutMs: number;
}

/** Why a body was not read, as the client is told it (JSON) and the log says it. */
export interface BodyRefusal {
  readonly status: 400 | 408 | 413 | 503;
  readonly error: 'unreadable_body' | 'body_timeout' | 'body_too_large' | 'server_busy';
  readonly message: string;
  /** Bytes received before the refusal. */
  readonly received: number;
}

export type BodyOutcome =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly refusal: BodyRefusal };

const tooLarge = (limit: number, received: number): BodyRefusal => ({
  status: 413,
  error: 'body_too_large',
  message: `The request body is larger than ${limit} bytes.`,
  received,
});

const busy = (received: number): BodyRefusal => ({
  status: 503,
  error: 'server_busy',
  message: 'Too many request bodies are being received right now; retry shortly.',
  received,
});

/**
 * Reads a request body within `limits`, holding its bytes against `budget` (the caller gives
 * them back once the request is handled). A declared length over the limit or over what the
 * budget has left is refused before any byte is read.
 */
export function readBody(
  req: IncomingMessage,
  limits: BodyLimits,
  budget: BodyBudget,
): Promise<BodyOutcome> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxBytes) {
    return Promise.resolve({ ok: false, refusal: tooLarge(limits.maxBytes, 0) });
  }
  if (declared > budget.totalBytes - budget.inUse()) {
    return Promise.resolve({ ok: false, refusal: busy(0) });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (outcome: BodyOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      if (!outcome.ok) {
        budget.give(size);
        chunks.length = 0;
      }
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limits.maxBytes) {
        return finish({ ok: false, refusal: tooLarge(limits.maxBytes, size + chunk.length) });
      }
      if (!budget.take(chunk.length)) return finish({ ok: false, refusal: busy(size) });
      size += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onGone = () =>
      finish({
        ok: false,
        refusal: {
          status: 400,
          error: 'unreadable_body',
          message: 'The connection ended before the request body did.',
          received: size,
        },
      });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          refusal: {
            status: 408,
            error: 'body_timeout',
            message: `The request body did not arrive within ${limits.timeoutMs} ms.`,
            received: size,
          },
        }),
      limits.timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/**
 * A request answered before its body was all read (refused from its head, or its body refused):
 * nothing more of it is read. The request is paused (Node then stops reading the socket once
 * its small buffer is full) and the connection closed `lingerMs` later, time enough for the
 * client to read the answer before a reset can discard it.
 */
export function closeUnread(req: IncomingMessage, lingerMs: number): void {
  if (req.complete || req.socket.destroyed) return;
  req.pause();
  const timer = setTimeout(() => req.socket.destroy(), lingerMs);
  req.socket.once('close', () => clearTimeout(timer));
}
