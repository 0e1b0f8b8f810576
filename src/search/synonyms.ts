import { termKey } from './tokenize.js';

/**
 * Words people use for the same thing, in both languages. Every member finds every other one.
 * Case-specific aliases live in each case's `keywords`; these are the general ones.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['k8s', 'kubernetes', 'kube'],
  [
    'hpa',
    'autoscaling',
    'autoscale',
    'auto scaling',
    '自动扩缩容',
    '弹性伸缩',
    '弹性扩缩',
    '自动扩容',
  ],
  ['弹性', 'elasticity', 'elastic'],
  ['scale out', 'scale up', '扩容', '水平扩展', '横向扩展'],
  ['gpu', 'gpus', '显卡', '图形卡'],
  [
    'llm',
    'llms',
    'large language model',
    '大模型',
    '大语言模型',
    'llama',
    'mistral',
    'qwen',
    'deepseek',
    '通义千问',
  ],
  ['ai', 'artificial intelligence', '人工智能'],
  ['inference', '推理'],
  ['model serving', '模型服务', 'serve models', 'serving models'],
  ['ml', 'machine learning', '机器学习'],
  ['iot', 'internet of things', '物联网'],
  ['edge', '边缘', 'edge computing', '边缘计算'],
  ['sensor', '传感器'],
  ['device', '设备', '终端'],
  [
    'field devices',
    'in the field',
    '现场设备',
    '野外',
    'remote sites',
    'wind farm',
    'wind farms',
    'oil rig',
    'oil rigs',
  ],
  ['factory', 'factories', 'plant', 'plants', 'manufacturing', '工厂', '车间', '产线'],
  ['network', 'connectivity', 'networking', '网络'],
  ['raspberry pi', 'arm boards', 'arm boxes', 'single-board computer', '树莓派', '开发板'],
  ['latency', '延迟', '时延', '延时'],
  ['low latency', '低延迟', '低时延', '低延时'],
  ['offline', '离线', '断网'],
  ['flaky network', 'unreliable network', 'unstable network', '网络不稳定', '弱网'],
  ['lightweight', 'small footprint', 'tiny', '轻量', '轻量级'],
  ['双11', '双十一', 'double 11', 'singles day', '11.11'],
  ['black friday', 'cyber monday', '黑五', '黑色星期五'],
  ['flash sale', '秒杀', '限时抢购', '抢购'],
  [
    'promotion',
    'promotions',
    'promo',
    'promos',
    'sales event',
    'midnight sale',
    'midnight sales',
    '促销',
    '大促',
  ],
  ['ecommerce', 'e-commerce', 'e commerce', '电商', '电子商务', 'online store', 'online shop'],
  ['taobao', 'tmall', 'jd', 'amazon', 'shopify', '淘宝', '天猫', '京东', '拼多多', '电商'],
  ['shopping', 'shop', 'shops', '购物', '网购'],
  ['retail', 'retailer', 'retailers', '零售'],
  ['camera', 'cameras', 'video analytics', '摄像头', '视频分析'],
  ['memory', 'ram', '内存'],
  ['a/b test', 'a/b testing', 'ab test', 'a/b 测试', 'ab测试'],
  ['qps', 'throughput', 'tps', '吞吐', '吞吐量'],
  ['traffic spike', 'traffic surge', '流量突增', '流量暴涨', '流量洪峰', '流量高峰'],
  ['high concurrency', '高并发'],
  ['db', 'database', 'databases', '数据库', 'mysql', 'postgres', 'postgresql'],
  ['container', 'containers', 'docker', '容器'],
  ['image', 'images', '镜像'],
  ['microservice', 'microservices', '微服务'],
  ['cache', 'caching', 'redis', '缓存'],
  ['inventory', 'stock', '库存'],
  ['order', 'orders', '订单'],
  ['finance', 'financial', 'fintech', '金融'],
  ['bank', 'banking', 'banks', '银行'],
  ['trading', 'trade', 'exchange', '交易'],
  ['securities', 'stock exchange', 'brokerage', 'broker', '证券', '券商'],
  ['payment', 'payments', '支付'],
  ['compliance', 'compliant', 'regulatory', 'regulation', '合规', '监管'],
  ['audit', 'audits', 'auditing', 'auditor', 'auditors', '审计'],
  ['security', 'secure', '安全'],
  ['risk control', 'risk management', '风控', '风险控制'],
  ['fraud', 'anti-fraud', '反欺诈', '欺诈'],
  ['disaster recovery', 'dr', '容灾', '灾备'],
  ['active-active', 'multi-active', 'multi-site', '多活', '异地多活', '双活'],
  ['failover', '故障转移', '故障切换'],
  ['high availability', 'ha', '高可用', 'zero downtime', '零停机', '不停机'],
  ['consistency', '一致性'],
  ['version', 'versions', 'versioning', '版本'],
  ['rollback', 'roll back', '回滚'],
  ['canary', 'gray release', '灰度', '灰度发布', '金丝雀'],
  [
    'deploy',
    'deployment',
    'rollout',
    'push to production',
    'ship to production',
    'go live',
    '部署',
    '上线',
    '发布上线',
  ],
  ['cost', 'costs', 'cheaper', '成本', '降本'],
  ['utilization', 'utilisation', '利用率'],
  ['monitoring', 'observability', 'alerting', '监控', '告警'],
  ['gateway', '网关'],
  ['load balancing', 'load balancer', '负载均衡'],
  ['gitops', 'declarative', '声明式'],
  ['service mesh', 'istio', '服务网格'],
  ['wasm', 'webassembly'],
  ['configuration', 'config', 'configs', '配置'],
  ['management', 'mgmt', 'managing', '管理'],
];

/** key → the keys of its synonyms (not itself). */
export type SynonymMap = ReadonlyMap<string, readonly string[]>;

export function buildSynonymMap(
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
): SynonymMap {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const keys = [...new Set(group.map(termKey).filter(Boolean))];
    for (const k of keys) {
      const set = map.get(k) ?? new Set<string>();
      for (const other of keys) if (other !== k) set.add(other);
      map.set(k, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}
