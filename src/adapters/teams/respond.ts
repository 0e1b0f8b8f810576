import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import { isLoopbackAddress } from './loopback.js';

/** A JSON (or empty) answer to Teams' HTTP request; no botbuilder needed. */
export function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return void res.end();
  if (body === undefined) {
    res.writeHead(status, { 'content-length': 0 });
    return void res.end();
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Without credentials, a request from another machine (judged by the socket, never a header) is
 * answered 403 before its body is read. True when it was refused.
 */
export function refuseRemoteClient(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  log: Logger,
): boolean {
  const remote = req.socket.remoteAddress;
  if (isLoopbackAddress(remote)) return false;
  log.warn(
    { requestId, remoteAddress: remote },
    'refused an activity: without credentials only loopback clients are served',
  );
  reply(res, 403, {
    error: 'forbidden',
    message: 'Teams runs without credentials: only clients on this machine are served',
    requestId,
  });
  return true;
}
