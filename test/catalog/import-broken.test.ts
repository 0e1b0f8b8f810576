import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casebot } from '../helpers/cli-in-process.js';
import { SEED_PATH } from '../helpers/seed.js';

const SEED = readFileSync(SEED_PATH, 'utf8');
const IDS = 'ecommerce,finance,edge,ai-inference';

/** The 1-based line of the first line that is exactly `text` (after the `from`-th such). */
function lineOf(source: string, text: string, nth = 0): number {
  const lines = source.split('\n');
  const hits = lines.flatMap((l, i) => (l === text ? [i + 1] : []));
  if (hits[nth] === undefined) throw new Error(`no line "${text}"`);
  return hits[nth];
}

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'casebot-import-broken-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Imports `source` into a fresh folder; returns the run and what the parent folder holds. */
async function importText(source: string, args: string[] = ['--ids', IDS]) {
  const doc = path.join(tmp, 'book.md');
  await writeFile(doc, source);
  const run = await casebot(['import', doc, '--out', path.join(tmp, 'out'), ...args]);
  return { run, doc, left: (await readdir(tmp)).sort() };
}

const METRICS_HEADER = '| 指标 | 优化前 | 优化后 | 提升 |';
const ELASTICITY_ROW =
  '| **弹性** | HPA、KEDA、Service Mesh | 自动扩缩容、负载均衡 | 应对流量突增、高可用 |';

describe('casebot import of a document that does not fit', () => {
  it.each([
    {
      what: 'a metrics table without its header row',
      broken: SEED.replace(`${METRICS_HEADER}\n`, ''),
      line: lineOf(SEED, METRICS_HEADER),
      message: `expected the metrics table header ${METRICS_HEADER}`,
    },
    {
      what: 'a solution row with an unknown principle',
      broken: SEED.replace(ELASTICITY_ROW, ELASTICITY_ROW.replace('弹性', '可观测性')),
      line: lineOf(SEED, ELASTICITY_ROW),
      message:
        'unknown principle "可观测性" (the casebook\'s: containerisation (容器化), declarative (声明式), elasticity (弹性)',
    },
    {
      what: 'a chapter with no title',
      broken: SEED.replace('## 3 金融系统案例', '## 3'),
      line: lineOf(SEED, '## 3 金融系统案例'),
      message: 'expected a chapter title after "## 3"',
    },
    {
      what: 'a solution row with a cell missing',
      broken: SEED.replace(ELASTICITY_ROW, '| **弹性** | HPA | 自动扩缩容 |'),
      line: lineOf(SEED, ELASTICITY_ROW),
      message: 'expected 4 cells (| 核心理念 | 技术实现 | 具体措施 | 效果 |), found 3',
    },
    {
      what: 'an architecture section without its mermaid block',
      broken: SEED.replace(/(### 4\.3 架构设计\n\n)```mermaid\n[\s\S]*?```\n/, '$1'),
      line: lineOf(SEED, '### 4.3 架构设计'),
      message: 'expected a ```mermaid block in the architecture section',
    },
    {
      what: 'a case without challenges',
      broken: SEED.replace(/\*\*技术挑战\*\*：\n(- .*\n)+/, ''),
      line: lineOf(SEED, '## 2 电商平台案例'),
      message: 'case "电商平台": expected a **技术挑战**: list',
    },
    {
      what: 'a summary row naming no case',
      broken: SEED.replace('| **边缘计算** | 低延迟', '| **物联网** | 低延迟'),
      line: lineOf(
        SEED,
        SEED.split('\n').find((l) => l.startsWith('| **边缘计算** | 低延迟')) ?? '',
      ),
      message: 'expected the title of a case chapter, not "物联网"',
    },
    {
      what: 'an unknown section in a case chapter',
      broken: SEED.replace('### 2.4 关键指标', '### 2.4 经验教训'),
      line: lineOf(SEED, '### 2.4 关键指标'),
      message: 'expected a case section: 场景描述, 解决方案, 架构设计, 关键指标',
    },
  ])(
    '$what: file:line and what was expected, exit 1, nothing written',
    async ({ broken, line, message }) => {
      expect(broken).not.toBe(SEED);
      const { run, doc, left } = await importText(broken);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${doc}:${line}: ${message}`);
      expect(run.stderr).toMatch(/nothing written/);
      expect(left).toEqual(['book.md']);
    },
  );

  it('refuses --ids that do not name every case', async () => {
    const { run, left } = await importText(SEED, ['--ids', 'a,b']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--ids names 2 id(s) but the document has 4 case(s)');
    expect(left).toEqual(['book.md']);
  });
});

describe('casebot import into a casebook that has files', () => {
  it('refuses to replace a different file unless --force, and never half-writes', async () => {
    const out = path.join(tmp, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'edge.yaml'), 'id: edge\n# mine\n');
    const run = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${path.join(out, 'edge.yaml')} exists and differs (--force replaces it)`,
    );
    expect(await readdir(out)).toEqual(['edge.yaml']);

    const forced = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(path.join(out, 'edge.yaml'), 'utf8')).toContain('title: 边缘计算');
  });

  it('refuses an id another file already holds', async () => {
    const out = path.join(tmp, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'shop.yaml'), 'id: ecommerce\n');
    const run = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${path.join(out, 'shop.yaml')} already holds the case "ecommerce"`,
    );
    expect(await readdir(out)).toEqual(['shop.yaml']);
  });

  it('writes nothing when the folder would not validate afterwards, and leaves no staging folder', async () => {
    const out = path.join(tmp, 'out');
    await mkdir(out);
    await writeFile(path.join(out, 'broken.yaml'), 'id: broken\ntitle: Broken\n');
    const run = await casebot(['import', SEED_PATH, '--out', out, '--ids', IDS]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(out, 'broken.yaml')}: summary: Required`);
    expect(run.stderr).toContain('nothing written');
    expect(await readdir(out)).toEqual(['broken.yaml']);
    expect(await readdir(tmp)).toEqual(['out']);
  });

  it("reads the solution table against the folder's own principles", async () => {
    const out = path.join(tmp, 'out');
    await mkdir(out);
    await writeFile(
      path.join(out, 'casebook.yaml'),
      'lang: en\nprinciples:\n  - id: observability\n    name: Observability\n    description: See it.\n',
    );
    const doc = [
      '# Platform casebook',
      '## 1 Checkout tracing {#tracing}',
      '### Scenario',
      '**Challenges**:',
      '- Slow checkouts nobody could reproduce',
      '### Solutions',
      '| Principle | Technologies | Measures | Effect |',
      '|---|---|---|---|',
      '| Observability | OpenTelemetry | Trace context everywhere | The slow hop shows |',
      '',
    ].join('\n');
    const { run } = await importText(doc, []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = await readFile(path.join(out, 'tracing.yaml'), 'utf8');
    expect(text).toMatch(/^lang: en$/m);
    expect(text).toContain('principle: observability');
    expect(text).toContain('summary: Slow checkouts nobody could reproduce.');
  });
});
