import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/load.js';
import type { ExpertsChannels, Lang, Owner } from '../catalog/schema.js';
import { normalize } from '../search/normalize.js';
import type { Handoff, HandoffLimit, Store, SubscriptionPlatform } from '../store/store.js';
import type { Answer, BotRequest, HandoffAnswer, HandoffRoute, Person } from './model.js';

/** At most this many hand-offs per user per hour. */
export const HANDOFF_LIMIT: HandoffLimit = { max: 5, windowMs: 60 * 60_000 };
/** Questions handed off are kept to this length (the core caps questions at 500 anyway). */
const MAX_QUESTION_CHARS = 500;

/**
 * What tells one question from another in a conversation: a digest of its normalised words (so
 * "Service mesh?" and "service mesh" are one, and no words are kept in the key), or the case
 * when the question was empty (a 👎 on a case opened by its name).
 */
export function questionKey(question: string, caseId: string | null): string {
  const words = normalize(question);
  if (!words) return `case:${caseId ?? ''}`;
  return `q:${createHash('sha256').update(words).digest('hex').slice(0, 32)}`;
}

/** Who is asked: the case's owners, else the casebook's defaults; empty when nobody is named. */
export function ownersFor(catalog: Catalog, caseId: string | null): readonly Owner[] {
  const own = caseId ? catalog.byId.get(caseId)?.owners : undefined;
  if (own && own.length > 0) return own;
  return catalog.owners ?? [];
}

/** The experts channel for a platform: the casebook's own, else EXPERTS_CHANNEL. */
export function expertsChannel(
  catalog: Catalog,
  configured: ExpertsChannels,
  platform: SubscriptionPlatform,
): string | undefined {
  return catalog.experts?.[platform] ?? configured[platform];
}

/**
 * Where a hand-off goes. In a channel or group: here, mentioning the owners; with nobody named,
 * into the experts channel; else here, saying how to name someone. A private chat has nobody to
 * bring in: the experts channel if there is one, else only the asker hears (who to ask).
 */
export function routeFor(
  owners: readonly Owner[],
  experts: string | undefined,
  privately: boolean,
): HandoffRoute {
  if (owners.length > 0 && !privately) return { kind: 'here' };
  if (experts) return { kind: 'experts', channel: experts };
  return privately ? { kind: 'private' } : { kind: 'here' };
}

export function personOf(platform: SubscriptionPlatform, id: string, name?: string | null): Person {
  const shown = name?.trim() || id;
  return platform === 'slack' ? { name: shown, slack: id } : { name: shown, teams: id };
}

export interface HandoffDeps {
  readonly catalog: Catalog;
  readonly store: Store;
  readonly experts: ExpertsChannels;
  readonly now: () => Date;
}

function view(
  deps: HandoffDeps,
  h: Handoff,
  status: HandoffAnswer['status'],
  lang: Lang,
  privately: boolean,
  /** The name of whoever is pressing, for when they are the one who marked it answered. */
  presser?: { readonly id: string; readonly name?: string },
): HandoffAnswer {
  const markedBy = h.answeredBy === presser?.id ? presser?.name : undefined;
  const c = h.caseId ? deps.catalog.byId.get(h.caseId) : undefined;
  const owners = ownersFor(deps.catalog, h.caseId);
  return {
    kind: 'handoff',
    lang,
    status,
    id: h.id,
    question: h.question,
    ...(c ? { case: { id: c.id, title: c.title[lang] } } : {}),
    asker: personOf(h.platform, h.askerId, h.askerName),
    at: h.at,
    ...(h.answeredAt && h.answeredBy
      ? { answered: { by: personOf(h.platform, h.answeredBy, markedBy), at: h.answeredAt } }
      : {}),
    owners,
    route: routeFor(owners, expertsChannel(deps.catalog, deps.experts, h.platform), privately),
  };
}

type Say = (key: 'handoffLimited' | 'handoffNeedsPlatform' | 'handoffGone') => Answer;

/** "Ask a person": one hand-off per question and conversation, at most five an hour per user. */
export async function askPerson(
  deps: HandoffDeps,
  request: BotRequest,
  action: { readonly question: string; readonly caseId: string | null },
  lang: Lang,
  say: Say,
): Promise<Answer> {
  const conv = request.conversation;
  const user = request.user;
  if ((request.platform !== 'slack' && request.platform !== 'teams') || !conv || !user) {
    return say('handoffNeedsPlatform');
  }
  const question = [...action.question.replace(/\s+/g, ' ').trim()]
    .slice(0, MAX_QUESTION_CHARS)
    .join('');
  const caseId = action.caseId && deps.catalog.byId.has(action.caseId) ? action.caseId : null;
  const result = await deps.store.requestHandoff(
    {
      platform: request.platform,
      conversationId: conv.id,
      question,
      questionKey: questionKey(question, caseId),
      caseId,
      askerId: user.id,
      askerName: user.name ?? null,
      lang,
      at: deps.now(),
    },
    HANDOFF_LIMIT,
  );
  if (result.kind === 'limited') return say('handoffLimited');
  const privately = conv.kind === 'personal';
  return view(
    deps,
    result.handoff,
    result.kind === 'created' ? 'asked' : 'already-asked',
    lang,
    privately,
  );
}

/** "Mark answered": the hand-off as it now stands. */
export async function markAnswered(
  deps: HandoffDeps,
  request: BotRequest,
  handoffId: string,
  lang: Lang,
  say: Say,
): Promise<Answer> {
  if (!request.user) return say('handoffNeedsPlatform');
  const h = await deps.store.answerHandoff(handoffId, request.user.id, deps.now());
  if (!h) return say('handoffGone');
  const privately = request.conversation?.kind === 'personal';
  return view(deps, h, 'answered', lang, privately, request.user);
}
