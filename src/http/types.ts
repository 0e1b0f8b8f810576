import type { IncomingMessage, ServerResponse } from 'node:http';

/** A platform mounted on the shared HTTP server. */
export interface HttpAdapter {
  readonly name: 'slack' | 'teams';
  /** The route it serves, e.g. `/slack/events`. */
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
  /** Connects what must be connected before serving (Socket Mode, token check). */
  start(): Promise<void>;
  /** Stops taking work; resolves when work in flight is done. */
  stop(): Promise<void>;
  /** Started and able to answer. */
  ready(): boolean;
}
