/**
 * The domain's concepts, as data: what people mean, in the words they use for it, in English and
 * Chinese, from the textbook term to the channel slang. Each concept implies its `parents` (a
 * broader concept), so "coupon" is a sales event, a sales event is both commerce and a traffic
 * peak. Cases are never listed here: the search links a case to every concept its own text
 * mentions (see `concepts.ts`).
 *
 * Surface forms are separated by `|`; they are matched after the search's own normalising and
 * stemming, English as whole words, Chinese as runs of two or more characters. Rules for editors:
 * list forms a domain expert would list for the concept, never the wording of one question; a
 * form that means different things in different fields belongs to none (or to the longer phrase
 * that is unambiguous, "data warehouse" vs "warehouse"); every concept must be mentioned by some
 * case of the shipped casebook or be a parent of one that is (`test/search/concepts.test.ts`).
 */
export interface ConceptDef {
  readonly id: string;
  readonly parents?: readonly string[];
  readonly en: string;
  readonly zh: string;
  /**
   * Everyday life that borrows the field's words (a shopper's order, a home router, a share
   * price). No case of the shipped casebook is about it; a question about it is not a casebook
   * question, whatever else it shares with a case.
   */
  readonly outside?: boolean;
}

export const CONCEPTS: readonly ConceptDef[] = [
  // Load: how much is asked of a system, and when.
  {
    id: 'load',
    en: 'load | heavy load | high load | under load | demand | high volume | request volume | busy',
    zh: '负载 | 负荷 | 压力 | 访问量 | 请求量 | 业务量 | 大流量 | 流量大 | 量大',
  },
  {
    id: 'traffic-peak',
    parents: ['load'],
    en: 'traffic spike | spike | spikes | spiky | surge | surges | peak | peaks | peak traffic | peak hours | rush | rush hour | burst | bursty | sudden traffic | jump in traffic | traffic jumps | 10x traffic | goes viral | viral | thundering herd | stampede | heavy traffic | traffic jump',
    zh: '高峰 | 高峰期 | 峰值 | 洪峰 | 流量高峰 | 流量洪峰 | 突增 | 暴涨 | 激增 | 暴增 | 猛增 | 突发流量 | 瞬时流量 | 流量突增 | 流量暴涨 | 尖峰 | 一拥而上 | 蜂拥',
  },
  {
    id: 'concurrency',
    parents: ['load'],
    en: 'concurrency | concurrent | concurrent users | concurrent requests | simultaneous | simultaneously | at the same time | qps | tps | requests per second | queries per second | throughput',
    zh: '并发 | 高并发 | 并发量 | 同时访问 | 同时在线 | 同一时间 | 一起涌入 | 吞吐 | 吞吐量 | 每秒请求',
  },
  {
    id: 'users',
    parents: ['load'],
    en: 'users | user base | customers | visitors | shoppers | buyers | daily active users | dau | mau | audience | crowd | crowds | millions of users',
    zh: '用户 | 用户量 | 客户 | 顾客 | 访客 | 买家 | 日活 | 月活 | 人多 | 人数 | 消费者',
  },
  {
    id: 'overload',
    parents: ['load', 'outage'],
    en: "overload | overloaded | overwhelmed | can't keep up | cannot keep up | can't cope | cannot cope | can't handle | cannot handle | can't take | buckles | buckle | falls over | fell over | falling over | melts down | meltdown | crushed | swamped | hammered | saturated | maxed out | too many requests | backlog | backlogged | queued up | queue up | piling up",
    zh: '过载 | 扛不住 | 顶不住 | 撑不住 | 抗不住 | 承受不住 | 压垮 | 打挂 | 打爆 | 被打爆 | 爆了 | 挤爆 | 撑爆 | 满载 | 跑满 | 排队 | 积压 | 堆积 | 跟不上',
  },
  {
    id: 'scaling',
    en: 'scale | scaling | scale out | scale up | scale down | scales | autoscaling | autoscale | auto scaling | elastic | elasticity | add servers | more servers | add machines | more machines | extra capacity | capacity | horizontal scaling | provisioning | right size | load balancing | load balancer',
    zh: '扩容 | 缩容 | 扩缩容 | 扩展 | 伸缩 | 弹性 | 加机器 | 加服务器 | 加节点 | 容量 | 自动扩缩容 | 弹性伸缩 | 水平扩展 | 横向扩展 | 负载均衡',
  },

  // Commerce: shops, shoppers and the events that bring them all at once.
  {
    id: 'commerce',
    en: 'e-commerce | ecommerce | online store | online shop | web shop | webshop | storefront | marketplace | retail | retailer | merchant | merchants | shopping | shop | sellers | online retail',
    zh: '电商 | 电子商务 | 网店 | 商城 | 店铺 | 网购 | 购物 | 零售 | 商家 | 卖家 | 开店 | 小程序商城',
  },
  {
    id: 'sales-event',
    parents: ['commerce', 'traffic-peak'],
    en: 'sale | sales | sales event | promotion | promotions | promo | promos | campaign | campaigns | marketing campaign | discount | discounts | coupon | coupons | voucher | vouchers | limited-time | limited time offer | flash sale | flash sales | black friday | cyber monday | singles day | double 11 | 11.11 | 618 | holiday sale | holiday season | product drop | ticket sale | doorbuster | clearance | daily deals | limited-time deals',
    zh: '促销 | 大促 | 促销活动 | 营销活动 | 秒杀 | 抢购 | 限时抢购 | 开抢 | 满减 | 优惠 | 优惠券 | 领券 | 抢券 | 折扣 | 打折 | 特价 | 红包 | 双十一 | 双11 | 黑五 | 年货节 | 店庆 | 大促活动 | 直播带货 | 限量',
  },
  {
    id: 'orders',
    parents: ['commerce'],
    en: 'checkout | cart | shopping cart | basket | place an order | ordering | product page | product catalog | catalogue | catalog | inventory | stock | stock levels | sku | skus | oversell | overselling | sold out | placing orders | place orders | order volume | order processing | order service',
    zh: '下单 | 购物车 | 订单 | 库存 | 商品 | 商品页 | 详情页 | 加购 | 结账 | 超卖 | 售罄 | 库存扣减 | 扣库存',
  },

  // Reliability: staying up, and coming back.
  {
    id: 'availability',
    en: 'availability | available | uptime | high availability | reliable | reliability | resilient | resilience | stable | stability | nines | 99.9 | 99.99 | sla | slo | always on | zero downtime',
    zh: '可用性 | 高可用 | 可用 | 可靠 | 可靠性 | 稳定 | 稳定性 | 几个9 | 不停机 | 零停机 | 不中断 | 靠谱 | 稳定可靠',
  },
  {
    id: 'outage',
    parents: ['availability'],
    en: "outage | outages | downtime | goes down | went down | go down | is down | was down | crash | crashes | crashed | crashing | dies | died | dead | fails | failed | failure | failures | broken | breaks | unavailable | unreachable | not loading | won't load | error page | 500 error | 502 | 503 | blank page | incident | incidents",
    zh: '宕机 | 挂了 | 挂掉 | 全挂 | 崩了 | 崩溃 | 瘫痪 | 故障 | 不可用 | 打不开 | 进不去 | 白屏 | 报错 | 停机 | 死机 | 停摆 | 出故障 | 服务中断 | 出错 | 出问题',
  },
  {
    id: 'recovery',
    parents: ['availability'],
    en: 'recovery | recover | failure recovery | self-healing | self healing | auto restart | automatic recovery | restart automatically | heal | comes back | bounce back',
    zh: '恢复 | 故障恢复 | 自动恢复 | 自愈 | 自动重启 | 拉起',
  },
  {
    id: 'disaster-recovery',
    parents: ['recovery'],
    en: 'disaster recovery | dr | failover | fail over | standby | hot standby | backup site | second site | second data center | second data centre | data center | data centre | data hall | datacenter | multi-region | multi-site | multiple sites | active-active | active active | active-passive | region outage | whole region | business continuity | rto | rpo | replica | replicas | primary-replica | primary replica',
    zh: '容灾 | 灾备 | 多活 | 异地多活 | 同城双活 | 双活 | 两地三中心 | 故障转移 | 故障切换 | 主备 | 主从 | 备库 | 备份中心 | 机房 | 数据中心 | 业务连续性 | 主备切换',
  },

  // Speed: how quickly a system answers and starts, and the complaints when it does not.
  {
    id: 'performance',
    en: 'performance | response time | responsiveness | speed | fast | faster | quick | quickly | milliseconds | ms | slow | slowly | slowness | sluggish | lag | laggy | lagging | hangs | hanging | freezes | frozen | unresponsive | timeout | timeouts | times out | timing out | takes forever | spinning | long waits | stuck',
    zh: '性能 | 响应时间 | 响应速度 | 速度 | 快速 | 毫秒 | 响应 | 很慢 | 太慢 | 变慢 | 慢死 | 卡顿 | 卡死 | 很卡 | 卡住 | 超时 | 转圈 | 响应慢 | 加载慢 | 半天没反应 | 没反应',
  },
  {
    id: 'latency',
    parents: ['performance'],
    en: 'latency | low latency | real-time | realtime | real time | near real-time | instant | instantly | round trip | delay | delays | delayed',
    zh: '延迟 | 时延 | 延时 | 低延迟 | 低时延 | 实时 | 毫秒级 | 及时',
  },
  {
    id: 'startup',
    parents: ['performance'],
    en: 'start up | start-up | startup time | boot | boots | boot time | cold start | cold starts | slow to start | restart time | spin up | warm up | slow startup | fast startup | startup latency',
    zh: '启动 | 启动时间 | 启动慢 | 冷启动 | 开机 | 重启慢 | 秒级启动 | 拉起慢',
  },

  // Money: moving it, keeping it right, and the rules around it.
  {
    id: 'finance',
    en: 'finance | financial | fintech | bank | banks | banking | broker | brokerage | securities trading | securities firm | stock trading | trading | exchange | insurance | insurer | wealth management | lending | loans | credit card | stock exchange | stock market',
    zh: '金融 | 银行 | 证券 | 券商 | 交易所 | 保险 | 基金 | 理财 | 信贷 | 贷款 | 金融科技',
  },
  {
    id: 'money-movement',
    parents: ['finance'],
    en: 'payment | payments | pay | transfer | transfers | money transfer | wire | remittance | transaction | transactions | ledger | account balance | debit | deposit | withdrawal | settlement | clearing | reconciliation | refund | refunds | money | funds',
    zh: '支付 | 转账 | 汇款 | 交易 | 付款 | 扣款 | 到账 | 余额 | 账户 | 账本 | 记账 | 清算 | 结算 | 对账 | 退款 | 资金 | 钱款 | 存款 | 取款 | 提现 | 钱',
  },
  {
    id: 'consistency',
    en: "consistency | consistent | inconsistent | exactly once | exactly-once | idempotent | idempotency | duplicate | duplicates | duplicated | double charge | double spend | charged twice | lost update | data loss | lose data | lost data | integrity | atomic | acid | distributed transaction | doesn't add up | out of sync | mismatch",
    zh: '一致性 | 一致 | 不一致 | 强一致 | 幂等 | 重复 | 不重复 | 重复扣款 | 丢失 | 不丢 | 丢数据 | 数据丢失 | 完整性 | 事务 | 分布式事务 | 对不上 | 账对不上 | 错账',
  },
  {
    id: 'compliance',
    en: 'compliance | compliant | regulator | regulators | regulatory | regulated | regulation | regulations | audit | audits | auditor | auditors | audit trail | pci | pci-dss | sox | gdpr | kyc | aml | certification | certified | inspection | supervisory',
    zh: '合规 | 合规性 | 监管 | 监管机构 | 审计 | 审计员 | 等保 | 等级保护 | 留痕 | 审查 | 银保监 | 证监会 | 央行 | 牌照',
  },
  {
    id: 'security',
    en: 'security | secure | insecure | hardened | hardening | vulnerability | vulnerabilities | cve | cves | scanning | image scanning | encryption | encrypt | authentication | authorisation | authorization | access control | permissions | zero trust | hacker | hackers | hacked | attack | attacks | breach | leak | leaked | intrusion | isolation | policy | policies',
    zh: '安全 | 安全性 | 漏洞 | 加密 | 鉴权 | 授权 | 权限 | 访问控制 | 零信任 | 黑客 | 攻击 | 被黑 | 泄露 | 泄漏 | 入侵 | 隔离 | 策略 | 安全策略 | 认证',
  },
  {
    id: 'risk-fraud',
    parents: ['finance', 'security'],
    en: 'fraud | anti-fraud | fraudulent | risk control | risk management | risk engine | scam | scams | chargeback | chargebacks | money laundering',
    zh: '风控 | 反欺诈 | 欺诈 | 风险控制 | 盗刷 | 洗钱 | 诈骗',
  },

  // The edge: far from the data centre, on small boxes, over bad links.
  {
    id: 'edge',
    en: 'edge | edge computing | edge node | edge nodes | on-site | on site | on-premises | on premises | on-prem | in the field | out in the field | remote site | remote sites | remote locations | branch offices | far from the cloud | near the data source',
    zh: '边缘 | 边缘计算 | 边缘节点 | 现场 | 就近 | 远程站点 | 分支机构 | 网点 | 野外 | 偏远 | 云边协同 | 边云协同',
  },
  {
    id: 'sites',
    parents: ['edge'],
    en: 'factory | factories | plant | plants | shop floor | manufacturing | production line | warehouse | warehouses | retail stores | physical stores | brick and mortar | wind farm | wind farms | oil rig | oil rigs | vessel | hospital | hospitals | substation | cell tower | base station | cargo ship | vessels | mining site | mining sites',
    zh: '工厂 | 车间 | 产线 | 生产线 | 仓库 | 门店 | 线下门店 | 厂区 | 园区 | 矿山 | 矿井 | 油田 | 风电场 | 风场 | 船舶 | 医院 | 农场 | 变电站 | 基站 | 智能制造 | 工业互联网',
  },
  {
    id: 'devices',
    parents: ['edge'],
    en: 'device | devices | iot | internet of things | sensor | sensors | embedded devices | embedded systems | raspberry pi | arm board | arm boards | single-board computer | industrial pc | plc | gateway box | camera | cameras | smart meter | meters | robot | robots | vehicle | vehicles | connected cars | drone | drones | kiosk | kiosks | pos terminal | set-top box | gadgets | hardware in the field | raspberry pis',
    zh: '设备 | 终端 | 物联网 | 传感器 | 嵌入式 | 树莓派 | 开发板 | 工控机 | 摄像头 | 电表 | 机器人 | 无人机 | 车载 | 车联网 | 智能硬件 | 小盒子 | 盒子 | 收银机 | 智能终端',
  },
  {
    id: 'network',
    en: 'network | networking | connectivity | connection | connections | bandwidth | uplink | internet connection | wan',
    zh: '网络 | 带宽 | 连接 | 链路 | 网速 | 信号',
  },
  {
    id: 'flaky-network',
    parents: ['network', 'edge'],
    en: 'flaky network | flaky connection | unreliable network | unstable network | poor connectivity | bad connectivity | intermittent | intermittent connectivity | connection drops | drops connection | loses connection | disconnected | disconnects | offline | goes offline | no internet | spotty | patchy | low bandwidth | satellite link | cellular | 4g | lte',
    zh: '弱网 | 断网 | 离线 | 网络不稳定 | 网络不稳 | 网络差 | 网不好 | 信号差 | 信号不好 | 掉线 | 断线 | 断连 | 没网 | 时断时续 | 带宽低 | 带宽小',
  },

  // Resources: compute, memory, and how well they are used.
  {
    id: 'resources',
    en: 'resources | resource | compute | cpu | cpus | hardware | computing power | machines | servers | not enough compute | out of capacity | short of compute',
    zh: '资源 | 算力 | 计算资源 | 硬件 | 服务器 | 机器 | 算力不够 | 算力不足 | 资源不够 | 资源不足',
  },
  {
    id: 'memory',
    parents: ['resources'],
    en: 'memory | ram | footprint | memory footprint | memory usage | out of memory | oom | oom killed | memory hungry | heavy | heavyweight | bloated | too big | huge images | image size',
    zh: '内存 | 内存占用 | 占内存 | 内存不足 | 爆内存 | 内存溢出 | 资源占用 | 占用 | 太重 | 臃肿 | 镜像大 | 体积大',
  },
  {
    id: 'constrained',
    parents: ['resources', 'edge'],
    en: 'constrained | resource constrained | resource-constrained | limited resources | low power | low-power | underpowered | weak hardware | low-end | tiny | lightweight | light weight | small footprint | slim | too weak | not powerful enough',
    zh: '资源受限 | 资源有限 | 受限 | 轻量 | 轻量级 | 配置低 | 低配 | 低功耗 | 性能弱 | 小设备 | 体积小 | 跑不动 | 带不动 | 算力有限 | 算力小',
  },
  {
    id: 'utilisation',
    parents: ['resources', 'cost'],
    en: 'utilisation | utilization | usage | idle | sitting idle | wasted | waste | wasteful | overprovisioned | over-provisioned | underused | underutilised | underutilized | efficiency | efficient | bin packing',
    zh: '利用率 | 使用率 | 闲置 | 浪费 | 空闲 | 空转 | 资源浪费 | 用不满 | 复用',
  },
  {
    id: 'cost',
    en: 'cost | costs | costly | expensive | too expensive | pricey | spend | spending | overspend | bill | bills | cloud bill | budget | cheaper | cheap | save money | saving money | savings | cost cutting | pay too much | burn money | burning money | price | pricing',
    zh: '成本 | 费用 | 开销 | 开支 | 花钱 | 花费 | 太贵 | 很贵 | 省钱 | 降本 | 降本增效 | 预算 | 账单 | 烧钱 | 省成本 | 性价比 | 价格',
  },

  // AI: models, serving them, and the accelerators they run on.
  {
    id: 'ai',
    en: 'ai | artificial intelligence | machine learning | ml | deep learning | neural network | neural networks | model | models | llm | llms | large language model | genai | generative ai | gpt | chatbot | chatbots | computer vision | recommendation model | embeddings | training | model training | speech recognition | speech to text | speech-to-text | transcription | text to speech | ocr | machine translation | nlp | natural language processing | image recognition | object detection | face recognition | recommendation engine | recommender',
    zh: '人工智能 | 机器学习 | 深度学习 | 模型 | 大模型 | 大语言模型 | 神经网络 | 生成式 | 聊天机器人 | 智能客服 | 计算机视觉 | 视觉识别 | 图像识别 | 训练 | 模型训练 | 向量 | 语音识别 | 语音转文字 | 语音合成 | 文字识别 | 机器翻译 | 自然语言处理 | 人脸识别 | 目标检测 | 推荐算法 | 推荐模型',
  },
  {
    id: 'inference',
    parents: ['ai'],
    en: 'inference | inferencing | serving | model serving | serve models | serve a model | predictions | prediction api | online prediction | tokens per second',
    zh: '推理 | 在线推理 | 推理服务 | 预测服务 | 模型服务 | 在线预测',
  },
  {
    id: 'accelerators',
    parents: ['ai', 'resources'],
    en: 'gpu | gpus | graphics card | graphics cards | nvidia | cuda | a100 | h100 | accelerator | accelerators | tpu | tpus | npu | vram | gpu memory',
    zh: '显卡 | 加速卡 | 算力卡 | 显存 | 英伟达 | 昇腾 | 图形卡 | 单卡 | 多卡 | 卡数 | gpu卡 | gpu服务器',
  },

  // Change: shipping new versions, and taking them back.
  {
    id: 'rollout',
    en: 'consistent environments | environment consistency | same environment | works on my machine | deploy | deploys | deployment | deployments | rollout | roll out | release | releases | releasing | go live | push to production | upgrade | upgrades | update | updates | updating | new version | hotfix | patch | patching | ci/cd | ship to production',
    zh: '环境一致性 | 环境一致 | 部署 | 上线 | 发布 | 发版 | 升级 | 更新 | 热更新 | 迭代 | 投产 | 打补丁',
  },
  {
    id: 'versions',
    parents: ['rollout'],
    en: 'version | versions | versioning | version control | rollback | roll back | revert | reverting | previous version | old version | registry',
    zh: '版本 | 版本管理 | 多版本 | 回滚 | 回退 | 旧版本 | 上一个版本 | 版本控制',
  },
  {
    id: 'gradual-release',
    parents: ['rollout'],
    en: 'canary | canary release | blue-green | blue green | a/b test | a/b testing | ab test | gradual rollout | staged rollout | percentage of traffic | shadow traffic',
    zh: '灰度 | 灰度发布 | 金丝雀 | 蓝绿 | 蓝绿发布 | ab测试 | 分批发布 | 小流量',
  },
  {
    id: 'model-versions',
    parents: ['versions', 'ai'],
    en: 'model version | model versions | model update | model updates | new model | retrain | retrained | retraining | model registry | model rollback | swap models',
    zh: '模型版本 | 模型更新 | 新模型 | 重新训练 | 换模型 | 模型迭代 | 模型回滚',
  },

  // Running it: the day-to-day work of keeping many things in shape.
  {
    id: 'operations',
    en: 'operations | ops | operate | manage | managing | management | remote management | monitoring | observability | alerting | alerts | on-call | configuration | config | configure | by hand | manual | manually | toil | complex | complexity | complicated | painful | messy | hard to manage',
    zh: '运维 | 管理 | 远程管理 | 监控 | 告警 | 报警 | 配置 | 手工 | 手动 | 人工 | 复杂 | 麻烦 | 难管理 | 值班',
  },

  // Data: where it is kept and how it flows.
  {
    id: 'database',
    en: 'database | databases | db | sql | mysql | postgres | postgresql | oracle | queries | slow queries | table locks | deadlock | deadlocks | write load | connection pool | storage',
    zh: '数据库 | 慢查询 | 锁表 | 死锁 | 读写 | 连接池 | 存储 | 主库 | 从库',
  },
  {
    id: 'cache',
    parents: ['database'],
    en: 'cache | caching | cached | redis | memcached | cdn',
    zh: '缓存 | 缓存层',
  },
  {
    id: 'data-processing',
    en: 'data processing | process data | processing data | data pipeline | data pipelines | pipeline | pipelines | etl | elt | batch | batch job | batch jobs | nightly job | nightly jobs | stream processing | streaming data | analytics | data analytics | data warehouse | data lake | reports | reporting | dashboards',
    zh: '数据处理 | 数据管道 | 数据流水线 | 批处理 | 跑批 | 流处理 | 流式计算 | 数据分析 | 数仓 | 数据仓库 | 数据湖 | 报表 | 离线计算 | 实时计算',
  },
  {
    id: 'data-collection',
    parents: ['data-processing'],
    en: 'data collection | collect data | collecting data | telemetry | readings | sensor data | measurements | ingest | ingestion | time series | time-series | metrics collection',
    zh: '数据采集 | 采集 | 遥测 | 上报 | 时序数据 | 埋点 | 回传',
  },

  // Outside the field: what people ask about as shoppers, customers and at home. A question that
  // mentions these is answered by a case only when the casebook itself talks about them.
  {
    id: 'personal-shopping',
    outside: true,
    en: 'i bought | i ordered | i paid | my order | my orders | my package | my parcel | my delivery | cancel my | return an item | return policy | refund for my | worth buying | what to buy | which one to buy | gift ideas | best deals on | tv | tvs | television | shoes | sneakers | clothes | laptop deals | headphones | groceries | furniture',
    zh: '买什么 | 值得买 | 划算 | 哪个好 | 推荐买 | 退货 | 换货 | 我买的 | 我的订单 | 快递 | 包裹 | 电视 | 衣服 | 鞋子 | 零食 | 家电',
  },
  {
    id: 'personal-banking',
    outside: true,
    en: 'my bank card | my card | my credit card | my account | my balance | card blocked | card declined | atm | pin code | open an account | interest rate | mortgage',
    zh: '我的银行卡 | 银行卡 | 我的卡 | 卡被冻结 | 被冻结 | 我的账户 | 开户 | 房贷 | 利率 | 取款机 | 密码忘了',
  },
  {
    id: 'investing',
    outside: true,
    en: 'stock price | share price | stock prices | stocks to buy | stock tips | invest in | investing | my portfolio | dividend | dividends | crypto price',
    zh: '股价 | 炒股 | 买股票 | 股票推荐 | 理财产品 | 基金推荐 | 涨停 | 跌停',
  },
  {
    id: 'home-life',
    outside: true,
    en: 'at home | my home | my house | home wifi | home network | home router | my wifi | my kids | for kids | my family | toy | toys | lego | my laptop | my phone | my computer',
    zh: '家里 | 我家 | 在家 | 家用 | 家庭网络 | 孩子 | 小孩 | 宽带 | 玩具 | 我的电脑 | 我的手机',
  },
  {
    id: 'web-browser',
    outside: true,
    en: 'browser | browsers | edge browser | microsoft edge | chrome | firefox | safari | browser tab | tabs | browser extension',
    zh: '浏览器 | 谷歌浏览器 | 火狐 | 标签页 | 插件',
  },
];
