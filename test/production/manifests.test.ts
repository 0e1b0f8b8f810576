import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { envNames, loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { type App, startApp } from '../../src/main.js';
import { ROOT, runCli } from '../helpers/run-cli.js';
import {
  type Doc,
  K8S,
  k8sObjects,
  MANIFESTS,
  one,
  parseFile,
  subset,
  yamlFiles,
} from './k8s-docs.js';

const deployment = one('Deployment');
const cronJob = one('CronJob', 'cronjob.yaml');
const digestJob = one('CronJob', 'digest-cronjob.yaml');
const configMap = one('ConfigMap', 'configmap.yaml');
const podSpec: Doc = deployment.spec.template.spec;
const container: Doc = podSpec.containers[0];
const jobPod: Doc = cronJob.spec.jobTemplate.spec.template.spec;
const digestPod: Doc = digestJob.spec.jobTemplate.spec.template.spec;
const probes = ['startupProbe', 'livenessProbe', 'readinessProbe'] as const;

let app: App;
beforeAll(async () => {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    DATABASE_URL: 'memory',
    TIPS_SCHEDULER: 'off',
  });
  app = await startApp({ config, logger: silentLogger() });
});
afterAll(() => app?.stop());

describe('manifests', () => {
  it.each(yamlFiles(MANIFESTS).map((f) => [path.relative(ROOT, f), f]))('%s parses', (_, file) => {
    const parsed = parseFile(file);
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.length).toBeGreaterThan(0);
  });

  it('probe the real routes, on the container port that PORT configures', async () => {
    const port = container.ports.find((p: Doc) => p.name === 'http');
    expect(port.containerPort).toBe(loadConfig({}).server.port);
    expect(Number(configMap.data.PORT)).toBe(port.containerPort);
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    for (const name of probes) {
      const probe = container[name].httpGet;
      expect([port.name, port.containerPort]).toContain(probe.port);
      const res = await fetch(`http://127.0.0.1:${app.port}${probe.path}`);
      expect(res.status, `${name} ${probe.path}`).toBe(200);
    }
  });

  it('use only environment variables the config knows', () => {
    const known = new Set<string>(envNames());
    const names = [
      ...Object.keys(configMap.data),
      ...Object.keys(one('Secret', 'secret.example.yaml').stringData),
      ...k8sObjects()
        .flatMap((d) => JSON.stringify(d).match(/"name":"[A-Z][A-Z0-9_]+"/g) ?? [])
        .map((m) => m.slice(8, -1)),
    ];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });

  it('take the env from the ConfigMap and the Secret they ship', () => {
    for (const spec of [podSpec, jobPod, digestPod]) {
      const from = spec.containers[0].envFrom;
      expect(from).toContainEqual({ configMapRef: { name: configMap.metadata.name } });
      expect(from).toContainEqual({ secretRef: { name: one('Secret').metadata.name } });
    }
    expect(configMap.data.TIPS_SCHEDULER).toBe('off');
    expect(loadConfig(configMap.data).tipsScheduler).toBe(false);
  });

  it('run two non-root replicas on a read-only root filesystem with a writable /tmp', () => {
    expect(deployment.spec.replicas).toBe(2);
    for (const spec of [podSpec, jobPod, digestPod]) {
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
      const c = spec.containers[0];
      expect(c.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      const tmp = c.volumeMounts.find((m: Doc) => m.mountPath === '/tmp');
      expect(spec.volumes.find((v: Doc) => v.name === tmp.name).emptyDir).toBeDefined();
      expect(c.resources.requests.memory).toBeDefined();
      expect(c.resources.limits.memory).toBeDefined();
    }
  });

  it('give SIGTERM more time than the shutdown grace period and the preStop pause', () => {
    const grace = loadConfig(configMap.data).server.shutdownGraceMs;
    const pause = Number(container.lifecycle?.preStop?.exec?.command?.[1] ?? 0) * 1000;
    expect(podSpec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(grace + pause);
  });

  it('give the tips CronJob’s SIGTERM more time than the grace period, and end each run before the next', () => {
    const grace = loadConfig(configMap.data).server.shutdownGraceMs;
    expect(jobPod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(grace);
    expect(cronJob.spec.schedule).toBe('*/5 * * * *');
    const job = cronJob.spec.jobTemplate.spec;
    expect(job.activeDeadlineSeconds + jobPod.terminationGracePeriodSeconds).toBeLessThan(5 * 60);
  });

  it('route the Service to the pods and the container port', () => {
    const service = one('Service');
    expect(subset(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
    const target = service.spec.ports[0].targetPort;
    expect(container.ports.some((p: Doc) => p.name === target || p.containerPort === target)).toBe(
      true,
    );
  });

  it('scale and protect the Deployment by its own labels', () => {
    const hpa = one('HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.minAvailable).toBe(1);
    expect(subset(pdb.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
      true,
    );
    expect(
      subset(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
    ).toBe(true);
  });

  it('run the server and the tips CronJob with commands the CLI has', async () => {
    expect(container.args).toEqual(['node', 'dist/cli.js', 'serve']);
    const args: string[] = jobPod.containers[0].args;
    expect(args.slice(0, 4)).toEqual(['node', 'dist/cli.js', 'tips', 'post-due']);
    const run = await runCli(args.slice(2), {
      env: { DATABASE_URL: 'memory', NODE_ENV: 'production' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(jobPod.containers[0].image).toBe(container.image);
    // The weekly report's CronJob: `casebot digest` exits 0 and posts nothing without a channel.
    expect(digestPod.containers[0].args).toEqual(['node', 'dist/cli.js', 'digest']);
    const digest = await runCli(['digest'], {
      env: { DATABASE_URL: 'memory', NODE_ENV: 'production' },
    });
    expect(digest.code, digest.stderr).toBe(0);
    expect(digestPod.containers[0].image).toBe(container.image);
  });

  it('list in the kustomization only files that exist, and keep the examples out', () => {
    const kustomization = parseFile(path.join(K8S, 'kustomization.yaml')).docs[0] as Doc;
    for (const file of kustomization.resources)
      expect(existsSync(path.join(K8S, file)), file).toBe(true);
    expect(kustomization.resources.some((f: string) => f.includes('example'))).toBe(false);
    expect(existsSync(path.join(K8S, 'components/custom-casebook/kustomization.yaml'))).toBe(true);
    expect(kustomization.images.map((i: Doc) => i.name)).toContain(container.image);
  });

  it.skipIf(!hasKubectl())(
    'build with kubectl kustomize, with and without the casebook component',
    async () => {
      const built = execFileSync('kubectl', ['kustomize', K8S], { encoding: 'utf8' });
      expect(built).toContain('kind: CronJob');
      const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-kz-'));
      const rel = path.relative(dir, K8S);
      await writeFile(
        path.join(dir, 'kustomization.yaml'),
        `resources:\n  - ${rel}\ncomponents:\n  - ${rel}/components/custom-casebook\n`,
      );
      const withCasebook = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      expect(withCasebook.match(/value: \/casebook/g)).toHaveLength(3);
      await rm(dir, { recursive: true, force: true });
    },
  );

  it('ship a casebook ConfigMap example that loads, also laid out as a mounted volume', async () => {
    const example = one('ConfigMap', 'casebook-configmap.example.yaml');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'casebot-cm-'));
    // What the kubelet mounts: files in a timestamped folder, reached through ..data symlinks.
    const stamp = path.join(dir, '..2026_01_01_00_00_00.000000001');
    await mkdir(stamp);
    await symlink(path.basename(stamp), path.join(dir, '..data'));
    for (const [name, text] of Object.entries<string>(example.data)) {
      await writeFile(path.join(stamp, name), text);
      await symlink(path.join('..data', name), path.join(dir, name));
    }
    const catalog = await loadCatalog(dir);
    expect(catalog.cases.map((c) => c.id)).toEqual(['platform']);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  it('runs the same command, port and health route as the manifests, as a non-root user', () => {
    expect(dockerfile).toMatch(
      /^FROM node:24-bookworm-slim AS build|^ARG NODE_IMAGE=node:24-bookworm-slim/m,
    );
    expect(dockerfile).toContain(`EXPOSE ${container.ports[0].containerPort}`);
    expect(dockerfile).toContain(`CMD ${JSON.stringify(container.args).replaceAll(',', ', ')}`);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(dockerfile).toContain('npm prune --omit=dev');
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) =>
      (m[1] ?? '').split(/\s+/).slice(0, -1),
    );
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src']));
    for (const source of sources) {
      expect(existsSync(path.join(ROOT, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
    // Nothing is compiled natively: no toolchain in the image, no dependency patched.
    expect(dockerfile).not.toMatch(/apt-get|g\+\+|patch-package/);
  });
});

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
