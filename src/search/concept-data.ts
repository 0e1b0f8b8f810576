import { OUTSIDE_CONCEPTS } from './concept-data-outside.js';
import { PLATFORM_CONCEPTS } from './concept-data-platform.js';

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
    en: 'load | heavy load | high load | under load | demand | high volume | request volume | busy | lots of people | many people | so many people | thousands of people | millions of people | lots of traffic | tons of traffic | high traffic | heavy usage',
    zh: '负载 | 负荷 | 压力 | 访问量 | 请求量 | 业务量 | 大流量 | 流量大 | 量大 | 一多 | 人太多 | 很多人 | 好多人 | 大量请求 | 大量用户 | 海量请求',
  },
  {
    id: 'traffic-peak',
    parents: ['load'],
    en: 'traffic spike | spike | spikes | spiky | surge | surges | peak | peaks | peak traffic | peak hours | rush | rush hour | burst | bursty | sudden traffic | jump in traffic | traffic jumps | 10x traffic | goes viral | viral | thundering herd | stampede | heavy traffic | traffic jump | pile in | piling in | pour in | pouring in | flood in | flooding in | swarm | swarms | flock | rush in | influx | hug of death | launch day | opening minutes | celebrity | influencer | influencers | viral post | trending | hot item | 10x visitors | 10x users | ten times the traffic | ten times the users',
    zh: '高峰 | 高峰期 | 峰值 | 洪峰 | 流量高峰 | 流量洪峰 | 突增 | 暴涨 | 激增 | 暴增 | 猛增 | 突发流量 | 瞬时流量 | 流量突增 | 流量暴涨 | 尖峰 | 一拥而上 | 蜂拥 | 一窝蜂 | 蜂拥而至 | 涌入 | 挤进来 | 瞬间涌入 | 网红 | 明星带货 | 爆款 | 上热搜 | 热搜 | 流量上来 | 流量起来 | 流量上涨 | 流量大增 | 流量一上来 | 流量一来 | 流量来了 | 一来流量',
  },
  {
    id: 'concurrency',
    parents: ['load'],
    en: 'concurrency | concurrent | concurrent users | concurrent requests | simultaneous | simultaneously | at the same time | qps | tps | requests per second | queries per second | throughput | same second | same moment | same instant | all at once | at once | in parallel | parallel requests | simultaneous users',
    zh: '并发 | 高并发 | 并发量 | 同时访问 | 同时在线 | 同一时间 | 一起涌入 | 吞吐 | 吞吐量 | 每秒请求 | 同一秒 | 同一时刻 | 同时请求 | 同时下单 | 同时涌入 | 同时抢',
  },
  {
    id: 'users',
    parents: ['load'],
    en: 'users | user base | customers | visitors | daily active users | dau | mau | audience | crowd | crowds | millions of users',
    zh: '用户 | 用户量 | 客户 | 访客 | 日活 | 月活 | 人多 | 人数',
  },
  {
    id: 'overload',
    parents: ['load', 'outage'],
    en: "overload | overloaded | overwhelmed | can't keep up | cannot keep up | can't cope | cannot cope | can't handle | cannot handle | can't take | buckles | buckle | falls over | fell over | falling over | melts down | meltdown | crushed | swamped | hammered | saturated | maxed out | too many requests | backlog | backlogged | queued up | queue up | piling up | slammed | overrun | grinds to a halt | ground to a halt | brought down | takes down | took down | knocked over | buckling | survive | withstand | hold up | holds up",
    zh: '过载 | 扛不住 | 顶不住 | 撑不住 | 抗不住 | 承受不住 | 压垮 | 打挂 | 打爆 | 被打爆 | 爆了 | 挤爆 | 撑爆 | 满载 | 跑满 | 排队 | 积压 | 堆积 | 跟不上 | 扛不动 | 顶不动 | 撑不下 | 压不住 | 冲垮 | 被冲垮 | 冲爆 | 打垮 | 拖垮 | 拖死 | 雪崩 | 卡爆 | 挤崩 | 扛住 | 顶住 | 撑住 | 扛过 | 撑过 | 扛流量 | 抗流量 | 顶流量 | 就爆 | 一下就爆 | 服务器爆',
  },
  {
    id: 'scaling',
    en: 'scale | scaling | scale out | scale up | scale down | scales | autoscaling | autoscale | auto scaling | elastic | elasticity | add servers | more servers | add machines | more machines | extra capacity | capacity | horizontal scaling | provisioning | right size | load balancing | load balancer',
    zh: '扩容 | 缩容 | 扩缩容 | 扩展 | 伸缩 | 弹性 | 加机器 | 加服务器 | 加节点 | 容量 | 自动扩缩容 | 弹性伸缩 | 水平扩展 | 横向扩展 | 负载均衡',
  },

  {
    id: 'scaling-speed',
    parents: ['scaling', 'performance'],
    en: 'scale fast | scale quickly | scaling speed | scaling time | slow to scale | scales too slowly | scaling takes | time to scale | fast scaling | rapid scaling | scale in minutes | capacity planning | pre-scale | pre-scaling | scale ahead | scale in advance',
    zh: '快速扩容 | 快速扩展 | 快速弹性 | 扩容速度 | 扩展时间 | 扩容时间 | 扩容太慢 | 扩得太慢 | 扩容慢 | 来不及扩 | 扩一台 | 扩机器 | 加一台机器 | 提前扩容 | 预扩容 | 提前准备机器 | 提前把机器 | 容量规划 | 容量评估',
  },

  // Commerce: shops, shoppers and the events that bring them all at once.
  {
    id: 'commerce',
    en: 'e-commerce | ecommerce | online store | online shop | web shop | webshop | storefront | marketplace | retail | retailer | merchant | merchants | shopping | shop | sellers | online retail | online shopping | web store | e-shop | product listings | retail app | shopping app | shopping site | online mall | shoppers | shopper | buyers | buyer | consumers | bargain hunters | online shoppers',
    zh: '电商 | 电子商务 | 网店 | 商城 | 店铺 | 网购 | 购物 | 零售 | 商家 | 卖家 | 小程序商城 | 淘宝店 | 小店 | 电商网站 | 购物网站 | 购物app | 商城app | 买家 | 顾客 | 消费者 | 剁手党 | 网购用户 | 卖东西 | 卖货',
  },
  {
    id: 'sales-event',
    parents: ['commerce', 'traffic-peak'],
    en: 'sale | sales | sales event | promotion | promotions | promo | promos | campaign | campaigns | marketing campaign | discount | discounts | coupon | coupons | voucher | vouchers | limited-time | limited time offer | flash sale | flash sales | black friday | cyber monday | singles day | double 11 | 11.11 | 618 | holiday sale | holiday season | product drop | ticket sale | doorbuster | clearance | daily deals | limited-time deals | discount code | discount codes | promo code | promo codes | coupon code | coupon codes | voucher code | holiday deals | hot deals | lightning deals | limited drop | big sale | mega sale | sales day | shopping day | shopping festival | boxing day | prime day | end of season sale | livestream sale | live shopping | anniversary sale | anniversary sales | midnight deal | midnight deals | before the sale | ahead of the sale',
    zh: '促销 | 大促 | 促销活动 | 营销活动 | 秒杀 | 抢购 | 限时抢购 | 开抢 | 满减 | 优惠 | 优惠券 | 抢券 | 折扣 | 打折 | 特价 | 红包 | 双十一 | 双11 | 黑五 | 年货节 | 店庆 | 大促活动 | 直播带货 | 限量 | 搞活动 | 做活动 | 办活动 | 上活动 | 活动期间 | 活动当天 | 活动一开 | 活动开始 | 搞促销 | 发券 | 发优惠券 | 抢东西 | 抢货 | 抢单 | 抢不到 | 手慢无 | 零点开抢 | 零点开售 | 整点开抢 | 开售 | 预售 | 购物节 | 狂欢节 | 周年庆 | 活动预热 | 大促预热 | 预热期 | 抢票 | 抢门票 | 抢茅台 | 抢口罩 | 抢鞋 | 开卖 | 直播开卖 | 活动前 | 大促前 | 活动之前',
  },
  {
    id: 'orders',
    parents: ['commerce'],
    en: 'checkout | cart | shopping cart | basket | place an order | ordering | product page | product catalog | catalogue | catalog | inventory | stock | stock levels | sku | skus | oversell | overselling | sold out | placing orders | place orders | order volume | order processing | order service | buy button | hit buy | buy now | add to cart | checking out | payment page | order page | order queue',
    zh: '下单 | 购物车 | 订单 | 库存 | 商品 | 商品页 | 详情页 | 加购 | 结账 | 超卖 | 售罄 | 库存扣减 | 扣库存 | 付款页 | 结算页 | 提交订单 | 下不了单 | 下单失败 | 订单超时',
  },

  // Reliability: staying up, and coming back.
  {
    id: 'availability',
    en: "availability | available | uptime | high availability | reliable | reliability | resilient | resilience | stable | stability | nines | 99.9 | 99.99 | sla | slo | always on | zero downtime | can't afford downtime | cannot go down | must not go down | never go down | always up | 24/7 | 24x7 | around the clock | nonstop | non-stop | stay online",
    zh: '可用性 | 高可用 | 可用 | 可靠 | 可靠性 | 稳定 | 稳定性 | 几个9 | 不停机 | 零停机 | 不中断 | 靠谱 | 稳定可靠 | 不能停 | 一秒都不能停 | 不能断 | 不能挂 | 不能宕 | 7x24小时 | 全天候 | 随时可用 | 持续可用',
  },
  {
    id: 'outage',
    parents: ['availability'],
    en: "outage | outages | downtime | goes down | went down | go down | is down | was down | crash | crashes | crashed | crashing | dies | died | dead | fails | failed | failure | failures | broken | breaks | unavailable | unreachable | not loading | won't load | error page | 500 error | 502 | 503 | blank page | incident | incidents | goes dark | went dark | blows up | blew up | falls apart | keeps dying | site down | site is down | service down | not working | stops working | stopped working | stopped responding | 504",
    zh: '宕机 | 挂了 | 挂掉 | 全挂 | 崩了 | 崩溃 | 瘫痪 | 故障 | 不可用 | 打不开 | 进不去 | 白屏 | 报错 | 停机 | 死机 | 停摆 | 出故障 | 服务中断 | 出错 | 出问题 | 就崩 | 又崩 | 老崩 | 总崩 | 会崩 | 直接崩 | 崩掉 | 一崩 | 都崩 | 就挂 | 又挂 | 老挂 | 总挂 | 会挂 | 直接挂 | 停服 | 断服 | 访问不了 | 掉链子 | 趴窝 | 瘫了 | 直接瘫 | 全瘫 | 出事 | 怕出事 | 出事故',
  },
  {
    id: 'recovery',
    parents: ['availability'],
    en: 'recovery | recover | failure recovery | self-healing | self healing | auto restart | automatic recovery | restart automatically | heal | comes back | bounce back | come back up | back online | back up and running | restarts itself | auto-heal',
    zh: '恢复 | 故障恢复 | 自动恢复 | 自愈 | 自动重启 | 拉起 | 恢复不了 | 拉起来 | 自己恢复 | 自动拉起 | 没人去重启 | 没人重启 | 手动重启 | 要人去重启',
  },
  {
    id: 'disaster-recovery',
    parents: ['recovery'],
    en: 'disaster recovery | dr | failover | fail over | standby | hot standby | backup site | second site | second data center | second data centre | data center | data centre | data hall | datacenter | multi-region | multi-site | multiple sites | active-active | active active | active-passive | region outage | whole region | business continuity | rto | rpo | replica | replicas | primary-replica | primary replica | power failure | site failure | zone outage | availability zone | geo-redundant | second region | cross-region | multi-datacenter | primary goes down | primary fails | primary database fails | master goes down | master down',
    zh: '容灾 | 灾备 | 多活 | 异地多活 | 同城双活 | 双活 | 两地三中心 | 故障转移 | 故障切换 | 主备 | 主从 | 备库 | 备份中心 | 机房 | 数据中心 | 业务连续性 | 主备切换 | 机房断电 | 机房着火 | 机房故障 | 双机房 | 多机房 | 跨机房 | 跨地域 | 多地域 | 备用机房 | 机房停电 | 主库挂了 | 主库宕机 | 主节点挂了 | 主节点故障 | 切主 | 机房切换 | 切换机房 | 切到备用 | 同城双机房 | 同城双中心 | 同城灾备',
  },

  // Speed: how quickly a system answers and starts, and the complaints when it does not.
  {
    id: 'performance',
    en: 'performance | response time | responsiveness | speed | fast | faster | quick | quickly | milliseconds | ms | slow | slowly | slowness | sluggish | lag | laggy | lagging | hangs | hanging | freezes | frozen | unresponsive | timeout | timeouts | times out | timing out | takes forever | spinning | long waits | stuck | slow down | slows down | slowed down | crawl | crawls | crawling | takes ages | take ages | forever to load | spinner | spinning wheel | bogged down | stall | stalls | stalled | janky | lock up | locks up | locked up | runs too long | takes too long | runs late',
    zh: '性能 | 响应时间 | 响应速度 | 速度 | 快速 | 毫秒 | 响应 | 很慢 | 太慢 | 变慢 | 慢死 | 卡顿 | 卡死 | 很卡 | 卡住 | 超时 | 转圈 | 响应慢 | 加载慢 | 半天没反应 | 没反应 | 卡得 | 卡得要死 | 好卡 | 太卡 | 特别卡 | 巨卡 | 一直转 | 转圈圈 | 龟速 | 慢得 | 慢吞吞 | 等半天 | 加载不出来 | 刷不出来 | 跑得慢 | 处理慢 | 跑不完 | 跑太久 | 跑很久 | 耗时太长',
  },
  {
    id: 'latency',
    parents: ['performance'],
    en: 'latency | low latency | real-time | realtime | real time | near real-time | instant | instantly | round trip | delay | delays | delayed | round-trip | roundtrip | wait time | waiting time | within milliseconds | immediate response | quick response',
    zh: '延迟 | 时延 | 延时 | 低延迟 | 低时延 | 实时 | 毫秒级 | 及时 | 反应慢 | 反应速度 | 马上响应 | 即时',
  },
  {
    id: 'startup',
    parents: ['performance'],
    en: 'start up | start-up | startup time | boot | boots | boot time | cold start | cold starts | slow to start | restart time | spin up | warm up | slow startup | fast startup | startup latency | reboot | reboots | rebooting | rebooted | power on | slow to boot | launch time | time to start | image pull | image pulls | pulling images | pull the image',
    zh: '启动 | 启动时间 | 启动慢 | 冷启动 | 开机 | 重启慢 | 秒级启动 | 拉起慢 | 开机慢 | 起得慢 | 起来慢 | 重启后 | 拉镜像 | 镜像拉取 | 拉取镜像 | 拉镜像慢',
  },

  // Money: moving it, keeping it right, and the rules around it.
  {
    id: 'finance',
    en: 'finance | financial | fintech | bank | banks | banking | broker | brokerage | securities trading | securities firm | stock trading | trading | exchange | insurance | insurer | wealth management | lending | loans | credit card | stock exchange | stock market | online banking | mobile banking | banking app | internet banking | trading platform | trading desk | stockbroker | payments company | payment provider | neobank | core banking | asset management | hedge fund',
    zh: '金融 | 银行 | 证券 | 券商 | 交易所 | 保险 | 基金 | 理财 | 信贷 | 贷款 | 金融科技 | 网银 | 手机银行 | 交易平台 | 证券交易 | 股票交易 | 支付公司 | 核心银行 | 期货 | 银行业 | 金融机构',
  },
  {
    id: 'money-movement',
    parents: ['finance'],
    en: 'payment | payments | pay | transfer | transfers | money transfer | wire | remittance | transaction | transactions | ledger | account balance | debit | deposit | withdrawal | settlement | clearing | reconciliation | refund | refunds | money | funds | wire transfer | bank transfer | card payment | account balances | payout | payouts',
    zh: '支付 | 转账 | 汇款 | 交易 | 付款 | 扣款 | 到账 | 余额 | 账户 | 账本 | 记账 | 清算 | 结算 | 对账 | 退款 | 资金 | 钱款 | 存款 | 取款 | 提现 | 钱 | 钱扣了 | 扣了钱 | 扣钱 | 打款 | 收款 | 资金流水 | 划账 | 划转 | 入账 | 出账 | 账务 | 转出去 | 转出 | 转入',
  },
  {
    id: 'consistency',
    en: "consistency | consistent | inconsistent | exactly once | exactly-once | idempotent | idempotency | duplicate | duplicates | duplicated | double charge | double spend | charged twice | lost update | data loss | lose data | lost data | integrity | atomic | acid | distributed transaction | doesn't add up | out of sync | mismatch | don't match | doesn't match | do not match | does not match | not matching | mismatched | discrepancy | discrepancies | don't balance | doesn't balance | goes through twice | went through twice | processed twice | double counting | double-counted | counted twice | all or nothing | partial data | partial load | half-loaded | half loaded | half written | incomplete data | numbers are wrong | wrong numbers | numbers don't add up | never lose a transaction | no lost transactions | stuck in pending | stuck pending",
    zh: '一致性 | 一致 | 不一致 | 强一致 | 幂等 | 重复 | 不重复 | 重复扣款 | 丢失 | 不丢 | 丢数据 | 数据丢失 | 完整性 | 事务 | 分布式事务 | 对不上 | 账对不上 | 错账 | 没收到 | 没到账 | 多扣 | 扣了两次 | 扣两次 | 扣多了 | 重复记账 | 重复支付 | 对不齐 | 数据对不上 | 不丢钱 | 掉单 | 单边账 | 一半数据 | 数据不全 | 数据残缺 | 半截数据 | 部分写入 | 数字搞错 | 数字不对 | 数据不准 | 统计不准 | 数据错了 | 不能丢 | 不丢不重 | 不能重复 | 丢单 | 防重 | 防丢 | 处理中 | 一直处理中 | 卡在处理中 | 状态不一致 | 数据丢 | 数据就丢 | 不能出错 | 不能错 | 不出错 | 零差错 | 不能有差错',
  },
  {
    id: 'compliance',
    en: 'compliance | compliant | regulator | regulators | regulatory | regulated | regulation | regulations | audit | audits | auditor | auditors | audit trail | pci | pci-dss | sox | gdpr | kyc | aml | certification | certified | inspection | supervisory | inspectors | examiners | who changed what | change records | record of changes | paper trail | on record | traceability | traceable | iso 27001 | soc 2 | hipaa',
    zh: '合规 | 合规性 | 监管 | 监管机构 | 审计 | 审计员 | 等保 | 等级保护 | 留痕 | 审查 | 银保监 | 证监会 | 央行 | 牌照 | 监管检查 | 迎检 | 过审 | 备案 | 合规要求 | 可追溯 | 追溯 | 留档 | 记录在案 | 操作记录 | 操作日志 | 日志留存 | 等保三级 | 等保二级 | 三级等保 | 等级保护三级',
  },
  {
    id: 'security',
    en: 'security | secure | insecure | hardened | hardening | vulnerability | vulnerabilities | cve | cves | scanning | image scanning | encryption | encrypt | authentication | authorisation | authorization | access control | permissions | zero trust | hacker | hackers | hacked | attack | attacks | breach | leak | leaked | intrusion | isolation | policy | policies | attacker | attackers | probing | probe | probes | ddos | malicious | malware | ransomware | exploit | exploits | penetration test | pentest | lock down | locked down | locking down | trusted images | signed images | image signing | supply chain | bot traffic | credential stuffing | malicious requests',
    zh: '安全 | 安全性 | 漏洞 | 加密 | 鉴权 | 授权 | 权限 | 访问控制 | 零信任 | 黑客 | 攻击 | 被黑 | 泄露 | 泄漏 | 入侵 | 隔离 | 策略 | 安全策略 | 认证 | 攻击者 | 被攻击 | 被入侵 | 漏扫 | 渗透 | 渗透测试 | 加固 | 安全加固 | 防攻击 | 数据泄露 | 镜像扫描 | 安全扫描 | 漏洞扫描 | 被刷 | 刷接口 | 恶意请求 | 恶意刷单',
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
    en: 'edge | edge computing | edge node | edge nodes | on-site | on site | on-premises | on premises | on-prem | in the field | out in the field | remote site | remote sites | remote locations | branch offices | far from the cloud | near the data source | local processing | process locally | processed locally | on the device | on-device | where the data is | at the source | close to the source | close to the data | near the devices | not in the cloud | instead of the cloud | back to the cloud | to the cloud and back',
    zh: '边缘 | 边缘计算 | 边缘节点 | 现场 | 就近 | 远程站点 | 分支机构 | 网点 | 野外 | 偏远 | 云边协同 | 边云协同 | 本地处理 | 就地处理 | 就地 | 本地计算 | 在本地 | 端侧 | 设备端 | 靠近设备 | 不上云 | 传回云端 | 回传云端 | 云端太远 | 现场处理 | 无人值守 | 没人值守',
  },
  {
    id: 'sites',
    parents: ['edge'],
    en: 'factory | factories | plant | plants | shop floor | manufacturing | production line | warehouse | warehouses | retail stores | physical stores | brick and mortar | wind farm | wind farms | oil rig | oil rigs | vessel | hospital | hospitals | substation | cell tower | base station | cargo ship | vessels | mining site | mining sites | in-store | store locations | retail outlets | depots | depot | oil field | oil fields | supermarket | supermarkets | grocery stores | chain stores | store chain | gas station | gas stations | petrol station | petrol stations',
    zh: '工厂 | 车间 | 产线 | 生产线 | 仓库 | 门店 | 线下门店 | 厂区 | 园区 | 矿山 | 矿井 | 油田 | 风电场 | 风场 | 船舶 | 医院 | 农场 | 变电站 | 基站 | 智能制造 | 工业互联网 | 分店 | 各地门店 | 工地 | 港口 | 码头 | 加油站 | 各个门店 | 超市 | 连锁店 | 连锁门店 | 便利店 | 厂里 | 厂子 | 车间里',
  },
  {
    id: 'devices',
    parents: ['edge'],
    en: 'device | devices | iot | internet of things | sensor | sensors | embedded devices | embedded systems | raspberry pi | arm board | arm boards | single-board computer | industrial pc | plc | gateway box | camera | cameras | smart meter | meters | robot | robots | vehicle | vehicles | connected cars | drone | drones | kiosk | kiosks | pos terminal | set-top box | gadgets | hardware in the field | raspberry pis | little box | small box | little boxes | small boxes | edge box | edge boxes | small computers | little computers | mini pc | mini pcs | jetson | plcs | camera footage | video footage | footage | cctv | surveillance cameras | handhelds | handheld | wearables | truck | trucks | lorry | lorries | delivery vans | buses | locomotives | iot gateway | iot gateways | edge gateway | edge gateways | field gateways',
    zh: '设备 | 终端 | 物联网 | 传感器 | 嵌入式 | 树莓派 | 开发板 | 工控机 | 摄像头 | 电表 | 机器人 | 无人机 | 车载 | 车联网 | 智能硬件 | 小盒子 | 盒子 | 收银机 | 智能终端 | 小主机 | 小电脑 | 工控 | 网关设备 | 边缘盒子 | 监控摄像头 | 监控视频 | 视频流 | 采集器 | 手持终端 | 扫码枪 | 硬件设备 | 终端设备',
  },
  {
    id: 'network',
    en: 'network | networking | connectivity | connection | connections | bandwidth | uplink | internet connection | wan | network link',
    zh: '网络 | 带宽 | 连接 | 链路 | 网速 | 信号 | 专线',
  },
  {
    id: 'flaky-network',
    parents: ['network', 'edge'],
    en: 'flaky network | flaky connection | unreliable network | unstable network | poor connectivity | bad connectivity | intermittent | intermittent connectivity | connection drops | drops connection | loses connection | disconnected | disconnects | offline | goes offline | no internet | spotty | patchy | low bandwidth | satellite link | cellular | 4g | lte | fall off the network | unstable connection | lost connection | connection lost | lose connection | losing connection | network outage | network outages | packet loss | drop off the network | drops off the network | dropping off the network | keeps disconnecting | disconnects from the network',
    zh: '弱网 | 断网 | 离线 | 网络不稳定 | 网络不稳 | 网络差 | 网不好 | 信号差 | 信号不好 | 掉线 | 断线 | 断连 | 没网 | 时断时续 | 带宽低 | 带宽小 | 网络中断 | 网络抖动 | 丢包 | 网络时有时无 | 网络时好时坏 | 网络断断续续 | 网时有时无 | 连不上云端 | 连不上服务器 | 断开连接 | 网一断 | 一断网',
  },

  // Resources: compute, memory, and how well they are used.
  {
    id: 'resources',
    en: 'resources | resource | compute | cpu | cpus | hardware | computing power | machines | servers | not enough compute | out of capacity | short of compute | not enough hardware | compute power',
    zh: '资源 | 算力 | 计算资源 | 硬件 | 服务器 | 机器 | 算力不够 | 算力不足 | 资源不够 | 资源不足 | 算力不够用 | 资源紧张 | 机器不够 | 吃资源 | 耗资源 | 资源消耗',
  },
  {
    id: 'memory',
    parents: ['resources'],
    en: 'memory | ram | footprint | memory footprint | memory usage | out of memory | oom | oom killed | memory hungry | heavy | heavyweight | bloated | too big | huge images | image size | eats ram | eat ram | eats memory | eat memory | memory-hungry | too much memory | too much ram',
    zh: '内存 | 内存占用 | 占内存 | 内存不足 | 爆内存 | 内存溢出 | 资源占用 | 占用 | 太重 | 臃肿 | 镜像大 | 体积大 | 几百兆 | 兆内存 | 内存小 | 内存不够 | 吃内存 | 内存只有 | 占用高',
  },
  {
    id: 'constrained',
    parents: ['resources', 'edge'],
    en: "constrained | resource constrained | resource-constrained | limited resources | low power | low-power | underpowered | weak hardware | low-end | tiny | lightweight | light weight | small footprint | slim | too weak | not powerful enough | can't run | cannot run | small devices | little devices | tiny devices | weak devices | cheap hardware | limited hardware | limited memory | low memory",
    zh: '资源受限 | 资源有限 | 受限 | 轻量 | 轻量级 | 配置低 | 低配 | 低功耗 | 性能弱 | 小设备 | 体积小 | 跑不动 | 带不动 | 算力有限 | 算力小 | 跑不起来 | 配置差 | 资源少 | 小内存',
  },
  {
    id: 'utilisation',
    parents: ['resources', 'cost'],
    en: 'utilisation | utilization | usage | idle | sitting idle | wasted | waste | wasteful | overprovisioned | over-provisioned | underused | underutilised | underutilized | efficiency | efficient | bin packing | sit idle | sits idle | idle most of the day | unused | low usage | wasted capacity | shared gpu | gpu sharing | does nothing | doing nothing | sits unused',
    zh: '利用率 | 使用率 | 闲置 | 浪费 | 空闲 | 空转 | 资源浪费 | 用不满 | 复用 | 利用率低 | 用不上 | 利用不起来 | 抢同一 | 白天闲着 | 白天空着 | 大部分时间闲着 | 忙闲不均 | 峰谷 | 白天忙晚上闲 | 晚上闲 | 白天忙',
  },
  {
    id: 'cost',
    en: 'cost | costs | costly | expensive | too expensive | pricey | spend | spending | overspend | bill | bills | cloud bill | budget | cheaper | cheap | save money | saving money | savings | cost cutting | pay too much | burn money | burning money | price | pricing | spend too much | costs a fortune | cost a fortune | cut costs | lower costs | reduce costs | money pit',
    zh: '成本 | 费用 | 开销 | 开支 | 花钱 | 花费 | 太贵 | 很贵 | 省钱 | 降本 | 降本增效 | 预算 | 账单 | 烧钱 | 省成本 | 性价比 | 价格 | 太费钱 | 费钱 | 花销 | 开销大 | 降成本 | 控制成本 | 成本高 | 云账单 | 钱花得冤 | 冤枉钱 | 白花钱',
  },

  // AI: models, serving them, and the accelerators they run on.
  {
    id: 'ai',
    en: 'ai | artificial intelligence | machine learning | ml | deep learning | neural network | neural networks | model | models | llm | llms | large language model | genai | generative ai | gpt | chatbot | chatbots | computer vision | recommendation model | embeddings | training | model training | speech recognition | speech to text | speech-to-text | transcription | text to speech | ocr | machine translation | nlp | natural language processing | image recognition | object detection | face recognition | recommendation engine | recommender | ai assistant | copilot | classifier | classifiers | image classification | vision model | vision models | detection model | data scientist | data scientists | ml engineers | openai | fine-tune | fine-tuning | fine tune | ranking model | ranking models | personalisation | personalization | predictive model | forecasting model | recommendation | recommendation service | recommendation system | stable diffusion | image generation | text-to-image | text to image | diffusion model | diffusion models | model files | model file',
    zh: '人工智能 | 机器学习 | 深度学习 | 模型 | 大模型 | 大语言模型 | 神经网络 | 生成式 | 聊天机器人 | 智能客服 | 计算机视觉 | 视觉识别 | 图像识别 | 训练 | 模型训练 | 向量 | 语音识别 | 语音转文字 | 语音合成 | 文字识别 | 机器翻译 | 自然语言处理 | 人脸识别 | 目标检测 | 推荐算法 | 推荐模型 | 识别服务 | 分类模型 | 检测模型 | 视觉模型 | 算法模型 | 算法工程师 | 数据科学家 | 微调 | 智能问答 | 问答机器人 | 对话机器人 | 客服机器人 | ai服务 | 推荐服务 | 推荐系统 | 文生图 | 图像生成 | 模型文件 | 模型太大 | 大模型文件',
  },
  {
    id: 'inference',
    parents: ['ai'],
    en: 'inference | inferencing | serving | model serving | serve models | serve a model | predictions | prediction api | online prediction | tokens per second | model api | model endpoint | model responses | completions | time to first token',
    zh: '推理 | 在线推理 | 推理服务 | 预测服务 | 模型服务 | 在线预测 | 推理请求 | 推理速度 | 生成速度 | 模型响应 | 调用模型 | 模型调用 | 模型接口 | 大模型接口',
  },
  {
    id: 'accelerators',
    parents: ['ai', 'resources'],
    en: 'gpu | gpus | graphics card | graphics cards | nvidia | cuda | a100 | h100 | accelerator | accelerators | tpu | tpus | npu | vram | gpu memory | gpu box | gpu boxes | gpu server | gpu servers | gpu node | gpu nodes | gpu cluster',
    zh: '显卡 | 加速卡 | 算力卡 | 显存 | 英伟达 | 昇腾 | 图形卡 | 单卡 | 多卡 | 卡数 | gpu卡 | gpu服务器 | 一块卡 | 同一块卡 | 几块卡 | 多块卡 | 抢卡 | 卡不够 | 计算卡',
  },

  // Change: shipping new versions, and taking them back.
  {
    id: 'rollout',
    en: 'consistent environments | environment consistency | same environment | works on my machine | deploy | deploys | deployment | deployments | rollout | roll out | release | releases | releasing | go live | push to production | upgrade | upgrades | update | updates | updating | new version | hotfix | patch | patching | ci/cd | ship to production | getting it live | get it live | go-live | push out | pushed out | roll it out | put it live | into production | to production',
    zh: '环境一致性 | 环境一致 | 部署 | 上线 | 发布 | 发版 | 升级 | 更新 | 热更新 | 迭代 | 投产 | 打补丁 | 上新版本 | 发新版 | 发布新版本 | 推上线 | 上生产 | 切流量',
  },
  {
    id: 'versions',
    parents: ['rollout'],
    en: 'version | versions | versioning | version control | rollback | roll back | revert | reverting | previous version | old version | registry | roll it back | previous model | last good version | bad version | pin a version',
    zh: '版本 | 版本管理 | 多版本 | 回滚 | 回退 | 旧版本 | 上一个版本 | 版本控制 | 回到上一版 | 上一版 | 版本号 | 换版本',
  },
  {
    id: 'frequent-release',
    parents: ['rollout'],
    en: 'frequent releases | frequent deploys | frequent deployments | frequent updates | frequently updated | updated often | updates often | update often | release often | deploy often | ship often | several times a day | many times a day | multiple times a day | every week | weekly releases | daily releases',
    zh: '频繁更新 | 更新频繁 | 频繁发布 | 发布频繁 | 经常更新 | 经常发布 | 经常上线 | 天天发版 | 一天发好几次 | 一天好几次 | 每周都要更新 | 每周更新 | 每天更新 | 迭代快 | 迭代频繁',
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
    en: 'model version | model versions | model update | model updates | new model | retrain | retrained | retraining | model registry | model rollback | swap models | new model version | model release | model releases | model rollout | push a new model | model swap | model weights',
    zh: '模型版本 | 模型更新 | 新模型 | 重新训练 | 换模型 | 模型迭代 | 模型回滚 | 模型上线 | 上新模型 | 模型发布 | 模型升级 | 换个模型 | 模型切换',
  },

  // Running it: the day-to-day work of keeping many things in shape.
  {
    id: 'operations',
    en: 'operations | ops | operate | manage | managing | management | remote management | monitoring | observability | alerting | alerts | on-call | configuration | config | configure | by hand | manual | manually | toil | complex | complexity | complicated | painful | messy | hard to manage | fleet management | manage hundreds | rerun | re-run | reruns | rerun by hand',
    zh: '运维 | 管理 | 远程管理 | 监控 | 告警 | 报警 | 配置 | 手工 | 手动 | 人工 | 复杂 | 麻烦 | 难管理 | 值班 | 统一管理 | 集中管理 | 批量管理 | 批量升级 | 远程运维 | 运维难 | 一台一台 | 人肉运维 | 难维护 | 重跑 | 人工重跑 | 手动重跑',
  },

  // Data: where it is kept and how it flows.
  {
    id: 'database',
    en: 'database | databases | db | sql | mysql | postgres | postgresql | oracle | queries | slow queries | table locks | deadlock | deadlocks | write load | connection pool | storage | lock contention | row locks | data store | object store | key-value store | replication | write-heavy',
    zh: '数据库 | 慢查询 | 锁表 | 死锁 | 读写 | 连接池 | 存储 | 主库 | 从库 | 行锁 | 锁竞争 | 锁等待 | 写不进去 | 数据库慢 | 分库分表 | 读写分离',
  },
  {
    id: 'cache',
    parents: ['database'],
    en: 'cache | caching | cached | redis | memcached | cdn',
    zh: '缓存 | 缓存层',
  },
  {
    id: 'data-processing',
    en: 'data processing | process data | processing data | data pipeline | data pipelines | pipeline | pipelines | etl | elt | batch | batch job | batch jobs | nightly job | nightly jobs | stream processing | streaming data | analytics | data analytics | data warehouse | data lake | reports | reporting | dashboards | overnight job | overnight jobs | overnight batch | nightly run | nightly runs | cron job | cron jobs | scheduled job | scheduled jobs',
    zh: '数据处理 | 数据管道 | 数据流水线 | 批处理 | 跑批 | 流处理 | 流式计算 | 数据分析 | 数仓 | 数据仓库 | 数据湖 | 报表 | 离线计算 | 实时计算 | 夜里的任务 | 夜间任务 | 夜间作业 | 晚上跑的任务 | 定时任务 | 半夜跑 | 通宵跑',
  },
  {
    id: 'data-collection',
    parents: ['data-processing'],
    en: 'data collection | collect data | collecting data | telemetry | readings | sensor data | measurements | ingest | ingestion | time series | time-series | metrics collection | event data | usage events | clickstream | click events',
    zh: '数据采集 | 采集 | 遥测 | 上报 | 时序数据 | 埋点 | 回传 | 事件数据 | 点击流 | 行为数据',
  },
  ...PLATFORM_CONCEPTS,
  ...OUTSIDE_CONCEPTS,
];
