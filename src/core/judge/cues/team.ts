import { en, zh } from '../cue.js';

/**
 * The team's own business: logistics (meetings, links, access, dates), asking for a person, and
 * opinion polls about tools. Patterns run on the lower-cased, NFKC-normalised asking clauses.
 */
export const LOGISTICS = [
  en`
    when(?:'s| is| are| does| do| will| was| should| can) |
    where(?:'s| is| are| do| can| did| should) | still on |
    (?:moved|pushed|rescheduled|postponed) to (?:monday|tuesday|wednesday|thursday|friday|today|tomorrow|next|\d) |
    on for (?:monday|tuesday|wednesday|thursday|friday|today|tomorrow) | what time |
    (?:which|what) (?:day|date|room|channel|link|meeting) | meetings? |
    (?:the|our|a|weekly|daily) sync | standup | stand-up | retro(?:spective)? | all-hands |
    all hands | town hall | 1:1 | offsite | off-site | workshop | demo day | calendar | invite |
    agenda | slides | deck | recording | zoom | webex | (?:the|a|on a|join the) call | room |
    lunch | dinner | pto | vacation | out of office | ooo | on-?call | rota | on-?call rotation |
    rescheduled | deadline | due (?:date|by|on) | eta | timeline | (?:code|change) freeze |
    (?:open|file|raise|create) a ticket | ticket (?:number|id|link) | jira | confluence | wiki |
    runbook | docs? | document | link | access to | request access | get access | permission to |
    vpn | badge | headcount | expense | onboarding | sign ?up | register | registration |
    (?:design|arch|architecture|security) review | post-?mortem | okrs? | sprint | roadmap |
    release notes | changelog | dashboard | approv(?:ed|al) | quota | been \w+ yet |
    status update | update on | repo | slack channel |
    (?:anyone|anybody|someone|somebody|you) (?:have|has|got|share|send|post)\b.{0,30}\b(?:module|modules|script|scripts|template|templates|chart|manifest|dashboard|repo|doc|docs|slides|deck|runbook|notebook|link|file|config|sheet|spreadsheet|terraform) |
    terraform | approve | pr | pull request | merge request | review (?:my|this|the|our) |
    any chance |
    (?:push|move|postpone|delay) (?:the |our |my )?\w+(?: \w+)? (?:to|until|till) (?:after|next|monday|tuesday|wednesday|thursday|friday|tomorrow)
  `,
  zh`
    会议 | 开会 | 周会 | 例会 | 站会 | 评审会 | 复盘会 | 分享会 | 培训 | 几点 | 哪天 | 何时 | 截止 | 排期 | 值班 | 排班 | 请假 | 休假 |
    年假 | 会议室 | 链接 | 文档 | wiki | 周报 | 日报 | 汇报 | 开通 | 申请(?:权限|账号|资源|机器) | 权限申请 | 报销 | 团建 | 聚餐 | 午饭 |
    吃饭 | 共享一下 | 录屏 | 录像 | ppt | 谁负责 | 谁在排 | 谁来 | 谁有空 |
    什么时候(?:开|发|上线|截止|交|评审|开始|结束|到|能好|修好|恢复) | 改到(?:几点|明天|下周|周) | 延期 | 推迟 | 提前到 | 日程 | 议程 | 纪要 |
    复盘报告 | 封网 | 冻结期 | 看板 | 大盘 | 仓库地址 | (?<!集)群里 | 拉群 | 进群 | 改期 | (?:怎么|如何|在哪|去哪|找谁)申请 | 申请流程 |
    权限(?:怎么|在哪|找谁|申请|开通) | 老板 | 领导 | 经理 | 财务 | 审批 | 批了吗 | 批了没 | 批下来 | 还开吗 |
    周[一二三四五六日天](?:还|几点|开|是不是)
  `,
];

export const PEOPLE = [
  /^(?:\W*)(?:who|who's|whom|whose)\b/,
  // How people feel or what they think, did or saw: a question for them, not for a casebook.
  en`
    how (?:is|are|was|were|did|do|does) [\w ]{1,30} (?:feeling|feel|taking it|reacting|react|finding it|coping) |
    what (?:does|do|did) (?:the |your |our )?[\w ]{1,30} think |
    did (?:you|anyone|anybody|y'all|you guys|everyone) (?:all )?(?:see|hear|catch|watch|read|notice) |
    (?:have|has) (?:you|anyone|anybody|y'all|everyone) (?:all )?(?:seen|heard|read|noticed|watched|caught) (?:the|this|that|these|those|my|our|his|her|what|if|whether) |
    how (?:do|can|should|would|did) (?:i|we|you) (?:convince|persuade|pitch|sell|justify|get buy-in|get approval|get sign-off|talk (?:to|with)|explain (?:it |this |that )?to)
  `,
  en`
    who(?:'s| here| knows| owns| is| can| could| has| have| would| to ask| should i| do i| else| on| from| in) |
    how(?:'s| is| are) (?:every(?:one|body)|you all|y'all|you guys|the team|things|it going) |
    (?:anyone|anybody|someone|somebody) (?:from|on|in) (?:the |our )?[\w-]+(?: [\w-]+)? (?:team|squad|org|group|folks|people) |
    (?:is|are) (?:anyone|anybody|someone|somebody) (?:from|on|around|here|online|awake|free|available) |
    ping (?:me|him|her|them) | dm me | reach out to | point of contact |
    (?:talk|speak) to (?:someone|somebody|anyone) | intro(?:duce)? (?:me|us) |
    (?:do|did) you mean | you mean | when you say
  `,
  zh`
    谁(?:熟悉|懂|了解|负责|管|在|有空|知道|会|用过|做过|搞过|能|可以|比较|对|是) | 谁(?:那里|那儿|那边|手上|手里)?有(?!.{0,6}(?:案例|经验)) |
    谁(?:测|试|跑|压|验证)过 | 谁(?:签字|签的|批的|拍板|定的|同意的|审批|来执行|来做|来搞|来弄) | 有人(?:熟悉|懂|了解|在|用过|做过|搞过|有空|有经验) |
    哪位 | 在吗 | 在不在 | 在么 | 大佬们?(?:在|有) | 同学(?:在|们在) | 找一下 | 找下 | 联系一下 | 对接人 | 接口人 |
    有没有(?:人|同学|同事|大佬|朋友)(?:熟悉|懂|了解|做过|搞过|在) | (?:熟悉|做过|搞过|用过|懂|了解|负责).{0,12}的(?:同事|同学|人|大佬|朋友) |
    拉个会 | 你说的 | 你的意思是 | 你是说
  `,
];

export const TOOLING_POLL = [
  en`
    what(?:'s| is| are| do| does) (?:every(?:one|body)|people|you(?: all| guys| folks)?|your teams?|folks|y'all) (?:using|use|run|running|prefer|recommend|like|go with) |
    (?:thoughts|opinions|experiences?|feelings|takes?|feedback|impressions) (?:on|about|with) |
    (?:anyone|anybody|someone|somebody) (?:here )?(?:using|used|tried|running|use|tried out|played with|have experience with|has experience with|evaluated|compared|happy with) |
    worth (?:it|switching|migrating|the (?:hype|effort|switch|money)) |
    (?:you|people|everyone|folks|y'all) prefer | favou?rite |
    (?:any|a) recommendations? for (?:a|an) | recommend (?:a|an|any|some) |
    which (?:one|tool|library|lib|framework|operator|chart|cni|ingress|mesh|provider|vendor|cloud|db|database|distro|gateway) (?:do|should|would|is|are|to) |
    happy with | pros and cons | hot take |
    should (?:i|we) (?:use|go with|pick|choose|switch|migrate|move) |
    is [\w'.-]+(?: [\w'.-]+)?(?: [\w'.-]+)? (?:actually |really |even |still )?(?:any good|good enough|production ready|production-ready|mature|stable enough|ready for) |
    which (?:is|one is|would be|is the|one would be|of them is) (?:better|best|faster|preferred|more) |
    (?:has|have) (?:anyone|anybody) (?:here )?(?:reproduced|tried|tested|benchmarked|measured|verified|replicated) |
    (?:does|do) (?:anyone|anybody) (?:else )?(?:here )?think |
    do you (?:guys |all |folks )?think | anyone else think | overkill |
    ^[\w.-]+(?: [\w.-]+)? or [\w.-]+(?: [\w.-]+)? (?:for|to|in|on|with)
  `,
  /\bor\b.*\b(?:everyone|everybody|you all|y'all|folks|you guys|your team|do you|these days|nowadays|prefer|better|recommend|go with|pick|choose)\b/,
  zh`
    (?:用|选|上)[^,，\n]{1,20}还是 | 还是[^,，\n]{1,20}(?:好|更好|靠谱|合适|香) | (?:你们|大家|各位).{0,20}还是 |
    (?:大家|你们|各位)(?:公司|团队|那边)?(?:都|一般)?(?:用|选)(?:的)?(?:什么|啥|哪|是) | 哪个(?:好|更好|靠谱|稳定|好用|合适) | 好用吗 |
    好不好用 | 用着怎么样 | 体验(?:怎么样|如何) | 推荐(?:一下|个|一个|下)(?!.{0,6}(?:案例|架构|方案)) | 值得(?:用|上|换|迁移|升级) |
    有人(?:在)?用过 | 评价一下 | 怎么看 | (?:什么|啥)看法 | 对比一下 | 选哪个 | 杀鸡用牛刀 | 大材小用 | 过度设计 |
    ^[\w.-]+\s*(?:还是|或者)\s*[\w.-]+
  `,
];

/** A channel named in a question ("post it in #ml-platform", "is there a #sre channel?"): where to talk. */
export const CHANNEL_NAMED = /(?:^|\s)#[a-z][\w-]{1,40}\b/;

/**
 * Asking someone present to do a task ("can someone draw …", "could anyone run …"), not to share
 * what they know. ("Can you …" in a thread casebot answered asks casebot for more of the case.)
 */
export const TASK_FOR_SOMEONE =
  /^(?:(?:hey|hi|so|ok|also|pls|please)\W+)?(?:can|could|would|will) (?:someone|somebody|anyone|anybody|you|one of you) (?:please |pls |quickly |kindly )?(?!explain|share|point|tell|describe|summari[sz]e|show|recommend|suggest|help me understand|walk|link|give)[a-z]+\b/;

/** Two named tools set against each other anywhere in the message ("ArgoCD or Flux for the edge sites"). */
export const TOOLS_COMPARED =
  /^[\w.-]+(?: [\w.-]+)? (?:or|vs\.?|versus) [\w.-]+(?: [\w.-]+)? (?:for|to|in|on|with)\b|\bwhich (?:one|of (?:them|the two|these|those))\b.{0,40}\b(?:better|best|faster|more|less)\b/m;

/**
 * Two things set side by side ("Terraform vs Pulumi?"): a poll, unless the message asks how
 * something is done ("what latency can you get at the edge vs the cloud?").
 */
export const VERSUS = /(?<!\bbefore |\bbefore\/)\b(?:vs\.?|versus)(?=\s|$)/;

/** A poll or survey of the channel, wherever the message says so. */
export const POLL =
  /\b(?:poll|survey|show of hands|how many of (?:you|us))\b|投票|调查一下|举个手|举手/;
