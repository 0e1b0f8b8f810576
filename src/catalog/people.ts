import { z } from 'zod';

/*
 * Who stands behind a casebook: the owners a case (or the casebook) names, and the channel its
 * experts read. Ids are checked here so a typo is named by file and field at `casebot validate`,
 * never found out when a hand-off pings nobody.
 */

/** A Slack user (`U…`, or `W…` on Enterprise Grid) or user group (`S…`) id. */
export const SLACK_PERSON_ID = /^([UW][A-Z0-9]{2,}|S[A-Z0-9]{2,})$/;
/** A Microsoft Entra object id (a GUID) or a user principal name (`alice@example.com`). */
export const TEAMS_PERSON_ID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
/** A Slack public (`C…`) or private (`G…`) channel id. */
export const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
/** A Teams channel id: `19:…@thread.tacv2` (or the older `@thread.skype`). */
export const TEAMS_CHANNEL_ID = /^19:[\w.-]+@thread\.(tacv2|skype)$/;

/** Which platform a channel id belongs to, judged by its shape; null when it is neither's. */
export function channelPlatform(id: string): 'slack' | 'teams' | null {
  if (SLACK_CHANNEL_ID.test(id)) return 'slack';
  if (TEAMS_CHANNEL_ID.test(id)) return 'teams';
  return null;
}

/** `YYYY-MM-DD` that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function peopleSchemas() {
  const owner = z.strictObject({
    /** How the owner is named where no platform id applies. */
    name: z.string().trim().min(1, 'must not be empty'),
    /** Slack user (`U…`) or user group (`S…`) id: the hand-off mentions it. */
    slack: z
      .string()
      .regex(
        SLACK_PERSON_ID,
        'must be a Slack user id (U…) or user group id (S…), e.g. U024BE7LH or S0614TZR7',
      )
      .optional(),
    /** Microsoft Entra object id or user principal name: the hand-off mentions it in Teams. */
    teams: z
      .string()
      .regex(
        TEAMS_PERSON_ID,
        'must be a Microsoft Entra object id (a GUID) or a user principal name such as alice@example.com',
      )
      .optional(),
  });
  const dateMessage = 'must be a date written YYYY-MM-DD, e.g. 2025-03-31';
  const reviewed = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, dateMessage)
    .refine(isCalendarDate, dateMessage);
  const experts = z
    .strictObject({
      slack: z
        .string()
        .regex(SLACK_CHANNEL_ID, 'must be a Slack channel id (C… or G…), e.g. C0123ABCD')
        .optional(),
      teams: z
        .string()
        .regex(TEAMS_CHANNEL_ID, 'must be a Teams channel id such as 19:abc123@thread.tacv2')
        .optional(),
    })
    .refine((e) => e.slack !== undefined || e.teams !== undefined, 'name a slack or teams channel');
  return { owner, owners: z.array(owner).min(1), reviewed, experts };
}
