import { describe, expect, it } from 'vitest';
import { askingOf } from '../../../src/core/judge/asking.js';
import { readMessage } from '../../../src/core/judge/message-text.js';
import { isStandup, outOfScope } from '../../../src/core/judge/scope.js';

/** What `judgeMessage` asks of the scope: the message read, how it asks, then why not. */
function scopeOf(text: string) {
  const m = readMessage(text);
  return outOfScope(askingOf(m.prose), m.prose.toLowerCase(), m.mentionsSomeone, m.identifiers);
}

describe('questions the casebook does not answer', () => {
  it.each([
    'our ingress started returning 503s after the upgrade, any idea why?',
    'is the payment gateway down for anyone else?',
    'GPU pods stuck in Pending since this morning, can someone take a look?',
    'why would the edge agent get OOMKilled on a 2GB box?',
    'checkout p99 went from 80ms to 3s, CPU at 100%, what do we do?',
    '订单服务一直超时，谁能帮忙看一下？',
    '边缘网关重启也不行，什么情况？',
    '推理服务内存飙到95%，是配置问题吗？',
    '升级之后证书校验失败导致设备全部掉线，怎么排查？',
  ])('troubleshooting one’s own system: %s', (text) => {
    expect(scopeOf(text)).toBe('troubleshooting');
  });

  it.each([
    'when is the capacity review for the sale?',
    'where is the runbook for the edge OTA?',
    'can someone share the slides from the GPU talk?',
    'does anyone have the terraform module for the trading cluster?',
    'can we move the model launch to after the sale?',
    '周四的架构评审会几点开始？',
    '上次分享的PPT能发一下吗',
    '生产集群的权限怎么申请？',
  ])('logistics: %s', (text) => {
    expect(scopeOf(text)).toBe('logistics');
  });

  it.each([
    'who owns the inventory service now?',
    'is anyone from the payments team around?',
    '<@U0G9QF9C6> how did the bank case handle audits?',
    'when you say multi-active, do you mean both sites take writes?',
    '有人熟悉KubeEdge吗？',
    '推理平台现在谁在负责？',
    '有没有做过券商项目的同事？',
  ])('asking for a person: %s', (text) => {
    expect(scopeOf(text)).toBe('people');
  });

  it.each([
    'Istio or Linkerd for the payments mesh?',
    'thoughts on Karpenter vs cluster-autoscaler?',
    'anyone using vLLM in production?',
    'quick poll: how many of you run GPUs on spot?',
    '大家网关用APISIX还是Kong？',
    '边缘用K3s好还是KubeEdge好？',
    '10台设备上k8s是不是杀鸡用牛刀？',
  ])('tooling opinion polls: %s', (text) => {
    expect(scopeOf(text)).toBe('tooling-poll');
  });

  it.each([
    'how do I configure HPA to scale on queue length?',
    "what's the difference between a Deployment and a StatefulSet?",
    'what should stabilizationWindowSeconds be for checkout?',
    'how do I roll back a helm release to the last revision?',
    'helm怎么回滚到上一个版本？',
    'should the GPU node pool have a taint for inference?',
    '推理服务的探针超时设多少？',
    'KEDA能不能根据Kafka lag缩到0？',
    'service mesh到底是干嘛的？',
  ])('how to configure a tool, or what a word means: %s', (text) => {
    expect(scopeOf(text)).toBe('how-to');
  });

  it.each([
    'how many replicas should the order service run on the day?',
    "what's our current availability SLO for payments?",
    'did the KEDA change go out yesterday?',
    'why did we pick Helm back then?',
    'Pre-scaled to 300 pods and added read replicas. Anything I forgot?',
    '我们交易API现在的SLA是多少？',
    '大促那天订单服务要配多少副本？',
    '为什么当时边缘选了k3s？',
    'how much did we spend on GPUs last month?',
    "what's the p99 of checkout this week?",
    '现在订单服务的P99是多少？',
    'GPU预算下季度多少？',
  ])('questions about one’s own team’s system or plans: %s', (text) => {
    expect(scopeOf(text)).toBe('own-work');
  });

  it.each([
    'any good restaurant near the office?',
    'what mechanical keyboard do you use for coding?',
    '周末有什么好看的电影？',
  ])('life outside the field: %s', (text) => {
    expect(scopeOf(text)).toBe('outside');
  });

  it.each([
    'how do online shops keep checkout up when an influencer posts a discount code?',
    'our checkout falls over every sale; how do bigger shops handle 10x spikes?',
    'is there a case study on multi-region failover for a payments platform?',
    'how should we design inference serving when models change weekly?',
    '我们要做秒杀，一般怎么设计架构？',
    '大促的时候数据库压力太大，别人一般怎么解决的？',
    '边缘节点内存只有512M，网络还不稳定，有没有类似的落地案例？',
  ])('a casebook question, even in one’s own words and setting: %s', (text) => {
    expect(scopeOf(text)).toBeNull();
  });
});

describe('stand-ups', () => {
  it('are labelled lines, in either language', () => {
    expect(isStandup('Yesterday: GPU quota\nToday: KEDA scaler\nBlockers: none')).toBe(true);
    expect(isStandup('昨天：压测脚本\n今天：弱网测试')).toBe(true);
    expect(isStandup('standup: pairing on the ledger failover tests')).toBe(true);
    expect(isStandup('today the sale went fine')).toBe(false);
  });
});
