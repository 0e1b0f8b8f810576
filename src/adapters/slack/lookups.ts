import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import type { Logger } from '../../logger.js';
import { slackErrorCode } from './send.js';

/**
 * Best-effort questions to Slack that improve an answer but must never break it: any failure
 * (missing scope, a stand-in without the method) means "don't know".
 */

/** True only when Slack says the bot is not in the channel (so it could not post a tip there). */
export async function botCannotPost(
  client: WebClient,
  channel: string,
  logger: Logger,
): Promise<boolean> {
  if (channel.startsWith('D')) return false; // a DM with the bot: always reachable
  try {
    const info = await client.conversations.info({ channel });
    return info.channel?.is_member === false && info.channel?.is_im !== true;
  } catch (error) {
    const code = slackErrorCode(error);
    // A private channel the bot is not in is invisible to it.
    if (code === 'channel_not_found' || code === 'not_in_channel') return true;
    logger.debug({ err: error, channel }, 'conversations.info failed; no invite hint');
    return false;
  }
}

/** The user's IANA time zone (for `subscribe` without one). */
export async function userTimeZone(
  client: WebClient,
  user: string,
  logger: Logger,
): Promise<string | undefined> {
  try {
    const info = await client.users.info({ user });
    return typeof info.user?.tz === 'string' && info.user.tz ? info.user.tz : undefined;
  } catch (error) {
    logger.debug({ err: error, user }, 'users.info failed; no time zone');
    return undefined;
  }
}

/**
 * The language of the user's Slack client (`users.info` with `include_locale`), or `fallback`
 * when Slack does not say.
 */
export async function userLang(
  client: WebClient,
  user: string,
  fallback: Lang,
  logger: Logger,
): Promise<Lang> {
  try {
    const info = await client.users.info({ user, include_locale: true });
    const locale = info.user?.locale;
    if (typeof locale !== 'string' || !locale) return fallback;
    return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  } catch (error) {
    logger.debug({ err: error, user }, 'users.info failed; default language');
    return fallback;
  }
}

const INVITE_HINT = {
  subscribe: {
    en: 'I’m not a member of this channel yet, so I can’t post the daily tip here. Invite me with `/invite @casebot`.',
    zh: '我还不是本频道的成员，无法在这里发送每日技巧。请先输入 `/invite @casebot` 邀请我。',
  },
  auto: {
    en: 'I’m not a member of this channel yet, so I can’t see its questions. Invite me with `/invite @casebot`.',
    zh: '我还不是本频道的成员，看不到这里的问题。请先输入 `/invite @casebot` 邀请我。',
  },
} as const;

export function inviteHint(lang: Lang, why: 'subscribe' | 'auto' = 'subscribe'): string {
  return INVITE_HINT[why][lang];
}
