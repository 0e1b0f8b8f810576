import { describe, expect, it } from 'vitest';
import { detectSection, normalize } from '../../src/search/index.js';

const section = (q: string) => detectSection(normalize(q)).section;

describe('detectSection', () => {
  it.each([
    ['show me the metrics', 'metrics'],
    ['how much faster did it get', 'metrics'],
    ['before and after numbers', 'metrics'],
    ['效果怎么样 提升了多少', 'metrics'],
    ['关键指标', 'metrics'],
    ['architecture diagram please', 'architecture'],
    ['架构图发一下', 'architecture'],
    ['系统拓扑和组件', 'architecture'],
    ['what were the challenges', 'challenges'],
    ['难点和痛点有哪些', 'challenges'],
    ['要解决哪些挑战', 'challenges'],
    ['how did they solve it', 'solutions'],
    ['tech stack', 'solutions'],
    ['用了什么方案', 'solutions'],
  ])('%s → %s', (q, want) => {
    expect(section(q)).toBe(want);
  });

  it.each(['秒杀', 'gpu autoscaling', '你好', 'edge of the table'])('%s → null', (q) => {
    expect(section(q)).toBeNull();
  });
});
