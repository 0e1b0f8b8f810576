import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { BotIdentity } from './deps.js';

type Body = Record<string, unknown>;
type Authorization = { team_id?: string | null; enterprise_id?: string | null };

/** Distinct foreign ids logged; past this many, more are dropped without a line. */
const LOGGED_AT_MOST = 100;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/**
 * Why `body` is another installation's request (the foreign team or app id), or null when it is
 * ours or cannot be told. casebot holds one bot token, so it can only answer the workspace (or
 * organisation) that token belongs to, as `auth.test` told it. Conservatively:
 *
 * - `api_app_id` not this app's: another app (only a body signed with our secret could carry it).
 * - Events: Slack's `authorizations` name the installation an event was delivered for; one of
 *   ours (our workspace, or our organisation for an org-wide install) makes it ours, whatever the
 *   outer `team_id` (in a shared channel that is the workspace where it happened). In a Slack
 *   Connect channel (`is_ext_shared_channel`) Slack lists one authorization, which may be the
 *   other organisation's installation even though ours sees the event too: those are never
 *   dropped by team. Without `authorizations`, the outer `team_id` / `enterprise_id` decide.
 * - Slash commands: `team_id` / `enterprise_id`, the workspace whose installation was invoked.
 * - Interactive payloads (buttons, views): judged by app id only. In a shared channel the clicker's
 *   `team` is their own workspace, and the button is on a message casebot itself posted.
 *
 * Unknown identity (auth.test not answered yet) never drops anything.
 */
export function foreignTo(body: Body, us: BotIdentity): string | null {
  const appId = str(body.api_app_id);
  if (us.appId && appId && appId !== us.appId) return appId;
  if (!us.teamId) return null;
  const ours = (team?: string | null, enterprise?: string | null) =>
    (team != null && (team === us.teamId || team === us.enterpriseId)) ||
    (enterprise != null && us.enterpriseId !== undefined && enterprise === us.enterpriseId);

  if (body.type === 'event_callback') {
    if (body.is_ext_shared_channel === true) return null;
    const authorizations = Array.isArray(body.authorizations)
      ? (body.authorizations as Authorization[])
      : [];
    if (authorizations.length > 0) {
      if (authorizations.some((a) => ours(a.team_id, a.enterprise_id))) return null;
      return str(authorizations[0]?.team_id) ?? str(authorizations[0]?.enterprise_id) ?? 'unknown';
    }
  } else if (typeof body.command !== 'string') {
    return null;
  }
  const team = str(body.team_id);
  const enterprise = str(body.enterprise_id);
  if (team === undefined && enterprise === undefined) return null;
  return ours(team, enterprise) ? null : (team ?? enterprise ?? null);
}

/**
 * The first global middleware: another installation's request is acknowledged (a 200, so Slack
 * does not retry it) and goes no further, and each foreign id is logged once. Registered on the
 * Bolt app, so it holds for HTTP and Socket Mode alike.
 */
export function dropForeign(us: BotIdentity, logger: Logger): Middleware<AnyMiddlewareArgs> {
  const logged = new Set<string>();
  return async (args) => {
    const body = args.body as unknown as Body;
    const foreign = foreignTo(body, us);
    if (foreign === null) return args.next();
    if (!logged.has(foreign) && logged.size < LOGGED_AT_MOST) {
      logged.add(foreign);
      const appId = str(body.api_app_id);
      logger.warn(
        {
          ...(appId && appId !== us.appId ? { appId } : { teamId: foreign }),
          ourTeamId: us.teamId,
          ...(us.appId && { ourAppId: us.appId }),
        },
        'ignoring requests from another workspace or app',
      );
    }
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
  };
}
