import { en, zh } from './cue.js';
import { type Clause, clauses } from './sentences.js';

/**
 * Whether a message asks something, and how. Chat questions often drop the question mark and
 * Chinese ones say it with a particle (吗, 呢) or a question word; statements, stand-ups and
 * thanks ask nothing. A rhetorical question (venting: "why is it always DNS?", "又是周五上线，
 * 谁批的？") asks nothing either.
 *
 * Patterns run on lower-cased, NFKC-normalised sentences; English alternatives are whole words.
 */
export interface Asking {
  /**
   * `approach`: asks how something is or was done, for a case, an example, an architecture, a
   * result: what the casebook is for. `question`: asks something else or only says it with a
   * question mark. `none`: asks nothing.
   */
  readonly kind: 'none' | 'question' | 'approach';
  /** Every asking sentence is rhetorical. */
  readonly rhetorical: boolean;
  /** The asking sentences, lower-cased (what the rest of the judgement looks at first). */
  readonly asks: readonly string[];
}

/** Words a chat message opens with before its question ("hey all, quick q: how …"). */
const OPENERS =
  /^(?:(?:hey|hi|hello|yo|ok|okay|so|also|btw|and|but|quick|random|dumb|silly|newbie|noob|q|question|qq|curious|folks|all|team|everyone|everybody|guys|y'all|people|friends|hivemind|channel)\b[\s,:!.-]*)+/;

/** A question word first: asks even without a question mark. */
const WH_START =
  /^(?:how|how's|what|what's|whats|which|why|where|where's|when|when's|who|who's|whose)\b/;
/**
 * An auxiliary then its subject ("is there…", "did they…", "anyone know…"): a question without its
 * mark. Chat also drops subjects ("will start monday", "did the migration yesterday"), so the
 * subject must be there, and after do/did a pronoun: "did the …" is as often a report as a question.
 */
const AUX_QUESTION =
  /^(?:(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|isn't|aren't|doesn't|don't|didn't|can't|won't|shouldn't) (?:you|we|i|it|they|there|this|that|these|those|anyone|anybody|someone|somebody|our|my|your|their|he|she|k8s|kubernetes|people|teams|banks|shops)\b|(?:is|are|was|were|can|could|should|would|will|isn't|aren't|can't|won't) (?:the|a|an|any)\b|(?:any|anyone|anybody|someone|somebody)\b)/;

/** Requests that ask without a question's form ("looking for an example of …", "curious how …"). */
const EN_REQUEST = [
  en`
    looking for | searching for | hoping for | in search of | would love | i'd love | need |
    needs | want | wanted
  `,
  en`
    curious | wondering | wonder | want to know | like to know | like to understand |
    like to learn | trying to understand | trying to figure out
  `,
  en`
    tell me | tell us | show me | show us | walk me through | walk us through | explain |
    teach me | help me understand | help me figure out | point me | pointers | please share |
    share any | share some
  `,
  en`
    any advice | any tips | any pointers | any guidance | any ideas | any suggestions |
    any recommendations | any examples | any references | any best practices | any lessons |
    any experience | any prior art | some advice | some pointers | some examples | some guidance |
    some ideas
  `,
];
const EN_REQUEST_OBJECT = en`
  examples? | references? | case stud(?:y|ies) | cases? | write-?ups? | patterns? |
  architectures? | advice | ideas? | pointers? | guidance | approach(?:es)? | best practices? |
  prior art | inspiration | stor(?:y|ies) | how | what | whether | if | which | why | me | us |
  tips | suggestions | recommendations | lessons | experience
`;

/** What the casebook is for: how something is done, a case, an example, a part of one. */
const EN_APPROACH = [
  /\bhow (?:do|does|did|would|should|could|can|to|are|is|were|was|have|has|might|will)\b(?! (?:you|we|i) (?:feel|think)\b)/,
  /\bhow (?:the|they|their|these|those|other|others|people|teams|companies|banks|shops|retailers) \w+/,
  // How someone else did it ("how a bank did k8s compliance", "how big shops handle …").
  /\bhow (?:a|an|some|one|big|large|most|many) [\w-]+(?: [\w-]+)? (?:did|does|do|handled?|handles|solved?|solves|built|builds|runs?|ran|manages?|managed|scaled?|scales|approached|went about|got|gets)\b/,
  // How something is, seen from outside ("what does failover look like in the trading case?").
  /\bwhat (?:does|did|do|would|should) [\w -]{1,80} look like\b/,
  // A request by its object alone ("pointers on declarative config for …?").
  /^(?:pointers|tips|advice|guidance|ideas|suggestions|recommendations|examples|references|resources|reading|prior art) (?:on|for|about|re|regarding|around)\b/,
  // A reference architecture, however abbreviated ("k8s flash sale ref arch?").
  /\b(?:ref|reference) arch(?:itecture)?s?\b/,
  // Asking to be pointed at what others know ("could someone point me to …").
  /\b(?:point|direct|steer) (?:me|us) (?:to|at|towards?|in the right direction)\b/,
  /\b(?:explain|describe|show (?:me|us)|tell (?:me|us)|understand|know|learn|see)(?: \w+){0,2} how\b/,
  en`
    what(?:'s| is| are| was| were| would be)? (?:the |a |an |their |your |some )?(?:best|right|usual|typical|common|standard|recommended|proper|sane|good|sensible|cleanest|simplest|easiest|ideal|preferred|go-to|canonical|normal|reasonable|proven|solid) (?:way|ways|approach|approaches|pattern|patterns|architecture|practice|practices|setup|set-up|design|strategy|strategies|recipe|stack|playbook|options?|solution|solutions) |
    what(?:'s| is| are| was| were)? (?:the |their |a )?(?:architecture|approach|pattern|strategy|design|setup|stack|solution|playbook|trick|secret) |
    (?:is|are) there (?:a |an |any |some )?(?:good |real |known |public )?(?:case|case study|cases|example|examples|reference|references|write-?ups?|stor(?:y|ies)|prior art|precedent|blueprint|template|pattern) |
    (?:got|have|know of|know any|seen) (?:a |an |any |some )?(?:good |real |known |public )?(?:case|case study|cases|example|examples|reference|references|reference architecture|write-?ups?|stor(?:y|ies)|prior art|precedent|blueprint) |
    (?:examples?|case stud(?:y|ies)|reference architectures?|references?) (?:of|for|on) |
    what (?:did|do|does|have|has) (?:they|them|it|the \w+(?: \w+)?|\w+) (?:use|do|pick|choose|run|build|change|measure|get|learn|go with|end up) |
    what (?:happens|breaks|goes wrong|can go wrong) (?:when|if) |
    what (?:are|were) the (?:risks|trade-?offs|downsides|gotchas|pitfalls|challenges|lessons|results|numbers|metrics|main problems) |
    (?:is it|would it be|is that|is this) (?:even |actually |really )?(?:possible|feasible|realistic|doable|sane|viable|practical|reasonable|a good idea|overkill) |
    (?:can|could) (?:you|one|k8s|kubernetes|it|a \w+) (?:really |actually |even )?(?:run|handle|scale|survive|cope|support|serve|fit|work) |
    (?:any|some) (?:advice|tips|pointers|guidance|best practices?|ideas|suggestions|recommendations|lessons|prior art|references|examples) (?:on|for|about|around|re|regarding|when|with) |
    (?:what|how much) (?:kind of |sort of )?\w+(?: \w+)? (?:can|could|would|did|do|does) (?:you|one|we|they|it|people|the \w+) (?:get|expect|achieve|reach|hit|see|save) |
    (?:casebook|casebot|you|anyone|anybody) (?:have|has|got) (?:anything|something|a case|an example|any examples?|a reference) |
    (?:any|some) (?:lessons|learnings|takeaways) (?:learned |learnt )?(?:from|on|about|with) |
    (?:recommendations?|advice|tips|suggestions|guidance|best practices?) (?:for|on|about) \w+ing |
    best practices? (?:for|on|around|with|in) |
    (?:any|some) (?:examples?|references?|case stud(?:y|ies)|write-?ups?|prior art)$ |
    (?:examples?|case stud(?:y|ies)|reference architectures?|write-?ups?)$ |
    (?:any|a|one) (?:case|example|story|write-?up) (?:on|for|about|of|with)
  `,
];

/** Chinese asking: particles, question words, requests. */
const ZH_END_PARTICLE = /(?:吗|呢|么|嘛|不|没|否)$/;
const ZH_QUESTION = zh`
  怎么 | 怎样 | 如何 | 咋 | 为什么 | 为啥 | 为何 | 有没有 | 有无 | 是不是 | 能不能 | 能否 | 可不可以 | 会不会 | 要不要 | 是否 | 哪(?!怕) |
  什么样 | 多少 | 多久 | 多大 | 多快 | 几倍 | 几个 | 什么 | 啥
`;
const ZH_REQUEST =
  /^(?:求助|求教|求问|求推荐|求分享|求指点|求|请教|请问|想问|问下|问一下|问个|想了解|了解一下|想请教|有人知道|谁知道|麻烦问)|(?:想找|在找|找一个|找个|求一个|需要一个|想要一个|想看看?)[^，,]{0,30}(?:案例|例子|参考|方案|架构|实践|经验|指标|数据|case|图)/;
const ZH_APPROACH = zh`
  怎么(?!回事|又|了|老|总|还|样了) | 怎样 | 如何 | 咋(?:做|办|搞|弄|扛|整|设计|处理) | 怎么用 | 是怎么.{1,8}的 |
  有没有.{0,30}(?:案例|参考|例子|经验|方案|实践|做法|思路|资料|架构|文章|分享|数据|指标) |
  有.{0,6}(?:案例|参考架构|参考资料|参考|例子|最佳实践)(?:吗|么|嘛|没) | 一般(?:怎么|如何|是怎么|是如何|用什么|用啥|都用|会|都是) | 业界 | 业内 |
  行业(?:里|内) | 别人(?:是|都|一般)?(?:怎么|如何) | 大家一般 | 大厂(?:都)?(?:是)?(?:怎么|如何) | 推荐的?(?:方案|架构|做法|实践) |
  (?<![需要请追诉征])求.{0,20}(?:方案|思路|案例|参考|分享|指点|指导|经验|架构) | 请教 | 想了解 | 了解一下 | 能不能(?:分享|讲讲|说说|介绍) |
  有(?:什么|啥)(?:好的)?(?:方案|办法|思路|建议|经验|做法|最佳实践|技术) | 最佳实践 | 可行吗 | 现实吗 | 行得通 | 能跑吗 | 能不能跑 | 跑得动 |
  扛得住 | 能扛住 | 效果(?:怎么样|如何|咋样) | 选(?:用)?(?:什么|哪种|啥) | 用(?:了|的)?(?:什么|哪些|啥) | 架构图 | 案例
`;

/** Venting dressed as a question. */
const RHETORICAL_EN = [
  en`
    why (?:is|does|do|are|did) (?:it|this|that|everything|everyone|nobody|stuff|\w+)(?: \w+){0,5} (?:always|every time|never|still|again) |
    why (?:on earth|the hell|tf|the heck|oh why) |
    who (?:thought|decided|approved|signed off|wrote|broke|designed|came up|let|keeps|put|touched|merged|deployed|pushed) |
    who in their right mind | what could (?:possibly )?go wrong |
    (?:isn't|wasn't|aren't) (?:it|that|this|we|they) (?:just|supposed|obvious|the point) |
    why (?:do|did|would) we (?:even|ever) | who needs | what's the point | what is the point |
    how hard (?:is|can|could) it | is it (?:too much|just me) | am i the only one |
    can we (?:not|please stop|stop|just) | do we really | guess (?:what|who|which) | who knew |
    how (?:is|are) (?:this|that|it|we) (?:still|even|already) |
    how (?:come|is it) (?:that )?(?:it's|it is|we're|we are) (?:always|still) | seriously | wtf |
    ffs | smh | ugh | sigh | argh | lmao | facepalm | of course it |
    too good(?: to be true)? | be trusted | for real | is (?:that|this|it) (?:real|legit) |
    how is it (?:\d{4}|that|possible that) | still (?:can't|cannot|doesn't|won't) |
    why (?:do|does|did|are|is) (?:we|you|they|i|it|everyone) (?:keep|still|always|never) |
    every single | (?:down|broken|dead|failing|crashing|on fire|oom|slow|flaky) again
  `,
  /[?!]\s*[?!]/,
];
const RHETORICAL_ZH = zh`
  为什么每次 | 为啥每次 | 为什么总是 | 为啥总是 | 为什么老是 | 为啥老是 | 为什么又 | 为啥又 | 怎么又 | 咋又 | 怎么老是 | 怎么总是 | 又是 | 又挂 |
  又崩 | 又炸 | 谁又 | 谁批的 | 谁干的 | 谁写的 | 谁设计的 | 谁想的 | 谁定的 | 谁拍的 | 能不能别 | 还能不能 | 难道 | 至于吗 | 有必要吗 | 凭什么 |
  什么鬼 | 搞什么 | 何必 | 谁顶得住 | 谁扛得住 | 谁受得了 | 有意思吗 | 好意思 | 服了 | 醉了 | 无语 | 吐了 | 离谱 | 笑死 | 绝了 | 还有谁 |
  不是.{1,10}(?:吗|么)$ | 真的假的 | 太理想 | 可信吗 | 靠谱吗 | 真的吗 | 不会吧 | 开什么玩笑 | 哪有这么 | 谁能想到 | 这都.{0,8}了 | 都什么年代 | 每次都 | 是不是太.{1,6}了 |
  会不会太.{1,6}(?:了|吗) | 又[^，,。？?]{0,4}了
`;

const hasCjk = (s: string) => /\p{Script=Han}/u.test(s);

/** An alternative question ("200MB 是指镜像还是内存", "放在网关后面还是前面"). */
const ZH_ALTERNATIVE =
  /是[^，,。]{0,20}还是|[^，,。]{2,20}还是(?!觉得|要|得|会|没|不|先|别|算|挺|很|有点)[^，,。]{1,12}$/;

/** Asking to be given something ("电商平台的架构图发一下", "案例分享下呗"). */
const ZH_GIVE_ME = /(?:发|给|分享|贴|来|发我|给我)(?:一下|下|一份|个)(?:吧|呗|呀|哈)?$/;

/**
 * A question word behind a verb of seeing or knowing ("领导要先看看别人怎么做的"): a statement
 * that someone wants to know, unless it is marked as a question.
 */
const ZH_EMBEDDED =
  /(?:看看|看下|看一下|知道|了解|研究|参考|学习|讨论|评估|确认|搞清楚|弄清楚|想想|考虑)[^，,]{0,10}(?:怎么|如何|什么|哪|为什么|为啥|多少|是否)/;

/**
 * Whether a clause asks: `explicit` with a question mark, a Chinese sentence-final particle, or
 * a question word or request of its own; `implicit` when a Chinese question word only sits
 * inside a statement (`ZH_EMBEDDED`): it counts only when nothing in the message asks explicitly.
 */
function asksAtAll(s: Clause): 'explicit' | 'implicit' | null {
  if (s.questionMark) return 'explicit';
  const text = s.text.replace(OPENERS, '');
  if (hasCjk(text)) {
    if (ZH_END_PARTICLE.test(text) || ZH_ALTERNATIVE.test(text) || ZH_GIVE_ME.test(text)) {
      return 'explicit';
    }
    if (!ZH_REQUEST.test(text) && !ZH_QUESTION.test(text)) return null;
    return ZH_EMBEDDED.test(text) ? 'implicit' : 'explicit';
  }
  if (WH_START.test(text) || AUX_QUESTION.test(text)) return 'explicit';
  // A thing named and asked for ("architecture diagram pls").
  if (/\b(?:please|pls|plz)$/.test(text)) return 'explicit';
  return EN_REQUEST.some((p) => p.test(text)) && EN_REQUEST_OBJECT.test(text) ? 'explicit' : null;
}

/**
 * A Chinese message that is nothing but the name of what it looks for ("边缘计算的轻量化容器方案",
 * "秒杀参考架构"): a search typed into the channel. Not one's own ("我们的扩容方案") or this one.
 */
const ZH_TOPIC_ASK =
  /^(?![^，,]*(?:我|你|咱|他|她|这个|那个|这套|新的|上次|之前|已经|完成|上线|搞定|了))[\p{Script=Han}\w\s+/-]{2,24}?(?:的)?(?:参考架构|解决方案|最佳实践|方案|案例|实践|经验|思路|做法|指标|指标对比|前后对比|对比数据|架构图|挑战|难点|痛点)$/u;

/**
 * Asking for a figure ("how much did they save", "降了多少") is asking the casebook when it is
 * about what was done or can be done, not about one's own numbers ("how many replicas should
 * we run", "我们的SLA是多少", "要配多少副本").
 */
const EN_HOW_MUCH = /\bhow (?:much|many|long|fast|big|well|quickly|reliable|stable|cheap|far)\b/;
const EN_FIGURE_OF_A_CASE = /\b(?:did|does|do|can|could|was|were|has|have|get|got)\b/;
const EN_FIGURE_OF_OURS = /\b(?:should|shall|we|our|us|my|i|me)\b/;
const ZH_HOW_MUCH = /多少|多久|几倍|多快/;
const ZH_FIGURE_OF_A_CASE = /了|能|可以|提升|提高|降|减|省|快|缩短|变|节省|做到|达到/;
const ZH_FIGURE_OF_OURS = /我们|咱们|我司|要|需要|应该|得|该|设|配/;

function asksForFigure(text: string): boolean {
  if (EN_HOW_MUCH.test(text)) {
    return EN_FIGURE_OF_A_CASE.test(text) && !EN_FIGURE_OF_OURS.test(text);
  }
  return ZH_HOW_MUCH.test(text) && ZH_FIGURE_OF_A_CASE.test(text) && !ZH_FIGURE_OF_OURS.test(text);
}

function approach(text: string): boolean {
  return EN_APPROACH.some((p) => p.test(text)) || ZH_APPROACH.test(text) || asksForFigure(text);
}

function rhetorical(text: string): boolean {
  return RHETORICAL_EN.some((p) => p.test(text)) || RHETORICAL_ZH.test(text);
}

/** How a message's prose asks (see `Asking`). */
/** Chat shorthand, spelt out before reading ("how r ppl doing …", "do u have …"). */
const SHORTHAND: readonly (readonly [RegExp, string])[] = [
  [/\br\b/gi, 'are'],
  [/\bu\b/gi, 'you'],
  [/\bur\b/gi, 'your'],
  [/\bppl\b/gi, 'people'],
  [/\bpls\b|\bplz\b/gi, 'please'],
  [/\babt\b/gi, 'about'],
  [/\bsth\b|\bsmth\b/gi, 'something'],
  [/\bw\/(?=\s)/gi, 'with'],
  [/\btl;\s?dr\b/gi, 'tldr'],
  [/\bwat(?='s\b|s\b| is\b)/gi, 'what'],
];

export function askingOf(prose: string): Asking {
  const all = clauses(SHORTHAND.reduce((t, [p, full]) => t.replace(p, full), prose));
  const how = all.map(asksAtAll);
  const explicit = how.includes('explicit');
  let asks = all.filter((_c, i) => how[i] === 'explicit' || (!explicit && how[i] === 'implicit'));
  if (asks.length === 0 && all.length === 1 && ZH_TOPIC_ASK.test(all[0]!.text)) asks = all;
  if (asks.length === 0) return { kind: 'none', rhetorical: false, asks: [] };
  const texts = asks.map((s) => s.text);
  const sincere = asks.filter((c) => !c.emphatic && !rhetorical(c.text)).map((c) => c.text);
  if (sincere.length === 0) return { kind: 'question', rhetorical: true, asks: texts };
  return {
    kind: sincere.some(approach) ? 'approach' : 'question',
    rhetorical: false,
    asks: sincere,
  };
}
