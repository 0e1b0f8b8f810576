import { describe, expect, it } from 'vitest';
import { MAX_SKEW_SECONDS, signatureProblem } from '../../../src/adapters/slack/signature.js';
import { slackSignature } from './sign.js';

/** Slack's v0 signature check on its own, against an injected clock (no real time involved). */
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW_S = 1_750_000_000;
const BODY = Buffer.from('token=x&team_id=T0001&command=%2Fcase&text=list', 'utf8');

const request = (signature: string, timestamp = String(NOW_S)) => ({
  rawBody: BODY,
  timestamp,
  signature,
});
const check = (signature: string, timestamp?: string, nowS = NOW_S) =>
  signatureProblem(SECRET, request(signature, timestamp), nowS * 1000);

/** The signature with hex digit `i` changed (to another valid hex digit). */
function flipped(signature: string, i: number): string {
  const hex = signature.slice(3);
  const digit = hex[i] === '0' ? '1' : '0';
  return `v0=${hex.slice(0, i)}${digit}${hex.slice(i + 1)}`;
}

describe('signatureProblem', () => {
  const good = slackSignature(SECRET, NOW_S, BODY);

  it('accepts the signature Slack computes, in either case of hex digits', () => {
    expect(check(good)).toBeNull();
    expect(check(`v0=${good.slice(3).toUpperCase()}`)).toBeNull();
  });

  it('refuses a forgery that matches the first half of the HMAC, or all of it but one digit', () => {
    const firstHalf = `v0=${good.slice(3, 3 + 32)}${'0'.repeat(32)}`;
    expect(firstHalf).not.toBe(good);
    expect(check(firstHalf)).toBe('signature mismatch');
    // Every digit counts: the last one, one in the second half, the first.
    for (const i of [63, 40, 32, 31, 0])
      expect(check(flipped(good, i)), `digit ${i}`).not.toBeNull();
  });

  it('refuses the right HMAC under another secret or over another body', () => {
    expect(check(slackSignature('another-secret', NOW_S, BODY))).toBe('signature mismatch');
    expect(check(slackSignature(SECRET, NOW_S, `${BODY}&x=1`))).toBe('signature mismatch');
  });

  it('refuses a signed timestamp more than 5 minutes from now, either way, and accepts the edge', () => {
    for (const skew of [MAX_SKEW_SECONDS, -MAX_SKEW_SECONDS]) {
      const ts = NOW_S + skew;
      expect(check(slackSignature(SECRET, ts, BODY), String(ts)), `${skew} s`).toBeNull();
    }
    for (const skew of [MAX_SKEW_SECONDS + 1, -MAX_SKEW_SECONDS - 1]) {
      const ts = NOW_S + skew;
      expect(check(slackSignature(SECRET, ts, BODY), String(ts)), `${skew} s`).toBe(
        'timestamp outside the 5-minute window',
      );
    }
  });

  it('refuses a missing or malformed timestamp or signature, with the reason', () => {
    expect(check(good, '')).toBe('timestamp missing or not a number');
    expect(check(good, `${NOW_S}.5`)).toBe('timestamp missing or not a number');
    expect(check(good, ` ${NOW_S}`)).toBe('timestamp missing or not a number');
    for (const signature of [
      '',
      'v0=',
      good.slice(0, -1),
      `${good}0`,
      `x${good}`,
      `v1=${good.slice(3)}`,
    ]) {
      expect(check(signature), JSON.stringify(signature)).toBe('signature missing or not v0');
    }
  });
});
