import type { Logger } from '../../logger.js';
import { slackErrorCode, slackFailure } from './send.js';

/**
 * Slack's answers that mean "this app or workspace has no agent features" (a plan without them,
 * an app without the agent view or the `assistant:write` scope): the DM then works as it always
 * did, and the log says so once, not as an error.
 */
const UNAVAILABLE = new Set([
  'not_allowed',
  'not_allowed_token_type',
  'missing_scope',
  'no_permission',
  'feature_not_enabled',
  'unknown_method',
  'method_not_supported_for_channel_type',
  'channel_type_not_supported',
]);

export interface AgentFeatures {
  /**
   * Calls an agent-only Web API method, best effort: true when Slack accepted it. A refusal that
   * means the features are missing is logged at info the first time per workspace (debug after
   * that); anything else at warn. Never throws: the answer never depends on these calls.
   */
  call(what: string, team: string | undefined, work: () => Promise<unknown>): Promise<boolean>;
}

export function agentFeatures(logger: Logger): AgentFeatures {
  const told = new Set<string>();
  return {
    async call(what, team, work) {
      try {
        await work();
        return true;
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && UNAVAILABLE.has(code)) {
          const key = team ?? '';
          const first = !told.has(key);
          told.add(key);
          logger[first ? 'info' : 'debug'](
            { team, method: what, slack: code },
            'Slack agent features are not available here; direct messages are answered as usual',
          );
        } else {
          logger.warn({ team, method: what, slack: slackFailure(error) }, `${what} failed`);
        }
        return false;
      }
    },
  };
}
