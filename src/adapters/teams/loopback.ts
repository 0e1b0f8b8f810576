import { BlockList } from 'node:net';
import { exactOrigin } from '../../config.js';

/**
 * Teams without credentials (the Bot Framework Emulator, the Microsoft 365 Agents Playground):
 * nothing is authenticated, so casebot answers only this machine and replies only to the origin a
 * local emulator uses. Both emulators send `serviceUrl: "http://localhost:PORT"` (the Playground's
 * port defaults to 56150, the Emulator's changes at every start).
 */

const LOOPBACK_CLIENTS = new BlockList();
LOOPBACK_CLIENTS.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK_CLIENTS.addAddress('::1', 'ipv6');

/** Host names a local emulator's service URL may have (as WHATWG URL writes them). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * True for a socket's remote address on this machine: 127.0.0.0/8, ::1, or either IPv4-mapped.
 * Pass `req.socket.remoteAddress`, never a header.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return LOOPBACK_CLIENTS.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
}

export interface DevServiceUrlRule {
  /** TEAMS_DEV_SERVICE_URL (an exact origin): when set, the only service URL replied to. */
  readonly devServiceUrl?: string;
  /** The port this server listens on: never a reply target (casebot would post to itself). */
  readonly ownPort?: number;
}

/**
 * Whether casebot without credentials may reply to this service URL: exactly
 * `TEAMS_DEV_SERVICE_URL` when that is set, else exactly `http://localhost:PORT`,
 * `http://127.0.0.1:PORT` or `http://[::1]:PORT` (an explicit port other than our own, nothing
 * after the port but an optional `/`).
 */
export function isDevServiceUrl(value: unknown, rule: DevServiceUrlRule = {}): boolean {
  const origin = exactOrigin(value);
  if (!origin) return false;
  if (rule.devServiceUrl) return origin === rule.devServiceUrl;
  const url = new URL(origin);
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.port === '') {
    return false;
  }
  return Number(url.port) !== rule.ownPort;
}
