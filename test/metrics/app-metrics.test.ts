import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createErrorSink } from '../../src/adapters/slack/error-sink.js';
import { BUNDLED_CASES_DIR } from '../../src/catalog/model.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startApp } from '../../src/main.js';
import { createPrometheusMetrics } from '../../src/metrics/prometheus.js';
import { RateGate } from '../../src/rate-gate.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { parseScrape, scrape, series } from './scrape.js';

describe('casebook metrics', () => {
  it('count the cases served and each reload by result', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'casebot-cases-'));
    cpSync(BUNDLED_CASES_DIR, dir, { recursive: true });
    const app = await startApp({
      config: loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'memory', CASES_DIR: dir }),
      logger: silentLogger(),
    });
    try {
      const reloads = (result: string) => series('casebot_casebook_reloads_total', { result });
      const cases = app.core.catalog.cases.length;
      expect((await scrape(app.port)).get('casebot_casebook_cases')).toBe(cases);
      expect(await app.reload()).toBe(true);
      writeFileSync(path.join(dir, 'broken.yaml'), 'id: [unclosed\n');
      expect(await app.reload()).toBe(false);
      const after = await scrape(app.port);
      expect(after.get(reloads('success'))).toBe(1);
      expect(after.get(reloads('failure'))).toBe(1);
      expect(after.get('casebot_casebook_cases')).toBe(cases);
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Slack error sink', () => {
  it('counts a failure that came before the counting middleware (e.g. authorize), once', async () => {
    const metrics = createPrometheusMetrics();
    const sink = createErrorSink({
      logger: silentLogger(),
      client: {} as never,
      sending: { gate: new RateGate(), maxWaitMs: 0, logger: silentLogger() },
      diagrams: DEFAULT_DIAGRAMS,
      defaultLocale: 'en',
      metrics,
    });
    const error = Object.assign(new Error('no token'), { code: 'slack_bolt_authorization_error' });
    const body = { command: '/case', text: 'hello' };
    await sink({ error, context: { requestId: 'r1', isEnterpriseInstall: false }, body });
    await sink({
      error,
      context: { requestId: 'r2', isEnterpriseInstall: false, casebotCounted: true },
      body,
    });
    const scraped = parseScrape(await metrics.render());
    expect(
      scraped.get(
        series('casebot_requests_total', {
          platform: 'slack',
          surface: 'command',
          outcome: 'error',
        }),
      ),
    ).toBe(1);
  });
});
