import type { Asking } from './asking.js';

/**
 * Questions the casebook does not answer, however many of its words they use: one's own outage
 * (troubleshooting), logistics, asking for a person, tooling opinion polls, how to configure a
 * tool, one's own team's plans, life outside the field. And stand-ups, which ask nothing.
 *
 * Patterns run on the lower-cased, NFKC-normalised prose; English alternatives are whole words.
 */
export type OutOfScope =
  | 'troubleshooting'
  | 'logistics'
  | 'people'
  | 'tooling-poll'
  | 'how-to'
  | 'own-work'
  | 'outside';

const en = (alternatives: readonly string[]) => new RegExp(`\\b(?:${alternatives.join('|')})\\b`);
const zh = (alternatives: readonly string[]) => new RegExp(alternatives.join('|'));

/** Something is broken here and now: an error state, a time, a plea to look at it. */
const TROUBLE_HARD = [
  en([
    'crashloop(?:backoff)?',
    'imagepullbackoff',
    'errimagepull',
    'oom-?killed',
    'oom killed',
    'evicted',
    'createcontainer\\w*error',
    'containercreating',
    'failed ?scheduling',
    'failed ?mount',
    'notready',
    'exit (?:code|status)',
    'segfault',
    'sigkill',
    'panic(?:ked|s)?',
    'stack ?trace',
    'traceback',
    '\\w*exception',
    'deadline exceeded',
    'connection (?:refused|reset)',
    'no route to host',
    'i/o timeout',
    'x509',
    'permission denied',
    '50[0-4]s?',
    '(?:http|status|error|errors|getting|got|return(?:s|ing)?|throw(?:s|ing)?|seeing) [45]\\d\\d',
    '[45]\\d\\d (?:error|errors|status|response|responses)',
    '5xx',
    'as of now',
    'since (?:this morning|yesterday|last night|monday|tuesday|wednesday|thursday|friday|the (?:upgrade|update|deploy|deployment|migration|release|weekend)|we (?:upgraded|deployed|migrated|moved|switched)|\\d)',
    'just now',
    '(?:an? |\\d+ )(?:hour|minute|min)s? ago',
    'for the (?:last|past) \\d+',
    "any ?(?:one|body)? ?(?:idea|ideas|clue|clues|thoughts)(?: on)? (?:why|what(?:'s| is| could be| might be) (?:going on|wrong|happening|causing|the (?:cause|problem|issue)))",
    'any ?(?:one|body)? ?(?:idea|ideas|clue|clues)\\s*$',
    'no idea why',
    "what(?:'s| is) (?:going on|wrong|happening|up with)",
    'what am i (?:doing wrong|missing)',
    'is (?:this|that|it) (?:a bug|expected|normal|known)',
    'why (?:am i|do i|are we|is my|is our|are my|are our) (?:getting|seeing|hitting)',
    'how (?:do|can|should|would) (?:i|we) (?:fix|debug|troubleshoot|resolve|get rid of|stop|recover|unblock|clean up|work around)',
    'fix(?:ing)? (?:this|it|that)',
    'debug(?:ging)?',
    'troubleshoot(?:ing)?',
    'root cause',
    '(?:anyone|anybody|someone|somebody) (?:else )?(?:seeing|getting|having|hitting|experiencing)',
    '(?:anyone|anybody|someone|somebody) (?:else )?(?:hit|seen|noticed|run into|ran into|had) (?:this|that|the same|it|these|an? (?:error|issue|problem|bug))',
    'down for (?:anyone|everyone|you|me)',
    'is (?:\\w+ )?(?:down|broken) (?:for|again|right)',
    '(?:take|have) a look',
    '(?:can|could) (?:someone|somebody|anyone|anybody|you) (?:please )?(?:help|check|look|investigate|restart|bounce)',
    'who can (?:look|check|help)',
    'need (?:help|eyes|a hand)',
    'sos',
    'urgent',
    'p[01]',
    'sev ?[0-3]',
    'on fire',
    '(?:cpu|memory|mem|disk|gpu)(?: usage| utili[sz]ation)? (?:is |at |hits |hit )?\\d{2,3} ?%',
    '\\d{2,3} ?% (?:cpu|memory|mem|disk)',
    '(?:went|jumped|spiked|climbed|shot|rose|dropped|fell) (?:up |down )?from [\\d.]+ ?\\w* to',
    "anyone else's",
    "(?:anyone|anybody) else(?:'s)? \\w+(?: \\w+)? (?:stuck|down|broken|failing|slow)",
    'why (?:would|does|do|is|did) (?:that|this|it) (?:happen|be happening)',
    '(?:already )?tried (?:restarting|rebooting|redeploying|deleting|rolling back|bumping|increasing|scaling|reinstalling|recreating|draining)',
  ]),
  /\bideas\s*\?*\s*$/,
];
const TROUBLE_HARD_ZH = zh([
  '报错',
  '错误码',
  '怎么回事',
  '什么情况',
  '啥情况',
  '咋回事',
  '咋了',
  '怎么了',
  '谁能(?:帮忙)?看',
  '帮忙看',
  '帮看',
  '帮我看',
  '帮忙查',
  '排查',
  '定位一下',
  '有人遇到过',
  '遇到过的',
  '一直.{0,4}不到',
  '有没有人遇到',
  '遇到过(?:这个|这种)?(?:问题|情况)?(?:吗|么)',
  '是不是挂了',
  '挂了吗',
  '是bug吗',
  '是不是bug',
  '是.{0,8}问题吗',
  '是不是.{0,8}(?:问题|配置|bug)',
  '正常吗',
  '重启也',
  '重启了也',
  '起不来',
  '拉不起来',
  '进不去了',
  '连不上了',
  '打不开了',
  '告警了',
  '报警了',
  '刚才',
  '刚刚',
  '从早上',
  '早上开始',
  '今早',
  '从昨天',
  '昨晚开始',
  '到现在',
  '一直(?:在)?(?:报|挂|重启|超时|失败|起不来|上不去|下不来|不行|卡|掉|涨|崩|不扩|没扩|扩不|pending|oom|crash)',
  '老是(?:挂|重启|超时|失败|掉|崩|oom)',
  '线上(?:出|又|现在|一直|挂|报|炸)',
  '紧急',
  '从\\s*[\\d.]+\\s*\\w*\\s*(?:涨|升|飙|跳|降|掉|变)(?:到|成)',
  '(?:cpu|内存|磁盘|gpu)\\s*(?:使用率|利用率|占用)?\\s*(?:到了?|是|达到|打满|飙到)?\\s*\\d{2,3}\\s*%',
  '导致.{0,12}(?:失败|报错|异常|超时|不可用|挂)',
  '(?:哪里|哪儿|什么地方)(?:配|写|搞|弄|改)错',
  '配错了',
  '救命',
  '求救',
  '在线等',
]);

/** Something of ours misbehaves (counts only when the message does not ask how it is done). */
const TROUBLE_SOFT = [
  /\b(?:our|my)\b.{0,60}\b(?:keeps?|started|stopped|is|are|isn't|aren't|won't|doesn't|don't|can't|cannot)\b.{0,30}\b(?:fail\w*|crash\w*|down|broken|stuck|dying|restart\w*|timing out|times out|erroring|throttl\w*|flapping|hanging|oom\w*|dropping|leaking|pending|not working|not scaling|not starting)\b/,
  en([
    'right now',
    'atm',
    'at the moment',
    'currently',
    'this morning',
    'tonight',
    'today',
    'keeps? (?:crashing|failing|dying|restarting|timing out|dropping|throwing|going down|falling over|flapping|erroring|getting killed)',
    '(?:started|starts) (?:failing|crashing|throwing|timing out|returning|erroring|dropping)',
    'suddenly',
    'after (?:upgrading|the upgrade|updating|deploying|we deployed|the deploy|the migration|migrating|bumping)',
    "(?:isn't|aren't|won't|doesn't|don't|can't|wouldn't|couldn't|didn't|hasn't|haven't)",
    'even though',
    'stuck (?:in|at|on|scaling|pending|waiting|creating|terminating)',
    'after the (?:power cut|outage|reboot|restart|incident)',
  ]),
  zh([
    '我们(?:这边|的|集群|线上|环境)?.{0,20}(?:挂了|崩了|很慢|卡住|不行了|失败|超时|报错|起不来|上不去|不扩|扩不)',
  ]),
];

const LOGISTICS = [
  en([
    "when(?:'s| is| are| does| do| will| was| should| can)",
    "where(?:'s| is| are| do| can| did| should)",
    'still on',
    '(?:moved|pushed|rescheduled|postponed) to (?:monday|tuesday|wednesday|thursday|friday|today|tomorrow|next|\\d)',
    'on for (?:monday|tuesday|wednesday|thursday|friday|today|tomorrow)',
    'what time',
    '(?:which|what) (?:day|date|room|channel|link|meeting)',
    'meetings?',
    '(?:the|our|a|weekly|daily) sync',
    'standup',
    'stand-up',
    'retro(?:spective)?',
    'all-hands',
    'all hands',
    'town hall',
    '1:1',
    'offsite',
    'off-site',
    'workshop',
    'demo day',
    'calendar',
    'invite',
    'agenda',
    'slides',
    'deck',
    'recording',
    'zoom',
    'webex',
    '(?:the|a|on a|join the) call',
    'room',
    'lunch',
    'dinner',
    'pto',
    'vacation',
    'out of office',
    'ooo',
    'on-?call',
    'rota',
    'on-?call rotation',
    'rescheduled',
    'deadline',
    'due (?:date|by|on)',
    'eta',
    'timeline',
    '(?:code|change) freeze',
    '(?:open|file|raise|create) a ticket',
    'ticket (?:number|id|link)',
    'jira',
    'confluence',
    'wiki',
    'runbook',
    'docs?',
    'document',
    'link',
    'access to',
    'request access',
    'get access',
    'permission to',
    'vpn',
    'badge',
    'headcount',
    'expense',
    'onboarding',
    'sign ?up',
    'register',
    'registration',
    '(?:design|arch|architecture|security) review',
    'post-?mortem',
    'okrs?',
    'sprint',
    'roadmap',
    'release notes',
    'changelog',
    'dashboard',
    'approv(?:ed|al)',
    'quota',
    'been \\w+ yet',
    'status update',
    'update on',
    'repo',
    'slack channel',
    '(?:anyone|anybody|someone|somebody|you) (?:have|has|got|share|send|post)\\b.{0,30}\\b(?:module|modules|script|scripts|template|templates|chart|manifest|dashboard|repo|doc|docs|slides|deck|runbook|notebook|link|file|config|sheet|spreadsheet|terraform)',
    'terraform',
    'approve',
    'pr',
    'pull request',
    'merge request',
    'review (?:my|this|the|our) ',
    'any chance',
    '(?:push|move|postpone|delay) (?:the |our |my )?\\w+(?: \\w+)? (?:to|until|till) (?:after|next|monday|tuesday|wednesday|thursday|friday|tomorrow)',
  ]),
  zh([
    '会议',
    '开会',
    '周会',
    '例会',
    '站会',
    '评审会',
    '复盘会',
    '分享会',
    '培训',
    '几点',
    '哪天',
    '何时',
    '截止',
    '排期',
    '值班',
    '排班',
    '请假',
    '休假',
    '年假',
    '会议室',
    '链接',
    '文档',
    'wiki',
    '周报',
    '日报',
    '汇报',
    '开通',
    '申请(?:权限|账号|资源|机器)',
    '权限申请',
    '报销',
    '团建',
    '聚餐',
    '午饭',
    '吃饭',
    '发我',
    '发一下',
    '发下',
    '共享一下',
    '录屏',
    '录像',
    'ppt',
    '谁负责',
    '谁在排',
    '谁来',
    '谁有空',
    '什么时候(?:开|发|上线|截止|交|评审|开始|结束|到|能好|修好|恢复)',
    '改到(?:几点|明天|下周|周)',
    '延期',
    '推迟',
    '提前到',
    '日程',
    '议程',
    '纪要',
    '复盘报告',
    '封网',
    '冻结期',
    '看板',
    '大盘',
    '仓库地址',
    '群里',
    '拉群',
    '进群',
    '改期',
    '(?:怎么|如何|在哪|去哪|找谁)申请',
    '申请流程',
    '权限(?:怎么|在哪|找谁|申请|开通)',
    '老板',
    '领导',
    '经理',
    '财务',
    '审批',
    '批了吗',
    '批了没',
    '批下来',
    '还开吗',
    '周[一二三四五六日天](?:还|几点|开|是不是)',
  ]),
];

const PEOPLE = [
  /^(?:\W*)(?:who|who's|whom|whose)\b/,
  en([
    "who(?:'s| here| knows| owns| is| can| could| has| have| would| to ask| should i| do i| else| on| from| in)",
    "how(?:'s| is| are) (?:every(?:one|body)|you all|y'all|you guys|the team|things|it going)",
    '(?:anyone|anybody|someone|somebody) (?:from|on|in) (?:the |our )?[\\w-]+(?: [\\w-]+)? (?:team|squad|org|group|folks|people)',
    '(?:is|are) (?:anyone|anybody|someone|somebody) (?:from|on|around|here|online|awake|free|available)',
    'ping (?:me|him|her|them)',
    'dm me',
    'reach out to',
    'point of contact',
    '(?:talk|speak) to (?:someone|somebody|anyone)',
    'intro(?:duce)? (?:me|us)',
    '(?:do|did) you mean',
    'you mean',
    'when you say',
  ]),
  zh([
    '谁(?:熟悉|懂|了解|负责|管|在|有空|知道|会|用过|做过|搞过|能|可以|比较|对|是)',
    '谁(?:那里|那儿|那边|手上|手里)?有(?!.{0,6}(?:案例|经验))',
    '谁(?:测|试|跑|压|验证)过',
    '谁(?:签字|签的|批的|拍板|定的|同意的|审批|来执行|来做|来搞|来弄)',
    '有人(?:熟悉|懂|了解|在|用过|做过|搞过|有空|有经验)',
    '哪位',
    '在吗',
    '在不在',
    '在么',
    '大佬们?(?:在|有)',
    '同学(?:在|们在)',
    '找一下',
    '找下',
    '联系一下',
    '对接人',
    '接口人',
    '有没有(?:人|同学|同事|大佬|朋友)(?:熟悉|懂|了解|做过|搞过|在)',
    '(?:熟悉|做过|搞过|用过|懂|了解|负责).{0,12}的(?:同事|同学|人|大佬|朋友)',
    '拉个会',
    '你说的',
    '你的意思是',
    '你是说',
  ]),
];

const TOOLING_POLL = [
  en([
    '(?<!before |before/)vs\\.?',
    'versus',
    "what(?:'s| is| are| do| does) (?:every(?:one|body)|people|you(?: all| guys| folks)?|your teams?|folks|y'all) (?:using|use|run|running|prefer|recommend|like|go with)",
    '(?:thoughts|opinions|experiences?|feelings|takes?|feedback|impressions) (?:on|about|with)',
    '(?:anyone|anybody|someone|somebody) (?:here )?(?:using|used|tried|running|use|tried out|played with|have experience with|has experience with|evaluated|compared|happy with)',
    'worth (?:it|switching|migrating|the (?:hype|effort|switch|money))',
    "(?:you|people|everyone|folks|y'all) prefer",
    'favou?rite',
    '(?:any|a) recommendations? for (?:a|an)',
    'recommend (?:a|an|any|some)',
    'which (?:one|tool|library|lib|framework|operator|chart|cni|ingress|mesh|provider|vendor|cloud|db|database|distro|gateway) (?:do|should|would|is|are|to)',
    'happy with',
    'pros and cons',
    'hot take',
    'should (?:i|we) (?:use|go with|pick|choose|switch|migrate|move)',
    "is [\\w'.-]+(?: [\\w'.-]+)?(?: [\\w'.-]+)? (?:actually |really |even |still )?(?:any good|good enough|production ready|production-ready|mature|stable enough|ready for)",
    'which (?:is|one is|would be|is the|one would be|of them is) (?:better|best|faster|preferred|more)',
    '(?:has|have) (?:anyone|anybody) (?:here )?(?:reproduced|tried|tested|benchmarked|measured|verified|replicated)',
    '(?:does|do) (?:anyone|anybody) (?:else )?(?:here )?think',
    'do you (?:guys |all |folks )?think',
    'anyone else think',
    'overkill',
    '^[\\w.-]+(?: [\\w.-]+)? or [\\w.-]+(?: [\\w.-]+)? (?:for|to|in|on|with)',
  ]),
  /\bor\b.*\b(?:everyone|everybody|you all|y'all|folks|you guys|your team|do you|these days|nowadays|prefer|better|recommend|go with|pick|choose)\b/,
  zh([
    '(?:用|选|上)[^,，\\n]{1,20}还是',
    '还是[^,，\\n]{1,20}(?:好|更好|靠谱|合适|香)',
    '(?:你们|大家|各位).{0,20}还是',
    '(?:大家|你们|各位)(?:公司|团队|那边)?(?:都|一般)?(?:用|选)(?:的)?(?:什么|啥|哪|是)',
    '哪个(?:好|更好|靠谱|稳定|好用|合适)',
    '好用吗',
    '好不好用',
    '用着怎么样',
    '体验(?:怎么样|如何)',
    '推荐(?:一下|个|一个|下)(?!.{0,6}(?:案例|架构|方案))',
    '值得(?:用|上|换|迁移|升级)',
    '有人(?:在)?用过',
    '评价一下',
    '怎么看',
    '(?:什么|啥)看法',
    '对比一下',
    '选哪个',
    '杀鸡用牛刀',
    '大材小用',
    '过度设计',
    '^[\\w.-]+\\s*(?:还是|或者)\\s*[\\w.-]+',
  ]),
];

/** A poll or survey of the channel, wherever the message says so. */
const POLL = /\b(?:poll|survey|show of hands|how many of (?:you|us))\b|投票|调查一下|举个手|举手/;

/** A tool's own operations ("roll back a helm release", "helm怎么回滚"): its manual answers them, not a case. */
const TOOL = String.raw`(?:helm|kubectl|docker|terraform|git|argo ?cd|argo|flux|istioctl|istio|keda|karpenter|kustomize|prometheus|grafana|jenkins|kafka|redis|nginx)`;
const TOOL_OPERATION = new RegExp(
  [
    String.raw`\bhow (?:do|can|should|would|to) (?:i |you |we )?(?:roll ?back|rollback|revert|install|uninstall|upgrade|configure|restart|delete|debug|template|lint|tag|push|pull|log ?in|set)\b.{0,40}\b${TOOL}\b`,
    String.raw`\b${TOOL}\b.{0,40}\b(?:roll ?back|rollback|revert|install|uninstall|upgrade|configure|restart|delete|template|lint)\b`,
    String.raw`\b${TOOL}\b.{0,20}(?:怎么|如何|咋)(?:回滚|升级|安装|卸载|配置|设置|删除|重启|调试|打包|推送|拉取|登录)`,
  ].join('|'),
);

/**
 * Kubernetes' and tools' own objects and knobs ("node pool", "taint", "helm release", "探针"): a
 * question about them is about configuring a cluster, which no case walks through.
 */
const CLUSTER_OBJECT =
  /\b(?:namespaces?|configmaps?|service ?accounts?|node ?pools?|taints?|tolerations?|(?:node |pod )?affinity|pvcs?|persistent volumes?|helm (?:releases?|charts?|values)|values\.yaml|crds?|sidecars?|(?:liveness|readiness|startup) probes?|probes?|revisions?|target cpu|cron scaler|resource (?:requests|limits)|requests and limits|quotas?)\b|命名空间|污点|容忍|亲和性|探针|配额|资源限制/;

const HOW_TO = [
  TOOL_OPERATION,
  CLUSTER_OBJECT,
  en([
    'how (?:do|can|should|would) (?:i|you) (?:configure|config|set up|setup|install|write|enable|disable|tune|pass|mount|expose|upgrade|template|patch|override)',
    'how to (?:configure|config|set up|setup|install|write|enable|disable|add|set|tune|pass|mount|expose|upgrade|delete|remove|create|template|patch|override)',
    "what(?:'s| is) the (?:command|flag|syntax|annotation|field|setting|option|parameter|param|value|default)",
    '(?:syntax|flag|annotation|parameter|field|env var|environment variable|values\\.yaml|helm values) (?:for|to)',
    'does \\w+(?: \\w+)? support',
    'is there a (?:way|flag|option|setting|knob) to',
    'what (?:does|is) .{1,40} (?:even |actually )?mean',
    'difference between',
    'scale to zero',
    "^what(?:'s| is| are) (?:a |an )?[\\w-]+$",
    'eli5',
    'explain like',
    'what (?:a|an) [\\w ]{1,30} (?:actually |really |even )?(?:does|is)',
    'how (?:do|can|should) i (?:set|add|create|get|make|change|increase|decrease|limit|give|assign|allocate|request)',
  ]),
  zh([
    '怎么(?:配置|配|写|装|安装|设置|开启|关闭|打开|启用|禁用|调参|传参|挂载|暴露)',
    '(?:命令|参数|配置项|字段|注解|语法)是(?:什么|啥)',
    '(?:yaml|helm|values|chart).{0,10}怎么写',
    '(?:有什么|有啥|的)区别',
    '什么意思',
    '支持不支持',
    '能不能(?:根据|按|基于|设置|配置)',
    '缩到0',
    '^什么是',
    '干嘛的',
    '干什么的',
    '是做什么的',
    '有什么用',
    '通俗',
    '^[\\w-]+是(?:什么|啥)(?:东西)?$',
    '缩容到0',
  ]),
];

/**
 * A question about one's own system's state or numbers ("what's our SLO", "我们的SLA是多少",
 * "我们这边能落地吗"), not about how it is done elsewhere ("how should we …", "我们…怎么扛").
 */
const OWN_STATE = /\b(?:our|my)\b|我们|咱们|我司|我这/;
const OWN_STATE_ASK =
  /\b(?:is|are|was|were|what's|what is|what are|how is|how are|current|currently|now|right|ok|enough|still)\b|是|现在|目前|当前|吗|多少|几|够不够|行不行|能不能|可不可以|难度/;
const HOW_ASK = /\bhow (?:do|does|did|should|could|can|would|might|to)\b|怎么|如何|咋/;

/** Sizing or planning one's own system ("how many replicas should …", "要配多少副本"). */
const OWN_SIZING = [
  /^(?:did|has|have|is|are|was|were) (?:the |our |that |this |my )?[\w ]{1,40}? (?:go out|went out|gone out|ship|shipped|land|landed|merged|deployed|released|rolled out|live|done|finished|fixed|approved)\b/,
  /(?:上线|发布|合入|合并|部署|处理|修复|搞定|升级|发版)(?:了吗|完了吗|了没|完成了吗|好了吗|完了没)/,
  /\b(?:wonder|wondering|curious) (?:if|whether) (?:we|our|i)\b/,
  /\bwhy did we\b|\bback then\b|当时|当初|那时候/,
  /\banything (?:i|we) (?:forgot|missed|overlooked|should)\b|\bwhat am i forgetting\b|\bdid i miss\b/,
  /\bhow (?:many|much) \w+(?: \w+)? (?:should|do|does|will|would|shall) (?:we|i|our|the|my|it|this)\b/,
  /\bhow (?:many|much) \w+(?: \w+)? should\b/,
  /(?:要|需要|得|应该)(?:配|给|开|加|准备|申请|留)?多少/,
];

const OWN_WORK = [
  /^(?:did|have|has|are|were|do|does|will|is) (?:we|you|u|our|the team)\b/,
  en([
    '(?:anything|what) else (?:we|i) (?:should|need|must|might|missed|missing)',
    'am i missing',
    'sanity[ -]check',
    'review my',
    'look over',
    'does this (?:look|sound) (?:right|ok|okay|good|sane|reasonable)',
  ]),
  zh([
    '^我们(?:是不是|要不要|还要|需要|有没有|已经|还)',
    '咱们',
    '帮我(?:看|review|过一下|审)',
    '我这样.{0,10}(?:对吗|可以吗|行吗|合理吗)',
  ]),
];

const OUTSIDE = [
  en([
    'lunch',
    'dinner',
    'breakfast',
    'food',
    'restaurants?',
    'coffee',
    'beer',
    'weather',
    'rain',
    'movies?',
    'film',
    'novel',
    'podcast',
    'music',
    'songs?',
    'concert',
    'gym',
    'workout',
    'marathon',
    'rent',
    'apartment',
    'mortgage',
    'visa',
    'taxes',
    'parking',
    'flights?',
    'hotels?',
    'vacation',
    'travel',
    'wedding',
    'birthday',
    'baby',
    'kids?',
    'school',
    'standing desk',
    'chair',
    'keyboard',
    'mouse',
    'headphones',
    'macbook',
    'iphone',
    'android phone',
    'ipad',
    'handle returns',
    'product returns',
    'self-checkout',
    'vending machines?',
  ]),
  zh([
    '午饭',
    '晚饭',
    '早饭',
    '吃饭',
    '好吃',
    '餐厅',
    '咖啡',
    '奶茶',
    '天气',
    '下雨',
    '电影',
    '电视剧',
    '小说',
    '健身',
    '房租',
    '租房',
    '买房',
    '签证',
    '个税',
    '停车',
    '机票',
    '酒店',
    '旅游',
    '度假',
    '婚礼',
    '生日',
    '孩子',
    '键盘',
    '鼠标',
    '显示器',
    '耳机',
    '笔记本电脑',
    '苹果手机',
    '椅子',
    '外卖',
    '快递',
    '买了(?:啥|什么)',
    '便宜的',
    '抢到',
  ]),
];

/** A stand-up or status report: labelled lines ("yesterday: … today: …", "进展：…"). */
const STANDUP_LABEL =
  /^\s*(?:yesterday|today|tomorrow|blockers?|blocked|done|doing|next|wip|plan|progress|update|status|standup|stand-up|eod|sod|daily update|status update|weekly update|进展|日报|周报|站会|今日|昨日|今天|昨天|明天|本周|下周|阻塞|风险|计划|完成)\s*[:：-]/i;

export function isStandup(prose: string): boolean {
  const lines = prose.split('\n');
  const labelled = lines.filter((l) => STANDUP_LABEL.test(l)).length;
  return (
    labelled >= 2 ||
    /^\s*(?:standup|stand-up|daily update|eod update|status update|站会|日报|周报)\b/i.test(prose)
  );
}

const any = (patterns: readonly RegExp[], text: string) => patterns.some((p) => p.test(text));

/**
 * Why the casebook does not answer this question, or null when it might. `asking.asks` are the
 * asking sentences; `prose` is the whole message (lower-cased), for what its setting says.
 */
export function outOfScope(
  asking: Asking,
  prose: string,
  mentionsSomeone: boolean,
  identifiers: boolean,
): OutOfScope | null {
  const asks = asking.asks.join('\n');
  const each = (patterns: readonly RegExp[]) => asking.asks.some((a) => any(patterns, a));
  if (any(TROUBLE_HARD, prose) || TROUBLE_HARD_ZH.test(prose)) return 'troubleshooting';
  if (asking.kind !== 'approach' && any(TROUBLE_SOFT, prose)) return 'troubleshooting';
  if (mentionsSomeone || each(PEOPLE)) return 'people';
  if (any(LOGISTICS, asks)) return 'logistics';
  if (any(TOOLING_POLL, asks) || POLL.test(prose)) return 'tooling-poll';
  if (identifiers || any(HOW_TO, asks)) return 'how-to';
  if (any(OWN_SIZING, asks)) return 'own-work';
  if (asking.asks.some((a) => OWN_STATE.test(a) && OWN_STATE_ASK.test(a) && !HOW_ASK.test(a))) {
    return 'own-work';
  }
  if (asking.kind !== 'approach' && each(OWN_WORK)) return 'own-work';
  if (any(OUTSIDE, prose)) return 'outside';
  return null;
}

/** In a thread, "we" and "our" are the asker's team, not the case: asking about them is not asking the casebook. */
const THREAD_OWN =
  /\b(?:our|ours|we're|we've|we'd|we)\b(?! (?:see|get|have a look|look at))|我们(?!看)|咱们|我司/;

export function aboutOwnTeam(asking: Asking): boolean {
  return asking.asks.some((a) => THREAD_OWN.test(a));
}
