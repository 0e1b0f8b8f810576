import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Reads the request's body within the server's limits (size, time, the bytes all requests in
 * flight may hold); null when it was refused, which has then been answered and logged.
 */
export type ReadBody = () => Promise<Buffer | null>;

/** A platform mounted on the shared HTTP server. */
export interface HttpAdapter {
  readonly name: 'slack' | 'teams';
  /** The route it serves, e.g. `/slack/events`. */
  readonly path: string;
  /** Checks what it can from the head first, then reads the body only through `body`. */
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    body: ReadBody,
  ): Promise<void>;
  /** Connects what must be connected before serving (Socket Mode, token check). */
  start(): Promise<void>;
  /** Stops taking work; resolves when work in flight is done. */
  stop(): Promise<void>;
  /** Started and able to answer. */
  ready(): boolean;
}
