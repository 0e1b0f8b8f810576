import type { CodedError, Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import { languageOf } from '../../core/lang.js';
import { messages } from '../../core/messages.js';
import { asCasebotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import { renderBlockKit } from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import { counted } from './count-requests.js';
import { type SendPolicy, sendOnce } from './delivery.js';
import { requestIdOf } from './deps.js';
import { postToResponseUrl, slackFailure } from './send.js';
import { slackSurface } from './surface.js';

/** What Bolt's extended error handler receives. */
interface ErrorArgs {
  readonly error: CodedError;
  readonly context: Context;
  readonly body: unknown;
}

type Body = Record<string, unknown> & {
  event?: Record<string, unknown>;
  user?: { id?: string };
  actions?: { value?: string }[];
};

function languageGuess(body: Body, fallback: Lang): Lang {
  const text = [body.text, body.event?.text].find((t) => typeof t === 'string') as
    | string
    | undefined;
  const fromValue = body.actions?.[0]?.value?.match(/"l":"(en|zh)"/)?.[1] as Lang | undefined;
  return fromValue ?? (text ? languageOf(text) : undefined) ?? fallback;
}

/**
 * The one error sink of the Slack adapter (Bolt's `app.error`): logs the code, the cause and the
 * request id, then tells the user a short apology carrying that id — wherever they asked. No
 * apology goes out when the failure was an answer Slack may have posted after all
 * (`delivery_unknown`): an answer and an apology side by side would be worse than either. The
 * apology itself is sent once, like every message. It never throws.
 */
export function createErrorSink(deps: {
  logger: Logger;
  client: WebClient;
  sending: SendPolicy;
  diagrams: DiagramOptions;
  defaultLocale: Lang;
  metrics?: Metrics;
}) {
  return async ({ error, context, body }: ErrorArgs): Promise<void> => {
    const requestId = requestIdOf(context);
    const failure = asCasebotError(error.original ?? error);
    const b = body as Body;
    // Failures inside the listeners were counted by countRequests; these came before it.
    if (!counted(context)) deps.metrics?.request('slack', slackSurface(b), 'error');
    deps.logger.error(
      {
        requestId,
        code: failure.code,
        boltCode: error.code,
        slack: slackFailure(error.original ?? error),
        err: failure.cause ?? failure,
        type: b.type,
        event: b.event?.type,
      },
      'slack request failed',
    );
    if (failure.code === 'delivery_unknown') {
      deps.logger.warn({ requestId }, 'the answer may have been posted: no apology');
      return;
    }
    const lang = languageGuess(b, deps.defaultLocale);
    const apology = renderBlockKit(
      { kind: 'notice', lang, tone: 'error', text: messages.apology(requestId)[lang] },
      { diagrams: deps.diagrams },
    );
    try {
      if (typeof b.response_url === 'string') {
        const url = b.response_url;
        await sendOnce(
          () =>
            postToResponseUrl(url, {
              response_type: 'ephemeral',
              replace_original: false,
              ...apology,
            }),
          deps.sending,
        );
        return;
      }
      const event = b.event;
      const channel = typeof event?.channel === 'string' ? event.channel : undefined;
      // A channel message nobody addressed to casebot gets no apology either.
      const unaddressed = event?.type === 'message' && event.channel_type !== 'im';
      if (
        event &&
        channel &&
        !unaddressed &&
        (event.type === 'app_mention' || event.type === 'message')
      ) {
        const threadTs = (
          event.type === 'app_mention' ? (event.thread_ts ?? event.ts) : event.thread_ts
        ) as string | undefined;
        await sendOnce(
          () =>
            deps.client.chat.postMessage({
              channel,
              thread_ts: threadTs,
              text: apology.text,
              blocks: apology.blocks,
            }),
          deps.sending,
        );
      }
    } catch (sorry) {
      deps.logger.warn({ requestId, err: sorry }, 'could not deliver the apology');
    }
  };
}
