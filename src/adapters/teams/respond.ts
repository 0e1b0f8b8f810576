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

/**
 * Without credentials, only a JSON body is read. A web page open in a browser on this machine is
 * a loopback client too, but it cannot send `application/json` to another origin without a CORS
 * preflight, which casebot never grants; so a page cannot drive the bot. True when refused (415).
 */
export function refuseNonJson(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  log: Logger,
): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return false;
  log.warn({ requestId, contentType: type }, 'refused an activity: not application/json');
  reply(res, 415, {
    error: 'unsupported_media_type',
    message: 'Teams activities are JSON: send Content-Type: application/json',
    requestId,
  });
  return true;
}
