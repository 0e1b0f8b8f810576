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
    // Everyday ways of asking, in both languages.
    ['what went wrong for them', 'challenges'],
    ['what broke first', 'challenges'],
    ['what headaches did they have', 'challenges'],
    ['遇到了什么坑', 'challenges'],
    ['当时难在哪', 'challenges'],
    ['金融行业上云要注意什么', 'challenges'],
    ['what to watch out for', 'challenges'],
    ['what kept them up at night', 'challenges'],
    ['电商那个系统最大的问题', 'challenges'],
    ['how did the retailer cope with the spikes', 'solutions'],
    ['which products did they deploy', 'solutions'],
    ['电商那个的技术选型', 'solutions'],
    ['how did latency change', 'metrics'],
    ['by what percent did cost drop', 'metrics'],
    ['大模型那个有什么收获', 'metrics'],
    ['walk me through the edge design', 'architecture'],
    ['how do requests flow through the shop', 'architecture'],
    ['边缘那个是怎么设计的', 'architecture'],
    ['what made gpu serving painful', 'challenges'],
    ['秒杀那个最难的是什么', 'challenges'],
    ['show me how the shop is put together', 'architecture'],
    ['how reliable did the bank become', 'metrics'],
    ['what tech runs on the edge nodes', 'solutions'],
    ['how did they fix the problems', 'solutions'],
    ['what did they end up using', 'solutions'],
    ['是怎么搞定的', 'solutions'],
    ['他们是怎么做的', 'solutions'],
    ['show me the numbers', 'metrics'],
    ['before and after', 'metrics'],
    ['was it worth it', 'metrics'],
    ['前后对比', 'metrics'],
    ['效果怎么样', 'metrics'],
    ['can you draw it', 'architecture'],
    ['how do the pieces fit together', 'architecture'],
    ['how was the shop wired up', 'architecture'],
    ['画一下', 'architecture'],
    ['整体长什么样', 'architecture'],
  ])('%s → %s', (q, want) => {
    expect(section(q)).toBe(want);
  });

  it.each([
    '秒杀',
    'gpu autoscaling',
    '你好',
    'edge of the table',
    'looks like the site is down again',
    'how do we handle traffic spikes',
    '双十一扛不住怎么办',
    '秒杀活动的流量突增怎么应对',
    'how do we keep payments exactly once',
  ])('%s → null', (q) => {
    expect(section(q)).toBeNull();
  });

  it.each([
    ['what did the retailer measure after the move', 'metrics', 'retailer'],
    ['what made gpu serving painful', 'challenges', 'gpu serving'],
  ])('leaves the words that name the case out of the asking words: %s', (text, want, name) => {
    const q = normalize(text);
    const { section, spans } = detectSection(q);
    expect(section).toBe(want);
    expect(spans.map(([s, e]) => q.slice(s, e)).join('|')).not.toContain(name);
  });
});
