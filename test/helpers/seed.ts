import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The original casebook (a verbatim copy in test/fixtures, see its README), parsed just enough to
 * check the YAML against it.
 */
export const SEED_PATH = path.resolve(import.meta.dirname, '../fixtures/seed-cases.zh.md');

export interface SeedCase {
  readonly title: string;
  readonly diagram: string;
  readonly solutions: string[][];
  readonly metrics: string[][];
}

const CHAPTERS: Record<string, string> = {
  ecommerce: '## 2 电商平台案例',
  finance: '## 3 金融系统案例',
  edge: '## 4 边缘计算案例',
  'ai-inference': '## 5 AI推理案例',
};

function tableRows(block: string): string[][] {
  return block
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-\s|]+\|$/.test(l))
    .slice(1)
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/\*\*/g, '')),
    );
}

export function readSeed(): { text: string; cases: Record<string, SeedCase>; overview: string } {
  const text = readFileSync(SEED_PATH, 'utf8');
  const chapter = (heading: string) => {
    const start = text.indexOf(heading);
    const end = text.indexOf('\n## ', start + heading.length);
    return text.slice(start, end);
  };
  const mermaid = (block: string) => /```mermaid\n([\s\S]*?)```/.exec(block)?.[1]?.trim() ?? '';
  const cases: Record<string, SeedCase> = {};
  for (const [id, heading] of Object.entries(CHAPTERS)) {
    const body = chapter(heading);
    const sub = (h: string) =>
      body.slice(body.indexOf(h), body.indexOf('\n### ', body.indexOf(h) + 1));
    cases[id] = {
      title: heading.replace(/^## \d /, ''),
      diagram: mermaid(body),
      solutions: tableRows(sub('解决方案')),
      metrics: tableRows(sub('关键指标')),
    };
  }
  return { text, cases, overview: mermaid(chapter('## 1 案例全景')) };
}
