import { describe, expect, it } from 'vitest';
import { isDevServiceUrl, isLoopbackAddress } from '../../../src/adapters/teams/loopback.js';
import { exactOrigin } from '../../../src/config.js';

describe('isDevServiceUrl without TEAMS_DEV_SERVICE_URL', () => {
  it.each([
    // What the Agents Playground and the Bot Framework Emulator send.
    ['http://localhost:56150', true],
    ['http://localhost:56150/', true],
    ['http://127.0.0.1:3978/', true],
    ['http://[::1]:3978', true],
    // Our own port: casebot would post to itself.
    ['http://localhost:3000', false],
    // No explicit port (80), another scheme, another loopback address.
    ['http://localhost/', false],
    ['https://localhost:9000/', false],
    ['http://127.0.0.3:3978/', false],
    ['http://[::ffff:127.0.0.1]:3978/', false],
    // A path, query, fragment or user info makes casebot post somewhere else.
    ['http://127.0.0.1:9999/internal/admin?x=', false],
    ['http://127.0.0.1:9999/?x=1', false],
    ['http://127.0.0.1:9999/#x', false],
    ['http://user:pw@127.0.0.1:9999/', false],
    // Loopback written another way.
    ['http://2130706433:9999/', false],
    ['http://0x7f000001:9999/', false],
    ['http://127.1:9999/', false],
    ['http://LOCALHOST:9999/', false],
    ['http://localhost:09999/', false],
    [' http://localhost:9999', false],
    // Not loopback at all.
    ['https://smba.trafficmanager.net/amer/', false],
    ['http://169.254.169.254/latest/', false],
    ['http://localhost.evil.example:9999/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isDevServiceUrl(url, { ownPort: 3000 })).toBe(expected);
  });
});

describe('isDevServiceUrl with TEAMS_DEV_SERVICE_URL', () => {
  const rule = { devServiceUrl: 'https://example.ngrok.app', ownPort: 3000 };
  it.each([
    ['https://example.ngrok.app', true],
    ['https://example.ngrok.app/', true],
    ['https://example.ngrok.app:443/', false],
    ['https://example.ngrok.app/v3', false],
    ['http://localhost:56150', false],
  ])('%s → %s', (url, expected) => {
    expect(isDevServiceUrl(url, rule)).toBe(expected);
  });
});

describe('exactOrigin', () => {
  it('returns the origin only for a value written as one', () => {
    expect(exactOrigin('http://localhost:56150/')).toBe('http://localhost:56150');
    expect(exactOrigin('http://[::1]:8080')).toBe('http://[::1]:8080');
    expect(exactOrigin('http://0x7f000001:80/')).toBeNull();
    expect(exactOrigin('http://localhost:56150/x')).toBeNull();
    expect(exactOrigin('ftp://localhost:21')).toBeNull();
  });
});

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.0.2.2', false],
    ['::ffff:192.0.2.2', false],
    ['fd00::2', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});
