import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { type Doc, K8S, MANIFESTS, one, parseFile } from './k8s-docs.js';

const MONITORING = path.join(K8S, 'components/monitoring');
const DASHBOARD = path.join(MANIFESTS, 'grafana/casebot.json');

/** Metric names a PromQL expression reads (ours, and Node's default process metrics). */
const metricNames = (expr: string): string[] =>
  expr.match(/\b(casebot|process|nodejs|kube)_[a-z0-9_]+\b/g) ?? [];

let app: App;
/** Every metric name `/metrics` exposes, histogram and summary series included. */
let exposed: Set<string>;

beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: 'memory',
    TIPS_SCHEDULER: 'off',
  });
  app = await startApp({ config, logger: silentLogger() });
  const text = await (await fetch(`http://127.0.0.1:${app.port}/metrics`)).text();
  exposed = new Set();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    exposed.add(name!);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) exposed.add(name + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) exposed.add(name + s);
  }
});
afterAll(() => app?.stop());

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function build(dir: string): Doc[] {
  const yaml = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(yaml).map((d) => d.toJS() as Doc);
}

describe('monitoring', () => {
  it('has the pods carry the scrape annotations, on the port and path that serve /metrics', async () => {
    const deployment = one('Deployment');
    const annotations = deployment.spec.template.metadata.annotations;
    const port = deployment.spec.template.spec.containers[0].ports.find(
      (p: Doc) => p.name === 'http',
    );
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(Number(annotations['prometheus.io/port'])).toBe(port.containerPort);
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(one('ConfigMap', 'configmap.yaml').data.METRICS).toBe('on');
    const res = await fetch(`http://127.0.0.1:${app.port}${annotations['prometheus.io/path']}`);
    expect(res.status).toBe(200);
  });

  it.skipIf(!hasKubectl())(
    'builds with kubectl kustomize, with and without the monitoring component',
    async () => {
      const without = build(K8S);
      expect(without.map((d) => d.kind)).not.toContain('ServiceMonitor');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-kz-'));
      try {
        const rel = path.relative(dir, K8S);
        await writeFile(
          path.join(dir, 'kustomization.yaml'),
          `resources:\n  - ${rel}\ncomponents:\n  - ${rel}/components/monitoring\n`,
        );
        const built = build(dir);
        const monitor = built.find((d) => d.kind === 'ServiceMonitor');
        const rule = built.find((d) => d.kind === 'PrometheusRule');
        const service = built.find((d) => d.kind === 'Service');
        expect(monitor && rule && service).toBeTruthy();
        for (const [k, v] of Object.entries<string>(monitor!.spec.selector.matchLabels)) {
          expect(service!.metadata.labels[k]).toBe(v);
        }
        const endpoint = monitor!.spec.endpoints[0];
        expect(service!.spec.ports.map((p: Doc) => p.name)).toContain(endpoint.port);
        expect(endpoint.path).toBe('/metrics');
        expect(built.length).toBe(without.length + 2);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('alerts on failing and slow answers, failing tips and store errors, with metrics that exist', () => {
    const rule = parseFile(path.join(MONITORING, 'prometheus-rule.yaml')).docs[0] as Doc;
    const rules: Doc[] = rule.spec.groups.flatMap((g: Doc) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual([
      'CasebotAnswersFailing',
      'CasebotAnswersSlow',
      'CasebotTipsFailing',
      'CasebotTipsJobFailed',
      'CasebotStoreErrors',
    ]);
    for (const r of rules) {
      const names = metricNames(r.expr);
      expect(names.length, r.alert).toBeGreaterThan(0);
      // kube_* comes from kube-state-metrics (the CronJob pushes nothing).
      for (const name of names.filter((n) => !n.startsWith('kube_'))) {
        expect(exposed.has(name), `${r.alert}: ${name}`).toBe(true);
      }
    }
    expect(rules.find((r) => r.alert === 'CasebotAnswersSlow')?.expr).toMatch(/0\.99[\s\S]*> 1\b/);
  });

  it('ships a Grafana dashboard whose every query reads a metric /metrics exposes', () => {
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Doc;
    const exprs: string[] = [
      ...dashboard.panels.flatMap((p: Doc) => p.targets.map((t: Doc) => t.expr)),
      ...dashboard.templating.list.filter((v: Doc) => v.definition).map((v: Doc) => v.definition),
    ];
    expect(exprs.length).toBeGreaterThan(10);
    for (const expr of exprs) {
      const names = metricNames(expr);
      expect(names.length, expr).toBeGreaterThan(0);
      for (const name of names) expect(exposed.has(name), `${expr}: ${name}`).toBe(true);
    }
    const all = exprs.join('\n');
    for (const needed of [
      'casebot_requests_total',
      'casebot_answer_duration_seconds_bucket',
      'casebot_tips_total',
      'casebot_unprompted_total',
      'casebot_unprompted_dismissed_total',
      'process_resident_memory_bytes',
    ]) {
      expect(all).toContain(needed);
    }
    expect(all).toMatch(/outcome="no_match"/);
    expect(all).toMatch(/histogram_quantile\(0\.99/);
    expect(all).toMatch(/histogram_quantile\(0\.5/);
  });
});
