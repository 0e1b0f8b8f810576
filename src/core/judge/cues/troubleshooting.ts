import { en, zh } from '../cue.js';

/**
 * Troubleshooting one's own system: an error state, a time, a plea to look at it (hard: always
 * out of scope), or one's own thing misbehaving (soft: unless the message asks how it is done).
 * Patterns run on the lower-cased, NFKC-normalised prose.
 */

/** Something is broken here and now: an error state, a time, a plea to look at it. */
export const TROUBLE_HARD = [
  en`
    crashloop(?:backoff)? | imagepullbackoff | errimagepull | oom-?killed | oom killed | evicted |
    createcontainer\w*error | containercreating | failed ?scheduling | failed ?mount | notready |
    exit (?:code|status) | segfault | sigkill | panic(?:ked|s)? | stack ?trace | traceback |
    \w*exception | deadline exceeded | connection (?:refused|reset) | no route to host |
    i/o timeout | x509 | permission denied | 50[0-4]s? |
    (?:http|status|error|errors|getting|got|return(?:s|ing)?|throw(?:s|ing)?|seeing) [45]\d\d |
    [45]\d\d (?:error|errors|status|response|responses) | 5xx | as of now |
    since (?:this morning|yesterday|last night|monday|tuesday|wednesday|thursday|friday|the (?:upgrade|update|deploy|deployment|migration|release|weekend)|we (?:upgraded|deployed|migrated|moved|switched)|\d) |
    just now | (?:an? |\d+ )(?:hour|minute|min)s? ago | for the (?:last|past) \d+ |
    any ?(?:one|body)? ?(?:idea|ideas|clue|clues|thoughts)(?: on)? (?:why|what(?:'s| is| could be| might be) (?:going on|wrong|happening|causing|the (?:cause|problem|issue))) |
    any ?(?:one|body)? ?(?:idea|ideas|clue|clues)\s*$ | no idea why |
    what(?:'s| is) (?:going on|wrong|happening|up with) | what am i (?:doing wrong|missing) |
    is (?:this|that|it) (?:a bug|expected|normal|known) |
    why (?:am i|do i|are we|is my|is our|are my|are our) (?:getting|seeing|hitting) |
    how (?:do|can|should|would) (?:i|we) (?:fix|debug|troubleshoot|resolve|get rid of|stop|recover|unblock|clean up|work around) |
    fix(?:ing)? (?:this|it|that) | debug(?:ging)? | troubleshoot(?:ing)? | root cause |
    (?:anyone|anybody|someone|somebody) (?:else )?(?:seeing|getting|having|hitting|experiencing) |
    (?:anyone|anybody|someone|somebody) (?:else )?(?:hit|seen|noticed|run into|ran into|had) (?:this|that|the same|it|these|an? (?:error|issue|problem|bug)) |
    down for (?:anyone|everyone|you|me) | is (?:\w+ )?(?:down|broken) (?:for|again|right) |
    (?:take|have) a look |
    (?:can|could) (?:someone|somebody|anyone|anybody|you) (?:please )?(?:help|check|look|investigate|restart|bounce) |
    who can (?:look|check|help) | need (?:help|eyes|a hand) | sos | urgent | p[01] | sev ?[0-3] |
    on fire |
    (?:cpu|memory|mem|disk|gpu)(?: usage| utili[sz]ation)? (?:is |at |hits |hit )?\d{2,3} ?% |
    \d{2,3} ?% (?:cpu|memory|mem|disk) |
    (?:went|jumped|spiked|climbed|shot|rose|dropped|fell) (?:up |down )?from [\d.]+ ?\w* to |
    anyone else's |
    (?:anyone|anybody) else(?:'s)? \w+(?: \w+)? (?:stuck|down|broken|failing|slow) |
    why (?:would|does|do|is|did) (?:that|this|it) (?:happen|be happening) |
    (?:already )?tried (?:restarting|rebooting|redeploying|deleting|rolling back|bumping|increasing|scaling|reinstalling|recreating|draining)
  `,
  /\bideas\s*\?*\s*$/,
];
export const TROUBLE_HARD_ZH = zh`
  报错 | 错误码 | 怎么回事 | 什么情况 | 啥情况 | 咋回事 | 咋了 | 怎么了 | 谁能(?:帮忙)?看 | 帮忙看 | 帮看 | 帮我看 | 帮忙查 | 排查 | 定位一下 |
  有人遇到过 | 遇到过的 | 一直.{0,4}不到 | 有没有人遇到 | 遇到过(?:这个|这种)?(?:问题|情况)?(?:吗|么) | 是不是挂了 | 挂了吗 | 是bug吗 |
  是不是bug | 是.{0,8}问题吗 | 是不是.{0,8}(?:问题|配置|bug) | 正常吗 | 重启也 | 重启了也 | 起不来 | 拉不起来 | 进不去了 | 连不上了 |
  打不开了 | 告警了 | 报警了 | 刚才 | 刚刚 | 从早上 | 早上开始 | 今早 | 从昨天 | 昨晚开始 | 到现在 |
  一直(?:在)?(?:报|挂|重启|超时|失败|起不来|上不去|下不来|不行|卡|掉|涨|崩|不扩|没扩|扩不|pending|oom|crash) |
  老是(?:挂|重启|超时|失败|掉|崩|oom) | 线上(?:出|又|现在|一直|挂|报|炸) | 紧急 |
  从\s*[\d.]+\s*\w*\s*(?:涨|升|飙|跳|降|掉|变)(?:到|成) |
  (?:cpu|内存|磁盘|gpu)\s*(?:使用率|利用率|占用)?\s*(?:到了?|是|达到|打满|飙到)?\s*\d{2,3}\s*% |
  导致.{0,12}(?:失败|报错|异常|超时|不可用|挂) | (?:哪里|哪儿|什么地方)(?:配|写|搞|弄|改)错 | 配错了 | 救命 | 求救 | 在线等
`;

/** Something of ours misbehaves (counts only when the message does not ask how it is done). */
export const TROUBLE_SOFT = [
  /\b(?:our|my)\b.{0,60}\b(?:keeps?|started|stopped|is|are|isn't|aren't|won't|doesn't|don't|can't|cannot)\b.{0,30}\b(?:fail\w*|crash\w*|down|broken|stuck|dying|restart\w*|timing out|times out|erroring|throttl\w*|flapping|hanging|oom\w*|dropping|leaking|pending|not working|not scaling|not starting)\b/,
  en`
    right now | atm | at the moment | currently | this morning | tonight | today |
    keeps? (?:crashing|failing|dying|restarting|timing out|dropping|throwing|going down|falling over|flapping|erroring|getting killed) |
    (?:started|starts) (?:failing|crashing|throwing|timing out|returning|erroring|dropping) |
    suddenly |
    after (?:upgrading|the upgrade|updating|deploying|we deployed|the deploy|the migration|migrating|bumping) |
    (?:isn't|aren't|won't|doesn't|don't|can't|wouldn't|couldn't|didn't|hasn't|haven't) |
    even though | stuck (?:in|at|on|scaling|pending|waiting|creating|terminating) |
    after the (?:power cut|outage|reboot|restart|incident)
  `,
  zh`
    我们(?:这边|的|集群|线上|环境)?.{0,20}(?:挂了|崩了|很慢|卡住|不行了|失败|超时|报错|起不来|上不去|不扩|扩不)
  `,
];
