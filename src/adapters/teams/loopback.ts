import { isIPv4 } from 'node:net';

/**
 * True when a service URL points at this machine: 127.0.0.0/8, ::1 (also IPv4-mapped) or
 * `localhost`. Without credentials casebot only talks to such URLs (the Bot Framework Emulator,
 * the Microsoft 365 Agents Playground), so nobody can make it post to an arbitrary address.
 */
export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (host === '[::1]') return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1 is normalised to [::ffff:7f00:1]).
  return /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host);
}
