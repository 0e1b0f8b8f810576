import { DEFAULT_STALE_AFTER_DAYS, freshnessOf } from '../catalog/freshness.js';
import type { Catalog } from '../catalog/load.js';
import type { Case, ExpertsChannels, Lang, Section } from '../catalog/schema.js';
import type { SemanticRanking } from '../search/hybrid.js';
import { buildIndex } from '../search/index.js';
import type { SearchIndex, SearchMatch } from '../search/types.js';
import type { Miss, Store, SubscriptionPlatform } from '../store/store.js';
import { type Logger, silentLogger } from '../store/support.js';
import { dismissAnswer, noteThread } from './answered-threads.js';
import { autoMode } from './auto-mode.js';
import { type Command, parseCommand } from './grammar.js';
import { askPerson, HANDOFF_LIMIT, markAnswered } from './handoff.js';
import { helpCommands } from './help.js';
import { languageOf } from './lang.js';
import { type MessageKey, messages } from './messages.js';
import type { Answer, BotRequest, CaseAnswer, CaseRef, NoticeAnswer } from './model.js';
import { caseByName, resolvePair } from './resolve.js';
import { bookkeepingLog, isStoreOutage, storeOutageNotice } from './store-errors.js';
import { parseSubscribeArgs } from './subscribe-args.js';
import { parseTimeZone } from './time-input.js';
import { type ChannelMessage, type Consideration, createUnprompted } from './unprompted.js';

export interface CoreDeps {
  readonly catalog: Catalog;
  /** Built from the catalog when not given (tests share one). */
  readonly index?: SearchIndex;
  readonly store: Store;
  readonly defaultLocale: Lang;
  readonly now: () => Date;
  /** [0, 1); injected so `tip` is testable. */
  readonly random?: () => number;
  /** Optional semantic search: refines the lexical result by meaning (never fails, never slow). */
  readonly semantic?: SemanticRanking;
  /** Where store failures are logged (the user only hears "try again"). */
  readonly logger?: Logger;
  /** `AUTO_ANSWER_MAX_PER_HOUR`: unprompted answers per channel and hour (default 20). */
  readonly autoAnswerMaxPerHour?: number;
  /** EXPERTS_CHANNEL: where a question goes that no owner is named for. */
  readonly experts?: ExpertsChannels;
  /** STALE_AFTER_DAYS (180 when absent). */
  readonly staleAfterDays?: number;
}

export interface Core {
  handle(request: BotRequest): Promise<Answer>;
  /**
   * A channel message that did not address casebot: answer it (small, in its thread) or stay
   * silent, and why.
   */
  consider(message: ChannelMessage): Promise<Consideration>;
  /**
   * casebot posted `answer` in the thread `request.conversation.threadId`: a case answer is
   * remembered there, so replies in the thread are followed up. Never fails.
   */
  noteThread(request: BotRequest, answer: Answer): Promise<void>;
  /** The catalog currently served (it changes on reload). */
  readonly catalog: Catalog;
  /** The search index over that catalog (the Teams messaging extension ranks with it). */
  readonly index: SearchIndex;
}

/** Questions longer than this are cut before searching; the answer is the same. */
export const MAX_QUERY_CHARS = 500;
/** A runner-up this close to the best match makes the match "not clear-cut". */
const AMBIGUITY_MARGIN = 0.15;
const DEFAULT_TIP_TIME = '09:00';
export const DEFAULT_AUTO_ANSWER_MAX_PER_HOUR = 20;

function notice(
  lang: Lang,
  tone: NoticeAnswer['tone'],
  text: { en: string; zh: string },
): NoticeAnswer {
  return { kind: 'notice', lang, tone, text: text[lang] };
}

function say<K extends MessageKey>(
  lang: Lang,
  tone: NoticeAnswer['tone'],
  key: K,
  ...args: Parameters<(typeof messages)[K]>
): NoticeAnswer {
  const make = messages[key] as (...a: Parameters<(typeof messages)[K]>) => {
    en: string;
    zh: string;
  };
  return notice(lang, tone, make(...args));
}

/** Something a platform sent, echoed back at most this long. */
const ECHO_MAX_CHARS = 40;

function shortened(text: string): string {
  const chars = Array.from(text);
  return chars.length > ECHO_MAX_CHARS ? `${chars.slice(0, ECHO_MAX_CHARS).join('')}…` : text;
}

function recordMissLater(store: Store, miss: Miss, failed: (error: unknown) => void): void {
  try {
    store.recordMiss(miss).catch(failed);
  } catch (error) {
    // A store that throws instead of rejecting: still nothing for the user to see.
    failed(error);
  }
}

/** The router: a request → one Answer. No platform SDKs, no I/O but the store. */
export function createCore(deps: CoreDeps): Core {
  const { catalog, store } = deps;
  const index = deps.index ?? buildIndex(catalog.cases);
  const random = deps.random ?? Math.random;
  const logger = deps.logger ?? silentLogger;
  const missNotRecorded = bookkeepingLog(logger, deps.now);
  const maxPerHour = deps.autoAnswerMaxPerHour ?? DEFAULT_AUTO_ANSWER_MAX_PER_HOUR;
  const unprompted = createUnprompted({
    catalog,
    index,
    store,
    now: deps.now,
    defaultLocale: deps.defaultLocale,
    maxPerHour,
    maxQueryChars: MAX_QUERY_CHARS,
  });

  const caseRef = (m: SearchMatch, lang: Lang): CaseRef | null => {
    const c = catalog.byId.get(m.caseId);
    return c ? { caseId: c.id, title: c.title[lang], score: m.score } : null;
  };

  const staleAfter = deps.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  const caseAnswer = (
    c: Case,
    lang: Lang,
    section: Section | null,
    query: string,
    score: number,
    alternatives: readonly CaseRef[] = [],
  ): CaseAnswer => ({
    kind: 'case',
    lang,
    case: c,
    section,
    query,
    score,
    alternatives,
    freshness: freshnessOf(c, deps.now(), staleAfter),
  });

  const ask = async (text: string, lang: Lang): Promise<Answer> => {
    const query = text.slice(0, MAX_QUERY_CHARS);
    const named = caseByName(catalog.cases, query);
    if (named) return caseAnswer(named, lang, null, '', 1);
    const lexical = index.search(query);
    const result = deps.semantic ? await deps.semantic.rank(query, lexical) : lexical;
    const [best, ...rest] = result.matches;
    const bestCase = best && catalog.byId.get(best.caseId);
    if (!best || !bestCase) {
      // Bookkeeping, not part of the answer: never waited for (a database that accepts
      // connections but never answers must not delay it), and a failure is not the user's.
      recordMissLater(store, { query, lang, at: deps.now() }, (error) =>
        missNotRecorded('a question that found nothing', error),
      );
      return { kind: 'no-match', lang, query, cases: catalog.cases };
    }
    const close = rest.filter((m) => best.score - m.score <= AMBIGUITY_MARGIN);
    const alternatives = close
      .slice(0, 3)
      .map((m) => caseRef(m, lang))
      .filter((r): r is CaseRef => r !== null);
    return caseAnswer(bestCase, lang, result.section, query, best.score, alternatives);
  };

  const tip = (lang: Lang): Answer => {
    const tips = catalog.tips;
    if (tips.length === 0) return say(lang, 'info', 'noTips');
    const chosen = tips[Math.floor(random() * tips.length) % tips.length]!;
    const c = chosen.caseId ? catalog.byId.get(chosen.caseId) : undefined;
    return c ? { kind: 'tip', lang, tip: chosen, case: c } : { kind: 'tip', lang, tip: chosen };
  };

  const subscriptionTarget = (request: BotRequest) => {
    const conv = request.conversation;
    if (!conv || (request.platform !== 'slack' && request.platform !== 'teams')) return null;
    return { platform: request.platform as SubscriptionPlatform, conv };
  };

  /**
   * Runs work that needs the store. When the store is down or did not keep a write, the user is
   * asked to try again, and the failure is logged with the request id and its cause.
   */
  const withStore = async (
    request: BotRequest,
    lang: Lang,
    work: () => Promise<Answer>,
  ): Promise<Answer> => {
    try {
      return await work();
    } catch (error) {
      if (!isStoreOutage(error)) throw error;
      logger.error(
        { requestId: request.id, code: error.code, err: error.cause ?? error },
        'store failed; the user was asked to try again',
      );
      return storeOutageNotice(lang, error);
    }
  };

  const subscribe = async (
    request: BotRequest,
    args: readonly string[],
    lang: Lang,
  ): Promise<Answer> => {
    const target = subscriptionTarget(request);
    if (!target) return say(lang, 'info', 'subscribeNeedsChannel');
    const parsed = parseSubscribeArgs(args);
    if (!parsed.ok) {
      const key =
        parsed.problem === 'time'
          ? 'subscribeBadTime'
          : parsed.problem === 'zone'
            ? 'subscribeBadZone'
            : 'subscribeBadArg';
      return say(lang, 'warning', key, parsed.value);
    }
    const time = parsed.time ?? DEFAULT_TIP_TIME;
    // The platform's idea of the user's zone (Slack users.info, Teams localTimezone) is checked
    // like a typed one; one this runtime does not know is never stored.
    const userZone = parsed.timeZone ? undefined : request.user?.timeZone;
    const knownUserZone = userZone ? parseTimeZone(userZone) : null;
    const timeZone = parsed.timeZone ?? knownUserZone ?? 'UTC';
    const tipLang = parsed.lang ?? lang;
    return withStore(request, lang, async () => {
      await store.subscribe(
        {
          platform: target.platform,
          workspaceId: target.conv.workspaceId ?? '',
          channelId: target.conv.id,
          reference: target.conv.reference ?? null,
          time,
          timeZone,
          lang: tipLang,
          createdBy: request.user?.id ?? '',
        },
        deps.now(),
      );
      return userZone && !knownUserZone
        ? say(lang, 'success', 'subscribedZoneUnknown', time, tipLang, shortened(userZone))
        : say(lang, 'success', 'subscribed', time, timeZone, tipLang);
    });
  };

  const run = async (request: BotRequest, command: Command, lang: Lang): Promise<Answer> => {
    switch (command.kind) {
      case 'empty':
        return {
          kind: 'help',
          lang,
          intro: messages.emptyQuery()[lang],
          commands: helpCommands(lang, catalog.cases),
        };
      case 'help':
        return { kind: 'help', lang, commands: helpCommands(lang, catalog.cases) };
      case 'list':
        return { kind: 'list', lang, cases: catalog.cases, principles: catalog.principles };
      case 'tip':
        return tip(lang);
      case 'compare': {
        if (!command.args) return say(lang, 'info', 'compareUsage');
        const pair = resolvePair(catalog.cases, index, catalog.byId, command.args);
        if (!pair) return say(lang, 'info', 'compareUsage');
        if (pair[0].id === pair[1].id) return say(lang, 'info', 'compareSame');
        return { kind: 'compare', lang, cases: pair };
      }
      case 'show': {
        const named = caseByName(catalog.cases, command.args);
        if (named) return caseAnswer(named, lang, null, '', 1);
        return ask(command.args, lang);
      }
      case 'subscribe':
        return subscribe(request, command.args, lang);
      case 'unsubscribe': {
        const target = subscriptionTarget(request);
        if (!target) return say(lang, 'info', 'subscribeNeedsChannel');
        return withStore(request, lang, async () =>
          (await store.unsubscribe(target.platform, target.conv.id))
            ? say(lang, 'success', 'unsubscribed')
            : say(lang, 'info', 'notSubscribed'),
        );
      }
      case 'subscriptions': {
        const target = subscriptionTarget(request);
        if (!target) return say(lang, 'info', 'subscribeNeedsChannel');
        return withStore(request, lang, async () => {
          const sub = await store.getSubscription(target.platform, target.conv.id);
          return sub?.active
            ? say(lang, 'info', 'subscriptionStatus', sub.time, sub.timeZone, sub.lang)
            : say(lang, 'info', 'notSubscribed');
        });
      }
      case 'auto':
        return withStore(
          request,
          lang,
          async () =>
            (await autoMode(
              { store, now: deps.now, maxPerHour, changed: unprompted.forgetMode },
              request,
              command.setting,
              lang,
            )) ?? say(lang, 'info', 'autoNeedsChannel'),
        );
      case 'ask':
        return ask(command.text, lang);
    }
  };

  /** *Not helpful* on an unprompted answer (see `dismissAnswer`). */
  const dismiss = (request: BotRequest, caseId: string, text: string, lang: Lang) =>
    withStore(request, lang, async () => {
      const query = text.slice(0, MAX_QUERY_CHARS);
      await dismissAnswer(store, deps.now(), request, { caseId, query, lang });
      // The reply is gone; the question can still go to a person.
      const thanks = say(lang, 'success', 'feedbackThanks', false);
      return { ...thanks, handoff: { question: query, caseId } };
    });
  const people = { catalog, store, experts: deps.experts ?? {}, now: deps.now };
  const sayHandoff =
    (lang: Lang) => (key: 'handoffLimited' | 'handoffNeedsPlatform' | 'handoffGone') =>
      key === 'handoffLimited' ? say(lang, 'info', key, HANDOFF_LIMIT.max) : say(lang, 'info', key);

  const handleAction = async (request: BotRequest, lang: Lang): Promise<Answer> => {
    const action = request.action!;
    if (action.kind === 'ask') return run(request, parseCommand(action.text), lang);
    if (action.kind === 'handoff') {
      return withStore(request, lang, () =>
        askPerson(people, request, action, lang, sayHandoff(lang)),
      );
    }
    if (action.kind === 'handoff-answered') {
      return withStore(request, lang, () =>
        markAnswered(people, request, action.handoffId, lang, sayHandoff(lang)),
      );
    }
    const c = catalog.byId.get(action.caseId);
    if (!c) return say(lang, 'info', 'caseNotFound', action.caseId);
    if (action.kind === 'show') return caseAnswer(c, lang, action.section, '', 1);
    if (action.kind === 'dismiss') return dismiss(request, c.id, action.query, lang);
    return withStore(request, lang, async () => {
      await store.recordFeedback({
        platform: request.platform,
        caseId: c.id,
        helpful: action.helpful,
        query: action.query.slice(0, MAX_QUERY_CHARS),
        userId: request.user?.id ?? '',
        at: deps.now(),
      });
      const thanks = say(lang, 'success', 'feedbackThanks', action.helpful);
      // After a 👎 the question can still go to a person.
      return action.helpful
        ? thanks
        : { ...thanks, handoff: { question: action.query, caseId: c.id } };
    });
  };

  return {
    catalog,
    index,
    consider: unprompted.consider,
    noteThread: (request, answer) => noteThread(store, deps.now(), request, answer),
    async handle(request) {
      const command = parseCommand(request.text);
      const lang = request.lang ?? languageOf(request.text) ?? deps.defaultLocale;
      if (request.action) return handleAction(request, lang);
      return run(request, command, lang);
    },
  };
}
