import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { type JudgeDeps, judgeMessage, type Verdict } from '../../src/core/unprompted-judge.js';
import { buildIndex } from '../../src/search/index.js';

let deps: JudgeDeps;
beforeAll(async () => {
  const catalog = await loadCatalog('cases');
  deps = { catalog, index: buildIndex(catalog.cases) };
});

const judge = (text: string, thread?: string): Verdict =>
  judgeMessage(text, deps, thread ? { caseId: thread } : undefined);

/** What a person would notice: the case and part answered with, or the silence and its reason. */
const outcome = (v: Verdict) =>
  v.speak ? `${v.caseId}/${v.section ?? 'overview'}` : `silent:${v.reason}`;

describe('judging a top-level message in an auto channel', () => {
  it.each([
    [
      'how do online shops survive a flash sale that brings 10x the usual traffic?',
      'ecommerce/overview',
    ],
    [
      'is there a case of a securities trading platform on k8s that passed audits?',
      'finance/overview',
    ],
    ['how do you run containers on small factory boxes with a flaky uplink?', 'edge/overview'],
    ['how much did GPU inference costs drop after the move to k8s?', 'ai-inference/metrics'],
    ['有没有电商大促秒杀扛流量的案例？', 'ecommerce/overview'],
    ['银行交易系统上容器，合规和安全一般怎么做？', 'finance/overview'],
    ['边缘计算那个案例遇到了哪些挑战？', 'edge/challenges'],
    ['模型推理服务的架构图有吗？', 'ai-inference/architecture'],
    ['flash sale 的时候 inventory 怎么防止超卖？', 'ecommerce/overview'],
  ])('answers a question the casebook answers: %s', (text, expected) => {
    expect(outcome(judge(text))).toBe(expected);
  });

  it('says why the case fits in the message’s own words, with a score from the search', () => {
    const v = judge('How do online shops survive Flash Sales on Black Friday?');
    expect(v).toMatchObject({ speak: true, caseId: 'ecommerce', basis: 'match' });
    if (!v.speak) return;
    expect(v.score).toBeGreaterThan(0.5);
    expect(v.score).toBeLessThanOrEqual(1);
    expect(v.evidence).toEqual(['online shops', 'flash sales', 'black friday']);
    const zh = judge('边缘计算那个案例遇到了哪些挑战？');
    expect(zh).toMatchObject({ speak: true, caseId: 'edge', evidence: ['边缘计算'] });
  });

  it.each([
    ['flash sale prep is done, HPA max replicas at 300', 'not-a-question', 'statement'],
    [
      'yesterday: canary for the ranking model\ntoday: GPU autoscaling',
      'not-a-question',
      'standup',
    ],
    ['```\nkubectl get hpa checkout\n```', 'not-a-question', 'paste'],
    ['E0501 10:00:01.123 kubelet.go:1] OOMKilled inference-7f9', 'not-a-question', 'paste'],
    ['🚀🚀', 'not-a-question', 'empty'],
    [
      'why is it always the inventory service that dies during a sale?',
      'not-a-question',
      'rhetorical',
    ],
    [
      'our checkout has been throwing 502s since 10am, any idea?',
      'out-of-scope',
      'troubleshooting',
    ],
    ['who knows KEDA well here?', 'out-of-scope', 'people'],
    ['Helm or Kustomize for the trading cluster?', 'out-of-scope', 'tooling-poll'],
    ['大促值班表谁在排？', 'out-of-scope', 'people'],
    ['双十一大家都买了啥？', 'out-of-scope', 'outside'],
  ])('stays silent: %s', (text, reason, detail) => {
    expect(judge(text)).toEqual({ speak: false, reason, detail });
  });

  it('stays silent on a question nothing in the casebook fits', () => {
    expect(judge('how do penguins keep warm in the Antarctic winter?')).toMatchObject({
      speak: false,
      reason: 'no-match',
    });
  });

  it.each([
    ['what problems did they hit running inference on kubernetes?', 'ai-inference/challenges'],
    ['交易系统迁移之后指标有什么变化？', 'finance/metrics'],
    ['could someone point me to how a bank did k8s compliance?', 'finance/overview'],
    [
      'how was the e-commerce platform laid out — gateway, services, cache, MQ?',
      'ecommerce/architecture',
    ],
  ])('answers a part asked of someone else’s case on a weaker match: %s', (text, expected) => {
    expect(outcome(judge(text))).toBe(expected);
  });

  it.each([
    [
      '请问一下，有没有银行核心交易系统容器化的实践可以参考？我们明年要做，领导要先看看别人怎么做的',
      'finance/overview',
    ],
    ['边缘计算的轻量化容器方案', 'edge/solutions'],
    ['k8s flash sale ref arch?', 'ecommerce/architecture'],
    ['how r ppl doing hardened images for fintech workloads', 'finance/solutions'],
    ['what does failover look like in the trading system case?', 'finance/overview'],
    ['IoT 场景 edge 侧用 WASM 靠谱吗，有落地案例没', 'edge/overview'],
    ['has anybody seen a write-up on multi-site active-active for payments?', 'finance/overview'],
    ['pointers on declarative config for a fleet of IoT gateways?', 'edge/overview'],
    ['想看看 AI 推理那个 case 的指标', 'ai-inference/metrics'],
    [
      'Has anyone seen an architecture for managing containers on a wind-turbine edge fleet?',
      'edge/architecture',
    ],
    ['边缘节点上跑 WebAssembly 有什么好处，有实际数据吗', 'edge/metrics'],
    [
      'what does the before/after look like for the inference platform’s GPU utilisation?',
      'ai-inference/metrics',
    ],
    [
      'Do we have anything in the casebook about running models with lots of versions side by side?',
      'ai-inference/overview',
    ],
    ['edge computing case — architecture diagram pls', 'edge/architecture'],
    [
      'is GPU autoscaling for inference actually worth it? any numbers from a real setup?',
      'ai-inference/metrics',
    ],
    ['秒杀怎么扛', 'ecommerce/overview'],
    ['edge + k8s + bad network = ? any reference', 'edge/overview'],
    ['金融行业容器化，合规审计这块有参考吗', 'finance/overview'],
    ['大促时HPA+KEDA怎么配合扩容比较好，有没有现成的实践', 'ecommerce/overview'],
    ['电商案例前后指标对比', 'ecommerce/metrics'],
    ['which case talks about WASM?', 'edge/overview'],
    ['do we have something on GPU sharing between models?', 'ai-inference/overview'],
    ['我记得有个边缘计算的案例，能再发一下吗', 'edge/overview'],
    ['证券公司上 k8s 有什么合规上的坑', 'finance/challenges'],
    ['电商平台的架构图发一下', 'ecommerce/architecture'],
    [
      'what kind of latency can you get processing IoT data at the edge vs the cloud?',
      'edge/metrics',
    ],
  ])('answers %s', (text, expected) => {
    expect(outcome(judge(text))).toBe(expected);
  });

  it.each([
    ['KEDA 和 HPA 混用有什么坑吗，我们现在两个都配了', 'own-work'],
    ['@李工 边缘网关那批设备的固件版本是多少？', 'people'],
    ['我们的扩容方案', undefined],
    ['Can casebot post the AI inference case in #ml-platform?', 'logistics'],
    ['How is the trading desk feeling about the new latency numbers?', 'people'],
    ['How do I convince my manager that we need KEDA for the flash sale?', 'people'],
    ['Did you see last year’s Black Friday numbers? insane', 'people'],
    [
      'can someone draw the request flow for the new inference gateway on the whiteboard?',
      'people',
    ],
    ['how much does an H100 cost these days?', 'outside'],
    ['how did the migration of the order service go last night?', 'own-work'],
    ['ArgoCD or Flux for the edge sites, which one handles flaky links better?', 'tooling-poll'],
    ['推理集群的 GPU 驱动版本要统一成 535 吗？现在有三个版本混着', 'own-work'],
    ['推理服务冷启动要 3 分钟，太慢了，怎么优化？我们用的是 7B 模型', 'own-work'],
    ['should we put redis in front of mysql for our order service?', 'own-work'],
    ['for my thesis: how does edge computing reduce latency for IoT?', 'outside'],
    ['银行的清算系统是怎么运作的', 'how-to'],
    ['how does Raft consensus work, in simple terms?', 'how-to'],
    ['今年 618 的活动方案出来了吗？', 'own-work'],
    ['Terraform vs Pulumi for the new GPU clusters — opinions?', 'tooling-poll'],
  ])('a question about one’s own setup or for a person stays silent: %s', (text, detail) => {
    const v = judge(text);
    expect(v.speak).toBe(false);
    if (detail) expect(v).toMatchObject({ detail });
  });

  it('leaves a question about platform work the matched case never mentions (logs) alone', () => {
    expect(judge('边缘节点的日志怎么收集回来比较好？')).toMatchObject({
      speak: false,
      reason: 'unclear',
    });
    expect(outcome(judge('边缘节点怎么统一管理比较好？'))).toBe('edge/overview');
  });

  it('asks a part of the people present, not of a case, on the same weak match', () => {
    expect(judge('what problems did you hit running inference on kubernetes?').speak).toBe(false);
  });

  it('stays silent when a case fits, but not clearly', () => {
    // A bare question mark and one weak hint: the search finds a case, the judgement wants more.
    expect(judge('GPU?')).toMatchObject({ speak: false, reason: 'unclear' });
  });

  it('reads a long situational post up to its question, and still answers it', () => {
    const setting =
      'Some context: we run the web shop for a chain of sports stores. Normal load is modest, but ' +
      'every time a big promotion starts, traffic jumps tenfold within a minute, the database is ' +
      'the first thing to fall over and scaling out by hand takes half an hour. ';
    const text = `${setting.repeat(2)}How do bigger shops handle a spike like that?`;
    expect(text.length).toBeGreaterThan(500);
    expect(outcome(judge(text))).toBe('ecommerce/overview');
  });

  it('is safe on anything: empty, whitespace, walls of text, lone surrogates, control characters', () => {
    expect(judge('')).toEqual({ speak: false, reason: 'not-a-question', detail: 'empty' });
    expect(judge(' \n\t ')).toMatchObject({ speak: false, reason: 'not-a-question' });
    expect(judge(`how do banks do failover? ${'a'.repeat(10_000)}`)).toEqual({
      speak: false,
      reason: 'not-a-question',
      detail: 'too-long',
    });
    expect(judge('秒杀?'.repeat(5_000))).toMatchObject({ speak: false });
    expect(judge('\ud800 how do shops scale \u0000\u0007?')).toHaveProperty('speak');
  });
});

describe('judging a reply in a thread casebot answered', () => {
  it.each([
    ['ecommerce', 'and the metrics?', 'ecommerce/metrics'],
    ['ecommerce', '架构图呢', 'ecommerce/architecture'],
    ['ecommerce', 'what did they use for config?', 'ecommerce/solutions'],
    ['finance', 'what was the hardest part?', 'finance/challenges'],
    ['finance', '效果怎么样？', 'finance/metrics'],
    ['edge', 'how long did startup take before?', 'edge/metrics'],
    ['edge', '用的什么技术？', 'edge/solutions'],
    ['ai-inference', 'diagram?', 'ai-inference/architecture'],
    ['ai-inference', 'tell me more', 'ai-inference/overview'],
  ])('in a %s thread, "%s" gets that part of the case', (thread, text, expected) => {
    const v = judge(text, thread);
    expect(outcome(v)).toBe(expected);
    expect(v).toMatchObject({ basis: 'context' });
  });

  it.each([
    ['ecommerce', 'what about the bank one?', 'finance/overview'],
    ['finance', '那边缘计算那个呢？', 'edge/overview'],
    ['edge', 'and the AI inference one, what were its numbers?', 'ai-inference/metrics'],
    ['ai-inference', '再看看电商那个', 'ecommerce/overview'],
  ])('in a %s thread, "%s" switches to the case it names', (thread, text, expected) => {
    const v = judge(text, thread);
    expect(outcome(v)).toBe(expected);
    expect(v).toMatchObject({ basis: 'switch' });
  });

  it.each([
    ['ecommerce', 'where does the message queue sit in their setup?', 'ecommerce/architecture'],
    ['ecommerce', 'was there a cache layer in front of the db?', 'ecommerce/architecture'],
    ['edge', 'was WASM part of it?', 'edge/solutions'],
    ['ai-inference', '模型存储放哪了', 'ai-inference/architecture'],
  ])(
    'in a %s thread, "%s" names no part but asks about what sits in one: %s',
    (thread, text, expected) => {
      expect(outcome(judge(text, thread))).toBe(expected);
    },
  );

  it.each([
    ['finance', 'the summary again pls'],
    ['edge', '有完整的 case 吗 发我看看'],
  ])('in a %s thread, "%s" asks for the whole case', (thread, text) => {
    expect(outcome(judge(text, thread))).toBe(`${thread}/overview`);
  });

  it.each([
    ['finance', 'metrics look great'],
    ['ecommerce', 'nice diagram, thanks'],
    ['edge', 'great summary'],
    ['ai-inference', '架构图很清楚，谢谢'],
  ])('in a %s thread, "%s" reacts to a part and does not ask for it', (thread, text) => {
    expect(judge(text, thread).speak).toBe(false);
  });

  it.each([
    ['ai-inference', 'where do the models live?', 'ai-inference/architecture'],
    ['ecommerce', 'ok and costs?', 'ecommerce/metrics'],
    ['finance', 'and security?', 'finance/overview'],
    ['edge', '问题主要是哪些', 'edge/challenges'],
    ['edge', 'how small did the images get?', 'edge/metrics'],
    ['ecommerce', 'can you break the numbers down before vs after?', 'ecommerce/metrics'],
    ['finance', '清算服务也在同一个集群里吗', 'finance/architecture'],
    ['finance', 'what did compliance checking look like day to day?', 'finance/solutions'],
    ['edge', 'was the data analysis done in the cloud or on the nodes?', 'edge/architecture'],
    ['edge', 'what’s the catch?', 'edge/challenges'],
    ['ai-inference', 'wait, which autoscaler handled the GPU nodes?', 'ai-inference/solutions'],
    ['ai-inference', '成本降了 40% 是怎么算的', 'ai-inference/metrics'],
    ['ai-inference', 'how were requests routed to the right model?', 'ai-inference/architecture'],
    ['ecommerce', '数据库是分库分表了吗', 'ecommerce/overview'],
    ['finance', 'what were they most worried about?', 'finance/challenges'],
    ['finance', '具体用的什么策略引擎', 'finance/solutions'],
    ['edge', '200MB 是指镜像还是内存', 'edge/metrics'],
    ['ai-inference', '吞吐提升了几倍', 'ai-inference/metrics'],
    ['ecommerce', 'tl;dr?', 'ecommerce/overview'],
    ['finance', '认证授权放在网关后面还是前面', 'finance/architecture'],
    ['finance', 'show me the inference one instead', 'ai-inference/overview'],
    ['edge', 'what’s the memory per node after the change?', 'edge/metrics'],
    ['edge', 'what were the main constraints?', 'edge/challenges'],
    ['edge', 'same but for the shop?', 'ecommerce/overview'],
    [
      'ai-inference',
      'is the model store shared across all model services?',
      'ai-inference/architecture',
    ],
    [
      'ecommerce',
      'what sits between the load balancer and the services?',
      'ecommerce/architecture',
    ],
    ['ecommerce', '再发一下金融的', 'finance/overview'],
    ['ecommerce', '请求是怎么一路走到数据库的', 'ecommerce/architecture'],
    ['ecommerce', 'give me the finance one', 'finance/overview'],
    ['edge', '他们用 k3s 还是 kubeedge', 'edge/solutions'],
    ['finance', 'how does the failover work, is there a diagram?', 'finance/architecture'],
  ])('in a %s thread, "%s" → %s', (thread, text, expected) => {
    expect(outcome(judge(text, thread))).toBe(expected);
  });

  it('in a thread, "where" about something the case does not have is still logistics', () => {
    expect(judge('where is the recording of the review?', 'finance')).toMatchObject({
      speak: false,
      reason: 'out-of-scope',
      detail: 'logistics',
    });
  });

  it('switches on "X那个的…" (金融那个的架构图能看下吗 in a shop thread)', () => {
    expect(outcome(judge('金融那个的架构图能看下吗', 'ecommerce'))).toBe('finance/architecture');
  });

  it('stays with the thread’s case when the reply points back at it', () => {
    expect(outcome(judge('the finance one had a diagram, does this one?', 'edge'))).toBe(
      'edge/architecture',
    );
  });

  it.each([
    ['ecommerce', 'thanks!'],
    ['ecommerce', '👍'],
    ['finance', '我们也是这么做的'],
    ['edge', 'nice, we did the same at our plants'],
    ['ai-inference', 'our GPU nodes keep getting OOMKilled though, any idea?'],
    ['ai-inference', 'so how do we do this with our 4 GPUs?'],
    ['finance', '这个方案在我们这边落地难度大吗？'],
    ['ecommerce', 'Kafka 分区数一般设多少？'],
    ['finance', '<@U0G9QF9C6> can you check we already do this?'],
  ])('in a %s thread, "%s" gets nothing', (thread, text) => {
    expect(judge(text, thread).speak).toBe(false);
  });
});
