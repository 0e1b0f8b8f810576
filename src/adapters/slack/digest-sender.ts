import type { WebClient } from '@slack/web-api';
import type { DigestSender } from '../../digest/sender.js';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { renderBlockKit } from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { postMessage, slackErrorCode } from './send.js';
import { connectionCode, retryAfterMs } from './tip-sender.js';

/** The channel cannot take the report this week (gone, archived, the bot not in it). */
const CLOSED = new Set(['channel_not_found', 'is_archived', 'not_in_channel', 'account_inactive']);

/**
 * The weekly report on Slack: chat.postMessage into DIGEST_CHANNEL, with the tips' client (a
 * 429 is not retried by the client). Slack's answer decides the outcome as for a tip; a failure
 * that leaves unknown whether the message was posted is thrown.
 */
export function createSlackDigestSender(deps: {
  readonly client: WebClient;
  readonly diagrams: DiagramOptions;
  readonly logger: Logger;
}): DigestSender {
  return {
    async send(channel, report) {
      try {
        await postMessage(
          deps.client,
          { channel },
          renderBlockKit(report, { diagrams: deps.diagrams }),
          deps.logger,
        );
        return { kind: 'sent' };
      } catch (error) {
        if (retryAfterMs(error) !== null) return { kind: 'not-sent', reason: 'ratelimited' };
        const never = connectionCode(error);
        if (never) return { kind: 'not-sent', reason: never };
        const code = slackErrorCode(error);
        if (code && CLOSED.has(code)) {
          deps.logger.error(
            { channel, reason: code },
            'weekly report: cannot post in DIGEST_CHANNEL',
          );
          return { kind: 'retry-later', reason: code };
        }
        throw new CasebotError(
          'platform_failed',
          `Slack did not take the report: ${code ?? String(error)}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}
