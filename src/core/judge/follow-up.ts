import type { Section } from '../../catalog/model.js';
import { detectSection, normalize } from '../../search/index.js';
import type { SearchMatch } from '../../search/types.js';

/**
 * A reply in a thread about one case: what part of it the reply asks for, and whether it asks
 * about another case instead. Short replies lean on the thread ("and the metrics?", "架构图呢",
 * "what did they use for config?"); a switch needs the other case named clearly.
 */

/** A reply this short that names a part of a case asks for it, even without a question mark. */
const TERSE_WORDS = 5;
const TERSE_CJK = 10;

/** Asking for the whole case again, or more of it. */
const MORE =
  /\b(?:tell me more|more (?:details?|info|detail)|details\s*\?|full (?:case|story|write-?up)|show (?:me )?(?:the|this) case|the whole (?:case|thing)|go on|elaborate|background|overview|summary|summarise|summarize|tl[; ]?dr|tldr|context)\b|详细|展开(?:讲|说)|具体(?:讲|说|点)|多说点|完整的?\s*(?:案例|case)|整个\s*(?:案例|case)|全文|背景|概况|简介|介绍一下|总结|概要|摘要/;

/** Words that point back at the thread's case ("they", "it", "这个"). */
const BACK_REFERENCE =
  /\b(?:they|them|their|it|its|this one|that one|this case|that case|same case)\b|他们|它|这个案例|这个case|这家|这套/;

/** Words that turn to another case ("what about the bank one?", "那金融那个呢"). */
const TURN =
  /\b(?:what about|how about|and (?:the|for)|vs\.?|compared? (?:to|with)|instead|other (?:case|one)|the \w+ one|the \w+ case|similar (?:one |case |thing |example )?(?:for|in|with|about)|something similar|same (?:but |thing |again )?(?:for|with))\b|^那|那个(?:呢|的|案例|case|$)|呢$|换成|换个|换一个|另一个|别的案例|对比|相比|类似的/;

/** What a turn says besides the case's name ("the … one", "…那个呢"): left out when searching for it. */
const TURN_FILLER =
  /\b(?:what about|how about|and|the|for|one|ones|case|cases|example|story|compare|compared|to|with|it|does|how|vs|is there|are there|similar|something|same|a|an|any|but|instead|again|please|pls|now)\b|那个|那|呢|案例|的|对比|相比|类似|有没有/g;

/** An asking clause that says "this one" asks about the thread's case, whatever else the reply names. */
const STAY = /\b(?:this one|this case|this|same case|here)\b|这个|这家|这套/;

/**
 * The reply turns to another case in words ("and the AI one, what were its numbers?"), unless
 * it asks about the thread's own ("the shop one had a diagram, does this one?"): what to search
 * for the case it turns to, else null.
 */
export function turnsTo(prose: string, asks: string): string | null {
  if (STAY.test(asks)) return null;
  // Asking to be shown something ("再发一下金融的", "show me the bank one") names what to show.
  if (SHOW_ME.test(prose.trim()))
    return prose.trim().replace(SHOW_ME, ' ').replace(TURN_FILLER, ' ');
  if (!TURN.test(prose)) return null;
  return prose.replace(TURN_FILLER, ' ');
}

/** In a thread, asking to see something ("再看看金融那个", "show me the bank one") asks without a question's form. */
const SHOW_ME =
  /^(?:(?:再|那)?(?:看看|看下|看一下|看一看|给我看看?|展示一下|换成|切到|换到|换个|换一个|发(?:一下|下|我|个|来))|(?:show me|let me see|let's see|switch to|now the|then the|gimme|(?:send|post|share|give) (?:me |us )?(?:the|that))\b)/;

export function asksToSee(prose: string): boolean {
  return SHOW_ME.test(prose.trim());
}

/** Things a case measures: a short reply that names one ("那延迟呢", "and cost?") asks for the figures. */
const QUANTITY =
  /\b(?:latency|latencies|cost|costs|availability|uptime|throughput|qps|rps|tps|response times?|memory|footprint|startup|speed|performance|scale-?out time)\b|延迟|时延|成本|费用|可用性|吞吐|并发|性能|速度|响应时间|内存|资源占用|启动时间|扩容时间|扩展时间/;

/** A measure asked with a before, an after or a unit ("the memory per node after the change?"). */
const COMPARED = /\b(?:before|after|afterwards|per|now)\b|之前|之后|以后|前后|每个|每台/;

export function quantityAsked(prose: string): Section | null {
  const norm = normalize(prose);
  if (!QUANTITY.test(norm)) return null;
  const words = norm.split(' ').filter(Boolean).length;
  const cjk = norm.match(/\p{Script=Han}/gu)?.length ?? 0;
  const terse = words <= TERSE_WORDS && cjk <= TERSE_CJK;
  return terse || COMPARED.test(norm) ? 'metrics' : null;
}

/**
 * A short reply that thanks or praises ("metrics look great", "nice diagram", "架构图很清楚，谢谢")
 * reacts to what it names; it does not ask for it (unless it says so with a question mark).
 */
const REACTION =
  /\b(?:thanks|thank you|thx|ty|nice|great|cool|awesome|perfect|neat|helpful|useful|clear|love|lovely|good|fine|interesting|impressive|wow)\b|谢|感谢|多谢|不错|很好|挺好|清楚|明白|收到|好的|赞|厉害|牛/;

function terse(prose: string): string | null {
  const norm = normalize(prose);
  const words = norm.split(' ').filter(Boolean).length;
  const cjk = norm.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (words > TERSE_WORDS || cjk > TERSE_CJK) return null;
  if (!/[?？]/.test(prose) && REACTION.test(norm)) return null;
  return norm;
}

/** Replies that name only a part of a case: `metrics?`, `the diagram pls`, `架构图`. */
export function terseSectionAsk(prose: string): Section | null {
  const norm = terse(prose);
  return norm === null ? null : detectSection(norm).section;
}

/** Replies that name only the whole case: `the summary again pls`, `full case?`, `完整案例`. */
export function terseMoreAsk(prose: string): boolean {
  const norm = terse(prose);
  return norm !== null && MORE.test(norm);
}

export function refersBack(text: string): boolean {
  return BACK_REFERENCE.test(text);
}

export function asksForMore(text: string): boolean {
  return MORE.test(text);
}

/**
 * The case the reply asks about instead of the thread's, when it clearly does: a match for a
 * case other than the thread's, with the thread's case not close, and either the reply turns to
 * it in words (`turned`: "what about …", "…呢", any confident match) or it matches strongly
 * (`minScore`) and does not point back at the thread's case ("they", "这个").
 */
export function switchedTo(
  threadCase: string,
  matches: readonly SearchMatch[],
  text: string,
  turned: boolean,
  minScore: number,
  margin: number,
): SearchMatch | null {
  const [best] = matches;
  if (!best || best.caseId === threadCase) return null;
  const thread = matches.find((m) => m.caseId === threadCase);
  if (thread && best.score - thread.score < margin) return null;
  if (turned) return best;
  return best.score >= minScore && !BACK_REFERENCE.test(text) ? best : null;
}
