import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, stream };
}

const SECRETS = {
  token: 'xoxb-111-secret-token',
  authorization: 'Bearer top-secret-1',
  headers: { authorization: 'Bearer top-secret-2', 'x-slack-signature': 'v0=deadbeefsignature' },
  req: { headers: { authorization: 'Bearer top-secret-3', 'x-slack-signature': 'v0=cafebabe' } },
  config: {
    slack: { botToken: 'xoxb-222-bot', signingSecret: 'sign-secret-3', appToken: 'xapp-333' },
    teams: { credentials: { appPassword: 'teams-password-4' } },
  },
  client: { token: 'xoxb-444-nested', password: 'db-password-5' },
};

describe('logs', () => {
  it('never contain tokens, secrets, signatures or Authorization headers', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', destination: stream });
    logger.info(SECRETS, 'something with secrets');
    logger.child({ platform: 'slack' }).warn({ err: new Error('boom'), ...SECRETS }, 'child line');

    expect(lines).toHaveLength(2);
    const text = lines.join('');
    for (const secret of [
      'xoxb-111',
      'top-secret-1',
      'top-secret-2',
      'top-secret-3',
      'deadbeef',
      'cafebabe',
      'xoxb-222',
      'sign-secret-3',
      'xapp-333',
      'teams-password-4',
      'xoxb-444',
      'db-password-5',
    ]) {
      expect(text).not.toContain(secret);
    }
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first.token).toBe('[redacted]');
    expect(first.headers.authorization).toBe('[redacted]');
    expect(first.config.slack.botToken).toBe('[redacted]');
    // What is not secret stays readable.
    expect(first.msg).toBe('something with secrets');
    expect(first.service).toBe('casebot');
  });

  it('are JSON lines with a numeric level when not pretty', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'info', destination: stream }).info({ requestId: 'r-1' }, 'hello');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 30, requestId: 'r-1', msg: 'hello' });
  });
});
