import { describe, expect, it } from 'vitest';
import { askingOf } from '../../../src/core/judge/asking.js';

const kind = (text: string) => {
  const a = askingOf(text);
  return a.rhetorical ? 'rhetorical' : a.kind;
};

describe('whether a message asks, and how', () => {
  it.each([
    'HPA is tuned for Saturday, KEDA on the order queue is live',
    'will start the GPU quota work on Monday',
    'did the migration yesterday, all fine',
    'thanks, that helps a lot',
    '模型服务已经全部切到新集群',
    '收到，谢谢',
    '我们之前也是这么做的',
  ])('a statement asks nothing: %s', (text) => {
    expect(kind(text)).toBe('none');
  });

  it.each([
    ['how do retailers keep checkout alive on Singles Day', 'approach'],
    ['is there a write-up of a trading platform on kubernetes?', 'approach'],
    ['any advice on running inference on shared GPUs?', 'approach'],
    ['looking for an example of edge k8s with a satellite uplink', 'approach'],
    ['curious how banks pass audits with containers', 'approach'],
    ['how much did the shop save after moving to k8s?', 'approach'],
    ['has anyone here been to the edge meetup', 'question'],
    ['anyone around?', 'question'],
    ['edge rollout?', 'question'],
  ])('English: %s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it.each([
    ['大促的时候数据库怎么扛', 'approach'],
    ['有没有证券行业上云的案例', 'approach'],
    ['求一个边缘节点OTA升级的参考方案', 'approach'],
    ['想找个推理平台降本的真实案例', 'approach'],
    ['推理服务上k8s之后延迟降了多少', 'approach'],
    ['今天下午有空吗', 'question'],
    ['这个是你写的吗', 'question'],
  ])('Chinese, with or without a question mark: %s → %s', (text, expected) => {
    expect(kind(text)).toBe(expected);
  });

  it('splits the setting from the ask ("金融交易系统上k8s，等保一般怎么过？")', () => {
    const a = askingOf('金融交易系统上k8s，等保一般怎么过？');
    expect(a.kind).toBe('approach');
    expect(a.asks).toEqual(['等保一般怎么过']);
  });

  it('asks for a figure only about what was done, not about one’s own numbers', () => {
    expect(kind('how many replicas should we run for the sale?')).toBe('question');
    expect(kind('我们的SLA是多少？')).toBe('question');
    expect(kind('订单服务要配多少副本？')).toBe('question');
    expect(kind('how fast did they scale out?')).toBe('approach');
    expect(kind('扩容时间缩短了多少？')).toBe('approach');
  });

  it.each([
    'why is it always the payment service that dies first?',
    'who decided to deploy on a Friday??',
    'how is it 2025 and we still scale by hand?',
    'seriously, who approved this?',
    'is it just me or is helm getting worse?',
    'why do we keep doing this every single sale?',
    '为什么每次大促都是库存先挂？',
    '又是周五上线，谁批的？',
    '这都什么年代了还手动扩容？',
    '模型又回滚了？',
  ])('venting dressed as a question is rhetorical: %s', (text) => {
    expect(kind(text)).toBe('rhetorical');
  });
});
