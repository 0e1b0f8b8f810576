import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { API_ORIGIN, API_URL, postSlashCommand, SECRET } from '../adapters/slack/harness.js';

/**
 * A casebook reload (SIGHUP) through the composition root: what `/case` answers afterwards comes
 * from the new casebook, including questions Slack's answer cache had already seen.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

let app: App;
let casesDir: string;

beforeAll(async () => {
  casesDir = mkdtempSync(path.join(tmpdir(), 'casebot-reload-'));
  cpSync(path.join(ROOT, 'cases'), casesDir, { recursive: true });
  nock(API_ORIGIN)
    .persist()
    .post('/api/auth.test')
    .reply(200, { ok: true, user_id: 'UBOT123', bot_id: 'BBOT123', team_id: 'T0001' });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    CASES_DIR: casesDir,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: API_URL,
    TIPS_SCHEDULER: 'off',
  });
  app = await startApp({ config, logger: silentLogger(), store: new MemoryStore() });
});
afterAll(async () => {
  await app?.stop();
  rmSync(casesDir, { recursive: true, force: true });
  nock.cleanAll();
});

/** `/case TEXT` as Slack sends it; the answer is the ack itself. */
async function slash(text: string): Promise<string> {
  const res = await postSlashCommand(app.port, text);
  expect(res.status).toBe(200);
  const ack = await res.text();
  expect(ack, `the answer to "${text}" in the ack`).not.toBe('');
  return ack;
}

describe('casebook reload', () => {
  it('answers questions asked before the reload from the new casebook', async () => {
    for (const question of ['ecommerce', 'list', 'ecommerce', 'list']) {
      expect(await slash(question)).toContain('E-commerce platform');
    }
    const file = path.join(casesDir, 'ecommerce.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toContain('  en: E-commerce platform\n');
    writeFileSync(file, yaml.replace('  en: E-commerce platform\n', '  en: Online shop\n'));

    expect(await app.reload()).toBe(true);
    expect(app.core.catalog.byId.get('ecommerce')!.title.en).toBe('Online shop');
    // Both were answered (and kept) before the reload; each must be answered anew.
    for (const question of ['list', 'ecommerce']) {
      const answer = await slash(question);
      expect(answer, question).toContain('Online shop');
      expect(answer, question).not.toContain('E-commerce platform');
    }
  });
});
