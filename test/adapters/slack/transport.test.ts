import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type Harness, SECRET, slashCommandBody, startHarness } from './harness.js';
import { signedHeaders } from './sign.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('Slack transport on the shared server', () => {
  it('checked the token against SLACK_API_URL at start', () => {
    expect(h.calls['auth.test']).toHaveLength(1);
    expect(h.adapter.ready()).toBe(true);
  });

  it('refuses a signed body over 1 MiB with 413 and answers nothing', async () => {
    const mention = fixture<{ event: Record<string, unknown> }>('app-mention.json');
    const huge = {
      ...mention,
      event_id: 'Ev0HUGE0001',
      event: { ...mention.event, text: `<@UBOT123> flash sale ${'x'.repeat(1024 * 1024)}` },
    };
    const res = await h.postJson(huge);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      error: 'body_too_large',
      message: expect.stringMatching(/larger than 1048576 bytes/),
      requestId: res.headers.get('x-request-id'),
    });
    await h.settled();
    expect(h.calls['chat.postMessage']).toBeUndefined();
  });

  it('answers url_verification with the challenge', async () => {
    const body = fixture('url-verification.json');
    const res = await h.postJson(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: body.challenge });
  });

  it('refuses a forged signature with 401 and does no work', async () => {
    const body = slashCommandBody({ text: 'list' });
    const res = await h.postForm(body, { 'x-slack-signature': `v0=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_signature' });
    const tampered = await h.post(
      `${body}&text=help`,
      'application/x-www-form-urlencoded',
      signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'),
    );
    expect(tampered.status).toBe(401);
    // Right in its first 16 bytes, wrong in the rest: still a forgery.
    const signed = signedHeaders(SECRET, body, 'application/x-www-form-urlencoded');
    const halfRight = `${signed['x-slack-signature']!.slice(0, 3 + 32)}${'0'.repeat(32)}`;
    const half = await h.post(body, 'application/x-www-form-urlencoded', {
      ...signed,
      'x-slack-signature': halfRight,
    });
    expect(half.status).toBe(401);
    const unsigned = await fetch(h.url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    await h.settled();
    expect(h.responses).toHaveLength(0);
  });

  it('refuses a request signed more than 5 minutes ago (and one from the future)', async () => {
    const body = slashCommandBody({ text: 'list' });
    const now = Math.floor(Date.now() / 1000);
    for (const ts of [now - 6 * 60, now + 6 * 60]) {
      const res = await h.post(
        body,
        'application/x-www-form-urlencoded',
        signedHeaders(SECRET, body, 'application/x-www-form-urlencoded', ts),
      );
      expect(res.status).toBe(401);
    }
    await h.settled();
    expect(h.responses).toHaveLength(0);
  });

  it('accepts a request signed 4 minutes ago', async () => {
    const body = slashCommandBody({ text: 'help' });
    const ts = Math.floor(Date.now() / 1000) - 4 * 60;
    const res = await h.post(
      body,
      'application/x-www-form-urlencoded',
      signedHeaders(SECRET, body, 'application/x-www-form-urlencoded', ts),
    );
    expect(res.status).toBe(200);
    // The help card is ready at once: it is the ack itself.
    expect(JSON.parse(await res.text())).toMatchObject({ response_type: 'ephemeral' });
  });

  it('answers 400 to a signed body that is not JSON, and keeps serving', async () => {
    const res = await h.post('{not json', 'application/json');
    expect(res.status).toBe(400);
    const ok = await h.postJson(fixture('url-verification.json'));
    expect(ok.status).toBe(200);
  });

  describe('the signature covers the raw bytes as received', () => {
    /** url_verification whose challenge holds a byte that is not UTF-8 (0xff). */
    const notUtf8 = Buffer.concat([
      Buffer.from('{"type":"url_verification","challenge":"abc'),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ]);

    it('accepts bytes signed as sent, then answers 400 because they are not UTF-8', async () => {
      const res = await h.post(notUtf8, 'application/json');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: 'malformed_body',
        reason: expect.stringMatching(/UTF-8/),
      });
    });

    it('refuses the same bytes signed over their decoded text (U+FFFD)', async () => {
      const decoded = notUtf8.toString('utf8');
      expect(decoded).toContain('\uFFFD');
      const res = await h.post(
        notUtf8,
        'application/json',
        signedHeaders(SECRET, decoded, 'application/json'),
      );
      expect(res.status).toBe(401);
    });

    it('accepts a Chinese question signed over its UTF-8 bytes', async () => {
      const body = Buffer.from(slashCommandBody({ text: '帮助' }), 'utf8');
      const res = await h.post(body, 'application/x-www-form-urlencoded');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('response_type');
    });

    it('refuses a malformed signature header without failing', async () => {
      const body = slashCommandBody({ text: 'help' });
      for (const signature of ['v0=abc', 'v0=', `v1=${'0'.repeat(64)}`, `v0=${'z'.repeat(64)}`]) {
        const res = await h.postForm(body, { 'x-slack-signature': signature });
        expect(res.status).toBe(401);
      }
    });
  });

  it('answers ssl_check without a signature', async () => {
    const res = await fetch(h.url, {
      method: 'POST',
      body: 'ssl_check=1&token=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(200);
  });
});
