import type { WebClient } from '@slack/web-api';
import type { DigestSender } from '../../digest/sender.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { renderBlockKit } from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { failureKind, neverConnected, type SendPolicy } from './delivery.js';
import { postMessage, slackErrorCode } from './send.js';

/** The channel cannot take the report this week (gone, archived, the bot not in it). */
const CLOSED = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive']);

/**
 * The weekly report on Slack: chat.postMessage into DIGEST_CHANNEL, sent once (see `sendOnce`)
 * through the workspace's gate. Slack's answer decides the outcome as for a tip; a failure that
 * leaves unknown whether the message was posted is thrown, so the week is never posted twice.
 */
export function createSlackDigestSender(deps: {
  readonly client: WebClient;
  readonly sending: SendPolicy;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
}): DigestSender {
  return {
    async send(channel, report) {
      try {
        const message = renderBlockKit(report, { diagrams: deps.diagrams });
        await postMessage(deps.client, { channel }, message, deps.sending);
        return { kind: 'sent' };
      } catch (error) {
        switch (failureKind(error)) {
          case 'rate-limited':
            return { kind: 'not-sent', reason: 'ratelimited' };
          case 'never-connected':
            return { kind: 'not-sent', reason: neverConnected(error) ?? 'not connected' };
          case 'stopped':
            return { kind: 'not-sent', reason: 'stopped' };
          case 'refused': {
            const code = slackErrorCode(error) ?? 'refused';
            if (CLOSED.has(code)) {
              deps.logger.error(
                { channel, reason: code },
                'weekly report: cannot post in DIGEST_CHANNEL',
              );
            }
            return { kind: 'retry-later', reason: code };
          }
          case 'unknown':
            throw error instanceof CasebotError && error.code === 'delivery_unknown'
              ? error
              : new CasebotError(
                  'delivery_unknown',
                  `Slack may have the report: ${String(error)}`,
                  {
                    cause: error,
                  },
                );
        }
      }
    },
  };
}
