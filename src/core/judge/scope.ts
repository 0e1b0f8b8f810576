import type { Asking } from './asking.js';
import { any } from './cue.js';
import { HOW_TO, MECHANISM } from './cues/how-to.js';
import {
  CASE_REQUEST,
  HOW_ASK,
  OTHERS,
  OUTSIDE,
  OWN_DECISION,
  OWN_FIGURE,
  OWN_SETTING,
  OWN_SIZING,
  OWN_STATE,
  OWN_STATE_ASK,
  OWN_WORK,
  RECENT_TIME,
} from './cues/own.js';
import {
  CHANNEL_NAMED,
  LOGISTICS,
  PEOPLE,
  POLL,
  TASK_FOR_SOMEONE,
  TOOLING_POLL,
  TOOLS_COMPARED,
  VERSUS,
} from './cues/team.js';
import { TROUBLE_HARD, TROUBLE_HARD_ZH, TROUBLE_SOFT } from './cues/troubleshooting.js';
import { contentUnits } from './grounding.js';

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

function ownFigure(ask: string): boolean {
  const { figure, ours, now, general } = OWN_FIGURE;
  return figure.test(ask) && (ours.test(ask) || now.test(ask)) && !general.test(ask);
}

/** Whom a question is about when it is not the asker: "they", "that trading platform", "他们". */
const THIRD_PARTY =
  /\b(?:they|them|their|that \w+|the \w+ (?:case|platform|system|shop|bank|team))\b|他们|那家|那个案例|这个案例/;

/** The message sets its question in one's own system (outside its asking clauses). */
function ownSetting(asking: Asking, prose: string): boolean {
  let setting = prose;
  for (const a of asking.asks) setting = setting.replace(a, ' ');
  return OWN_SETTING.test(setting);
}

/**
 * Why the casebook does not answer this question, or null when it might. `asking.asks` are the
 * asking sentences; `prose` is the whole message (lower-cased), for what its setting says.
 * `askedAs`: how the message asked before a part it names made it ask the casebook (a plain
 * question set in one's own system, "KEDA 和 HPA 混用有什么坑吗，我们现在两个都配了", is about
 * that system).
 */
export function outOfScope(
  asking: Asking,
  prose: string,
  mentionsSomeone: boolean,
  identifiers: boolean,
  askedAs: Asking['kind'] = asking.kind,
  inThread = false,
): OutOfScope | null {
  const asks = asking.asks.join('\n');
  const each = (patterns: readonly RegExp[]) => asking.asks.some((a) => any(patterns, a));
  if (any(TROUBLE_HARD, prose) || TROUBLE_HARD_ZH.test(prose)) return 'troubleshooting';
  if (asking.kind !== 'approach' && any(TROUBLE_SOFT, prose)) return 'troubleshooting';
  if (mentionsSomeone || each(PEOPLE)) return 'people';
  const youInThread = (a: string) => inThread && /^\W*(?:can|could|would|will) you\b/.test(a);
  if (asking.asks.some((a) => TASK_FOR_SOMEONE.test(a) && !youInThread(a))) return 'people';
  if (any(LOGISTICS, asks) || CHANNEL_NAMED.test(asks)) return 'logistics';
  // A request for a case ("any numbers from a real setup?", "anything in the casebook on …?") is
  // what the casebook is for, however the rest of the message asks or whoever "we" are.
  const caseRequest = each(CASE_REQUEST);
  const poll =
    any(TOOLING_POLL, asks) ||
    POLL.test(prose) ||
    TOOLS_COMPARED.test(prose) ||
    (asking.kind !== 'approach' && VERSUS.test(asks));
  // "他们用 k3s 还是 kubeedge" asks what someone else chose, not what the channel prefers.
  if (poll && !caseRequest && !THIRD_PARTY.test(asks)) return 'tooling-poll';
  if (identifiers || any(HOW_TO, asks)) return 'how-to';
  // In a thread, how something of the case works is asked of the case.
  if (!inThread && each([MECHANISM])) return 'how-to';
  if (caseRequest) return any(OUTSIDE, prose) ? 'outside' : null;
  if (each(OWN_DECISION) && !any(OTHERS, asks)) return 'own-work';
  if (any(OWN_SIZING, asks)) return 'own-work';
  if (asking.asks.some(ownFigure)) return 'own-work';
  if (asking.asks.some((a) => OWN_STATE.test(a) && OWN_STATE_ASK.test(a) && !HOW_ASK.test(a))) {
    return 'own-work';
  }
  if (asking.kind !== 'approach' && each(OWN_WORK)) return 'own-work';
  if (ownSetting(asking, prose) && !any(OTHERS, asks) && !THIRD_PARTY.test(asks)) {
    // Set in one's own system, a plain question is about it; so is one that says nothing of its
    // own and leans on that setting ("…我们用的是 7B 模型，怎么优化？").
    if (askedAs === 'question' || asking.asks.every((a) => contentUnits(a) <= 1)) return 'own-work';
  }
  if (any(OUTSIDE, prose)) return 'outside';
  if (each(RECENT_TIME)) return 'own-work';
  return null;
}

/** In a thread, "we" and "our" are the asker's team, not the case: asking about them is not asking the casebook. */
const THREAD_OWN =
  /\b(?:our|ours|we're|we've|we'd|we)\b(?! (?:see|get|have a look|look at))|我们(?!看)|咱们|我司/;

export function aboutOwnTeam(asking: Asking): boolean {
  return asking.asks.some((a) => THREAD_OWN.test(a));
}
