import type { Authorize } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { CasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { BotIdentity } from './deps.js';
import { slackErrorCode } from './send.js';

/** Answers from Slack that mean the token itself is wrong: starting would be pointless. */
const FATAL_AUTH_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
]);
const RECHECK_MS = 60_000;

export interface TokenCheck {
  /** `auth.test` against SLACK_API_URL; fills the identity. Throws only for a token Slack rejects. */
  verify(): Promise<void>;
  /** Bolt's authorize: the bot token plus the identity (looked up again, at most once a minute). */
  readonly authorize: Authorize<boolean>;
}

/**
 * One bot token, one workspace. Unlike Bolt's built-in single-token authorization, nothing is
 * called on construction (the CLI builds the adapter only to send tips), a failed `auth.test`
 * never leaves a rejected promise behind, and no request waits for it before its ack.
 */
export function tokenCheck(
  client: WebClient,
  botToken: string,
  identity: BotIdentity,
  logger: Logger,
  now: () => Date,
): TokenCheck {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let known = false;
  let pending: Promise<void> | undefined;

  const lookup = async (): Promise<void> => {
    checkedAt = now().getTime();
    const result = await client.auth.test({ token: botToken });
    identity.userId = result.user_id;
    identity.botId = result.bot_id;
    identity.teamId = result.team_id;
    identity.enterpriseId = result.enterprise_id || undefined;
    identity.appId = result.app_id;
    known = true;
    logger.info(
      {
        botUserId: result.user_id,
        team: result.team,
        teamId: result.team_id,
        ...(identity.enterpriseId && { enterpriseId: identity.enterpriseId }),
      },
      'slack token verified',
    );
  };

  return {
    async verify() {
      try {
        await lookup();
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && FATAL_AUTH_ERRORS.has(code)) {
          throw new CasebotError(
            'config_invalid',
            `SLACK_BOT_TOKEN was refused by Slack: ${code}`,
            {
              cause: error,
            },
          );
        }
        // No network, or a stand-in without auth.test: serve anyway and look again later.
        logger.warn({ err: error }, 'slack auth.test failed; continuing, will retry');
      }
    },
    authorize: async () => {
      // Bolt authorizes before it acks: never wait on the network here. A missing identity is
      // looked up in the background (meanwhile the listeners filter bots by `bot_id`).
      if (!known && !pending && now().getTime() - checkedAt > RECHECK_MS) {
        pending = lookup()
          .catch((error: unknown) => logger.warn({ err: error }, 'slack auth.test failed'))
          .finally(() => {
            pending = undefined;
          });
      }
      return {
        botToken,
        ...(identity.userId ? { botUserId: identity.userId } : {}),
        ...(identity.botId ? { botId: identity.botId } : {}),
      };
    },
  };
}
