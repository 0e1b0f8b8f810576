import { en, zh } from '../cue.js';

/**
 * One's own team's system, numbers, plans and history, and life outside the field. Patterns run
 * on the lower-cased, NFKC-normalised prose or asking clauses.
 */

/**
 * A question about one's own system's state or numbers ("what's our SLO", "我们的SLA是多少",
 * "我们这边能落地吗"), not about how it is done elsewhere ("how should we …", "我们…怎么扛").
 */
export const OWN_STATE = /\b(?:our|my)\b|我们|咱们|我司|我这/;
export const OWN_STATE_ASK =
  /\b(?:is|are|was|were|what's|what is|what are|how is|how are|current|currently|now|right|ok|enough|still)\b|是|现在|目前|当前|吗|多少|几|够不够|行不行|能不能|可不可以|难度/;
export const HOW_ASK = /\bhow (?:do|does|did|should|could|can|would|might|to)\b|怎么|如何|咋/;

/** Sizing or planning one's own system ("how many replicas should …", "要配多少副本"). */
export const OWN_SIZING = [
  /^(?:did|has|have|is|are|was|were) (?:the |our |that |this |my )?[\w ]{1,40}? (?:go out|went out|gone out|ship|shipped|land|landed|merged|deployed|released|rolled out|live|done|finished|fixed|approved)\b/,
  /(?:上线|发布|合入|合并|部署|处理|修复|搞定|升级|发版)(?:了吗|完了吗|了没|完成了吗|好了吗|完了没)/,
  // One's own document or plan is ready yet ("今年 618 的活动方案出来了吗").
  /(?:出来|定下来|定了|确定|发出来|写好|做好|批下来)(?:了吗|了没|没有|了么)/,
  /\b(?:wonder|wondering|curious) (?:if|whether) (?:we|our|i)\b/,
  /\bwhy did we\b|\bback then\b|当时|当初|那时候/,
  /\banything (?:i|we) (?:forgot|missed|overlooked|should)\b|\bwhat am i forgetting\b|\bdid i miss\b/,
  /\bhow (?:many|much) \w+(?: \w+)? (?:should|do|does|will|would|shall) (?:we|i|our|the|my|it|this)\b/,
  /\bhow (?:many|much) \w+(?: \w+)? should\b/,
  /(?:要|需要|得|应该)(?:配|给|开|加|准备|申请|留)?多少/,
];

export const OWN_WORK = [
  /^(?:did|have|has|are|were|do|does|will|is) (?:we|you|u|our|the team)\b/,
  en`
    (?:anything|what) else (?:we|i) (?:should|need|must|might|missed|missing) | am i missing |
    sanity[ -]check | review my | look over |
    does this (?:look|sound) (?:right|ok|okay|good|sane|reasonable)
  `,
  zh`
    ^我们(?:是不是|要不要|还要|需要|有没有|已经|还) | 咱们 | 帮我(?:看|review|过一下|审) | 我这样.{0,10}(?:对吗|可以吗|行吗|合理吗) |
    要不要 | 该不该 | 需不需要 | 用不用 | 要[^，,？?]{1,15}(?:吗|么)$
  `,
];

export const OUTSIDE = [
  // The price of a thing to buy ("how much does an H100 cost", "GPU 卡多少钱一张").
  /\bhow much (?:does|do|is|are|would|will) (?:a|an|one|the|those|these)? ?[\w -]{1,30} (?:cost|go for|sell for)\b(?! to\b)|多少钱|什么价|价格多少|售价/,
  en`
    lunch | dinner | breakfast | food | restaurants? | coffee | beer | weather | rain | movies? |
    film | novel | podcast | (?:get|buy|grab|score) tickets? | music | songs? | gym | workout | marathon | rent |
    apartment | mortgage | visa | taxes | parking | flights? | hotels? | vacation | travel |
    wedding | birthday | baby | kids? | school | standing desk | chair | keyboard | mouse |
    headphones | macbook | iphone | android phone | ipad | handle returns | product returns |
    self-checkout | vending machines? |
    for (?:my|a|our|the) (?:thesis|dissertation|homework|assignment|class|course|essay|term paper|coursework)
  `,
  zh`
    午饭 | 晚饭 | 早饭 | 吃饭 | 好吃 | 餐厅 | 咖啡 | 奶茶 | 天气 | 下雨 | 电影 | 电视剧 | 小说 | 健身 | 房租 | 租房 | 买房 | 签证 |
    个税 | 停车 | 机票 | 酒店 | 旅游 | 度假 | 婚礼 | 生日 | 孩子 | 键盘 | 鼠标 | 显示器 | 耳机 | 笔记本电脑 | 苹果手机 | 椅子 | 外卖 |
    快递 | 买了(?:啥|什么) | 便宜的 | 抢到 | 写论文 | 毕业论文 | 毕业设计 | 毕设 | 课程作业 | 大作业
  `,
];

/**
 * A figure of one's own: asked with "we", "our", a time that is now or near ("right now", "last
 * month", "下季度", "现在") or a budget, and not about how others do it ("一般", "usually",
 * "they"). "How much did we spend last month" is not "how much did they save".
 */
export const OWN_FIGURE = {
  figure:
    /\bhow (?:much|many|long|fast)\b|\bwhat(?:'s| is| are| was) (?:the|our|my) (?:p\d\d|latency|qps|rps|cost|bill|spend|budget|sla|slo|availability|uptime)\b|多少|多久|几个|几台/,
  ours: /\b(?:we|our|us|my|i)\b|我们|咱们|我司|我这|我的|预算|budget/,
  now: /\b(?:right now|now|currently|current|at the moment|today|tonight|yesterday|(?:this|last|next) (?:week|month|quarter|year|sprint))\b|现在|目前|当前|今天|昨天|上周|本周|这周|上个月|这个月|本月|下个月|下季度|本季度|今年/,
  general:
    /\b(?:usually|typically|generally|in general|people|others|they|their|the case|these days|nowadays)\b|一般|业界|通常|大家|别人|案例|那个/,
};

/**
 * A setting that is one's own system ("我们现在两个都配了", "we run KEDA and HPA side by side"):
 * a question set in it is about that system unless it asks how others do it (`OTHERS`).
 */
export const OWN_SETTING =
  /\b(?:we|we're|we've|we'd|our|ours|us|currently|right now|at the moment)\b|我们|咱们|我司|我这边|现在|目前|当前/;

/** Asking about others' ways: a case, an example, what is usual, other teams, the industry. */
export const OTHERS = [
  en`
    cases? | case stud(?:y|ies) | examples? | write-?ups? | references? | precedents? | stor(?:y|ies) |
    blueprints? | prior art | real[- ]world | in production | others | other (?:teams|companies|shops|banks|people|orgs) |
    people | teams | companies | orgs | usually | typically | generally | in general | normally |
    industry | common(?:ly)? | standard | best practices? | recommended | proven | anyone (?:done|did|doing|who)
  `,
  /\bhow (?:do|did|does|would|should|could|can) (?:the |other |big |large |most |some )?[a-z-]+s\b(?<!\b(?:this|its|has|was|is|does|yes|us|as))/,
  zh`
    别人 | 业界 | 业内 | 行业 | 大家(?:一般|都|通常) | 一般 | 通常 | 案例 | 参考 | 实践 | 经验 | 大厂 | 其他 | 别家 | 同行 | 有没有人做过 | 例子
  `,
];

/**
 * A time near now ("last night", "tomorrow", "上周"): a question set then is about an event of the
 * team's own ("how did the migration go last night?"), which no case was at.
 */
export const RECENT_TIME = [
  en`
    last night | yesterday | this morning | this afternoon | this evening | earlier today | today |
    tonight | tomorrow | this week | last week | next week | this sprint | last sprint | next sprint |
    on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) | over the weekend | this weekend
  `,
  zh`昨晚 | 昨天 | 前天 | 今早 | 今天 | 今晚 | 明天 | 后天 | 本周 | 这周 | 上周 | 下周 | 周末 | 刚才 | 早上 | 上午 | 下午 | 晚上`,
];

/**
 * Asking for a case by what it is: a case, an example, a write-up, numbers from a real setup,
 * anything in the casebook ("any numbers from a real setup?", "有没有…的真实案例").
 */
export const CASE_REQUEST = [
  en`
    (?:any|a|an|some|good|real|public|concrete|known) (?:case|case stud(?:y|ies)|cases|examples?|write-?ups?|reference architectures?|precedents?) |
    (?:in|from|on) (?:the )?(?:casebook|case ?book|casebot) | (?:casebook|casebot) (?:have|has|got) |
    (?:do|does) (?:we|you|anyone) have (?:something|anything|a case|an example|any cases?|any examples?) (?:on|about|for|covering|re|with) |
    which (?:case|cases|example|one) (?:talks? about|covers?|mentions?|is about|deals? with|has|uses|describes?) |
    (?:numbers|data|figures|stats) from (?:a |an )?(?:real|actual|production) | real[- ]world (?:examples?|numbers|data|cases?)
  `,
  zh`案例库 | 有没有[^，,]{0,30}(?:案例|例子) | (?:有|找|求|看看)[^，,]{0,10}(?:案例|例子|参考架构) | 真实案例 | 落地案例 | 实际数据 | 真实数据`,
];

/**
 * A decision for one's own team ("should we put redis in front of mysql?", "我们该不该拆"):
 * however it names a part of a system, the team decides it, not a case.
 */
export const OWN_DECISION = [
  /^(?:(?:so|ok|and|but|also|then)\s+)?(?:should|shall|must) (?:we|i)\b/,
  zh`我们(?:要不要|该不该|应不应该|是不是应该|需不需要) | ^(?:那)?(?:要不要|该不该|应不应该)`,
];
