import type {
  Activity,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
} from 'botbuilder';
import type { DigestSender } from '../../digest/sender.js';
import type { Logger } from '../../logger.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { answerActivity } from './reply.js';
import { classify } from './tip-sender.js';

/**
 * Teams' public endpoint for messages a bot starts itself, for when no conversation has told it
 * its own (Microsoft's `TeamsProactiveServiceEndpoints.publicGlobal`).
 */
export const TEAMS_PUBLIC_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

interface Connector {
  conversations: { createConversation(p: ConversationParameters): Promise<unknown> };
}

export interface TeamsDigestSenderDeps {
  readonly adapter: CloudAdapter;
  /** '' without credentials. */
  readonly appId: string;
  readonly tenantId?: string;
  /** Without credentials: TEAMS_DEV_SERVICE_URL, the one place a post may go. */
  readonly devServiceUrl?: string;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
}

/**
 * The weekly report on Teams: a new post in the DIGEST_CHANNEL channel (`createConversation` with
 * the channel in `channelData`), through Teams' public endpoint. Without credentials it posts only
 * to TEAMS_DEV_SERVICE_URL (a local emulator). Failures mean what they mean for a daily tip.
 */
export function createTeamsDigestSender(deps: TeamsDigestSenderDeps): DigestSender {
  return {
    async send(channel, report) {
      const serviceUrl = deps.appId ? TEAMS_PUBLIC_SERVICE_URL : deps.devServiceUrl;
      if (!serviceUrl) {
        deps.logger.error(
          { channel },
          'weekly report: Teams has no credentials and no TEAMS_DEV_SERVICE_URL; not posted',
        );
        return { kind: 'retry-later', reason: 'no Teams credentials' };
      }
      const tenant = deps.tenantId;
      const reference: Partial<ConversationReference> = {
        serviceUrl,
        channelId: 'msteams',
        conversation: {
          id: channel,
          isGroup: true,
          conversationType: 'channel',
          name: '',
          ...(tenant && { tenantId: tenant }),
        },
      };
      const activity = answerActivity(report, { diagrams: deps.diagrams }) as Activity;
      let failure: unknown = null;
      try {
        await deps.adapter.continueConversationAsync(deps.appId, reference, async (context) => {
          try {
            const connector = context.turnState.get(
              context.adapter.ConnectorClientKey,
            ) as Connector;
            await connector.conversations.createConversation({
              isGroup: true,
              channelData: { channel: { id: channel }, ...(tenant && { tenant: { id: tenant } }) },
              ...(tenant && { tenantId: tenant }),
              activity,
            } as ConversationParameters);
          } catch (error) {
            failure = error;
          }
        });
      } catch (error) {
        failure = error;
      }
      if (failure === null) return { kind: 'sent' };
      deps.logger.warn({ err: failure, channel }, 'weekly report not posted to Teams');
      return classify(failure);
    },
  };
}
