import {
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
import { adaptiveLabel } from '../../render/adaptive-labels.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { DRAFT_COMMAND_ID, draftTask } from './draft-case.js';
import { deliverHandoff } from './handoff.js';
import { rankCases, SEARCH_COMMAND_ID, searchResponse, searchText } from './messaging-extension.js';
import { answerActivity } from './reply.js';
import { langOfLocale, toBotRequest } from './to-request.js';
import { noteAnswer, requestIdOf } from './turn-state.js';

export interface TeamsBotDeps {
  readonly core: Core;
  readonly diagrams: DiagramOptions;
}

const finite = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) ? n : undefined;

/**
 * casebot's Teams handlers: messages (mentions in channels and group chats, everything in
 * personal chat, card buttons), the welcome when casebot is added, and the search messaging
 * extension. Everything else (reactions, typing, other updates) is left alone: 200, nothing sent.
 * Errors are not caught here: they go to the adapter's one error sink.
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
    return context.sendActivity(answerActivity(answer, { diagrams: this.deps.diagrams }));
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const request = toBotRequest(context.activity, requestIdOf(context));
    if (!request) return;
    const answer = await this.deps.core.handle(request);
    noteAnswer(context, answer);
    if (answer.kind === 'handoff') await deliverHandoff(context, answer, this.deps.diagrams);
    else await this.send(context, answer);
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
      return searchResponse([], lang, text, this.deps.diagrams);
    }
    const catalog = this.deps.core.catalog;
    const cases = rankCases(catalog, this.deps.core.index, text);
    noteAnswer(context, cases.length > 0 ? 'answered' : 'no_match');
    return searchResponse(cases, lang, text, this.deps.diagrams, {
      skip: finite(query.queryOptions?.skip),
      count: finite(query.queryOptions?.count),
    });
  }
}
