import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { Lang } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import { languageOf } from '../../core/lang.js';
import type { Answer } from '../../core/model.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { AdaptiveCardOptions } from '../../render/adaptive-card.js';
import { adaptiveLabel } from '../../render/adaptive-labels.js';
import { answerCardAction, CARD_ACTION_INVOKE } from './card-action.js';
import { DRAFT_COMMAND_ID, draftTask } from './draft-case.js';
import { deliverHandoff } from './handoff.js';
import {
  linkResponse,
  rankCases,
  SEARCH_COMMAND_ID,
  searchResponse,
  searchText,
} from './messaging-extension.js';
import { answerActivity } from './reply.js';
import { langOfLocale, toBotRequest, toChannelMessage } from './to-request.js';
import { noteAnswer, requestIdOf } from './turn-state.js';

export interface TeamsBotDeps {
  readonly core: Core;
  /** How cards are drawn here (diagrams, case links). */
  readonly cards: AdaptiveCardOptions;
  readonly metrics?: Metrics;
  readonly logger?: Logger;
}

const finite = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) ? n : undefined;

/**
 * casebot's Teams handlers: messages (mentions in channels and group chats, everything in
 * personal chat, card buttons of clients without Universal Actions; other channel and group chat
 * messages go to the core to consider), card buttons (`adaptiveCard/action`: the card changes in
 * place), the welcome when casebot is added, and the search messaging extension. Everything else
 * (reactions, typing, other updates) is left alone: 200, nothing sent. Errors are not caught here:
 * they go to the adapter's one error sink.
 */
export class CasebotTeamsBot extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  private send(context: TurnContext, answer: Answer): Promise<unknown> {
    return context.sendActivity(answerActivity(answer, this.deps.cards));
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const request = toBotRequest(context.activity, requestIdOf(context));
    if (!request) return this.considerMessage(context);
    const answer = await this.deps.core.handle(request);
    noteAnswer(context, answer);
    if (request.action?.kind === 'dismiss') return this.dismiss(context);
    if (answer.kind === 'handoff') await deliverHandoff(context, answer, this.deps.cards.diagrams);
    else await this.send(context, answer);
    await this.deps.core.noteThread(request, answer);
  }

  /** A message nobody addressed to casebot: answered in its reply chain if the core says so. */
  private async considerMessage(context: TurnContext): Promise<void> {
    const message = toChannelMessage(context.activity, requestIdOf(context));
    if (!message) return;
    const considered = await this.deps.core.consider(message);
    if (considered.kind === 'ignored') return;
    this.deps.metrics?.unprompted('teams', considered.decision);
    this.deps.logger?.debug(
      { requestId: message.id, decision: considered.decision },
      'unprompted message',
    );
    if (considered.kind !== 'answer') return;
    noteAnswer(context, considered.answer);
    await this.send(context, considered.answer);
  }

  /** *Not helpful* (recorded by the core): the unprompted answer it was pressed on goes away. */
  private async dismiss(context: TurnContext): Promise<void> {
    const card = context.activity.replyToId;
    if (card) await context.deleteActivity(card);
    this.deps.metrics?.unpromptedDismissed('teams');
  }

  /** The language to use when nothing typed tells: the Teams locale, else the default locale. */
  private async fallbackLang(context: TurnContext): Promise<Lang> {
    const fromLocale = langOfLocale(context.activity.locale);
    if (fromLocale) return fromLocale;
    // An empty question gets the help card in the configured default locale.
    return (await this.deps.core.handle({ id: requestIdOf(context), platform: 'teams', text: '' }))
      .lang;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const lang = await this.fallbackLang(context);
    const help = await this.deps.core.handle({
      id: requestIdOf(context),
      platform: 'teams',
      text: '',
      lang,
    });
    const answer: Answer =
      help.kind === 'help' ? { ...help, intro: adaptiveLabel('welcome', help.lang) } : help;
    noteAnswer(context, answer);
    await this.send(context, answer);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name, value } = context.activity;
    // botbuilder reads `value.action.type` unguarded: a malformed press is refused here.
    const action = (value as { action?: unknown } | undefined)?.action;
    if (name === CARD_ACTION_INVOKE && (typeof action !== 'object' || action === null)) {
      return {
        status: 400,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'An adaptiveCard/action needs an action.' },
        },
      };
    }
    return super.onInvokeActivity(context);
  }

  protected override onAdaptiveCardInvoke(
    context: TurnContext,
    invoke: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return answerCardAction(this.deps.core, this.deps.cards, context, invoke);
  }

  /** A link to a case file pasted in the compose box unfurls as the case's card. */
  protected override async handleTeamsAppBasedLinkQuery(
    context: TurnContext,
    query: AppBasedLinkQuery,
  ): Promise<MessagingExtensionResponse> {
    const lang = await this.fallbackLang(context);
    const response = linkResponse(this.deps.core.catalog, query?.url, lang, this.deps.cards);
    noteAnswer(context, response.composeExtension?.attachments?.length ? 'answered' : 'no_match');
    return response;
  }

  /** "Draft a case from this message" (a message action): the draft in a dialog. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const lang = await this.fallbackLang(context);
    if (action?.commandId !== DRAFT_COMMAND_ID || !action.messagePayload) {
      return { composeExtension: { type: 'message', text: '' } };
    }
    noteAnswer(context, 'answered');
    return draftTask(this.deps.core, action.messagePayload, lang);
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const text = searchText(query ?? {});
    const lang = languageOf(text) ?? (await this.fallbackLang(context));
    if (query?.commandId !== SEARCH_COMMAND_ID) {
      return searchResponse([], lang, text, this.deps.cards);
    }
    const catalog = this.deps.core.catalog;
    const cases = rankCases(catalog, this.deps.core.index, text);
    noteAnswer(context, cases.length > 0 ? 'answered' : 'no_match');
    return searchResponse(cases, lang, text, this.deps.cards, {
      skip: finite(query.queryOptions?.skip),
      count: finite(query.queryOptions?.count),
    });
  }
}
