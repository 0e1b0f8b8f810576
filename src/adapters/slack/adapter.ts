import { randomUUID } from 'node:crypto';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import type { SlackConfig } from '../../config.js';
import type { Core } from '../../core/core.js';
import type { DigestSender } from '../../digest/sender.js';
import { CasebotError } from '../../errors.js';
import type { HttpAdapter } from '../../http/types.js';
import type { Logger } from '../../logger.js';
import { type Metrics, noMetrics } from '../../metrics/metrics.js';
import { RequestTracks } from '../../metrics/request-track.js';
import { RateGate, type Sleep } from '../../rate-gate.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Store } from '../../store/store.js';
import type { TipSender } from '../../tips/sender.js';
import { register as registerActions } from './actions/index.js';
import { tokenCheck } from './auth.js';
import { boltLogger } from './bolt-logger.js';
import { chatPoster } from './chat-post.js';
import { register as registerCommands } from './commands/index.js';
import { countRequests } from './count-requests.js';
import type { BotIdentity, ListenerDeps } from './deps.js';
import { createSlackDigestSender } from './digest-sender.js';
import { createErrorSink } from './error-sink.js';
import { register as registerEvents } from './events/index.js';
import { dropForeign } from './foreign.js';
import { SharedServerReceiver } from './receiver.js';
import { register as registerShortcuts } from './shortcuts/index.js';
import { createSlackTipSender } from './tip-sender.js';
import { register as registerViews } from './views/index.js';

export interface SlackAdapterDeps {
  readonly config: SlackConfig;
  readonly core: Core;
  readonly store: Store;
  readonly logger: Logger;
  readonly diagrams: DiagramOptions;
  readonly now: () => Date;
  /** Language of the Home tab before the user picks one (default English). */
  readonly defaultLocale?: Lang;
  readonly metrics?: Metrics;
  /** CASES_URL: cards link to their case file, and links to case files unfurl. */
  readonly casesUrl?: string;
  /** The clock and sleep of rate-limit waits (tests inject a virtual clock that never sleeps). */
  readonly waits?: { readonly now: () => number; readonly sleep: Sleep };
}

export type SlackAdapter = HttpAdapter & {
  readonly tipSender: TipSender;
  readonly digestSender: DigestSender;
};

/**
 * No client retries anything by itself: a retried post is a second copy in the channel whenever
 * the first one did arrive. `sendOnce` tries again only what proves Slack took nothing.
 */
const NO_RETRIES = { retries: 0 };
/** The socket mode connection (apps.connections.open posts nothing): a few quick retries. */
const CONNECT_RETRY = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 };
/** A person waits for an answer: rate limits are waited out this long at most. */
const INTERACTIVE_MAX_WAIT_MS = 10_000;
/** A tip send not answered by then counts as delivery unknown (that day is not retried). */
export const TIP_SEND_TIMEOUT_MS = 10_000;
/** Slack's own Web API, when SLACK_API_URL does not say another. */
const SLACK_API_URL = 'https://slack.com/api/';

/**
 * The Slack adapter: a Bolt app mounted on the shared HTTP server (`POST /slack/events`), or on a
 * Socket Mode connection when SLACK_APP_TOKEN is set. SLACK_API_URL points every Web API call
 * (start-up token check, Socket Mode connection, replies, tips) at another host.
 */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, logger } = deps;
  const log = logger.child({ platform: 'slack' });
  const blog = boltLogger(log);
  const base: WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    logger: blog,
  };
  const clientOptions: WebClientOptions = {
    ...base,
    retryConfig: NO_RETRIES,
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  // Best-effort look-ups fail fast: a 429 is not slept through inside a slash command.
  const lookups = new webApi.WebClient(config.botToken, {
    ...base,
    retryConfig: NO_RETRIES,
    rejectRateLimitedCalls: true,
    timeout: 3_000,
  });
  const tipPost = chatPoster({
    apiUrl: config.apiUrl ?? SLACK_API_URL,
    token: config.botToken,
    timeoutMs: TIP_SEND_TIMEOUT_MS,
  });
  // One workspace per token: every post of this adapter (answers and tips) waits at one gate.
  const gate = new RateGate({ ...deps.waits });
  const sending = { gate, maxWaitMs: INTERACTIVE_MAX_WAIT_MS, logger: log };

  const bot: BotIdentity = {};
  const tokens = tokenCheck(lookups, config.botToken, bot, log, deps.now);
  const socketMode = Boolean(config.appToken);
  if (!socketMode && !config.signingSecret) {
    throw new CasebotError(
      'config_invalid',
      'SLACK_SIGNING_SECRET is required for Slack HTTP mode',
    );
  }
  const httpReceiver = socketMode
    ? null
    : new SharedServerReceiver({
        signingSecret: config.signingSecret!,
        logger: log,
        boltLogger: blog,
        now: deps.now,
      });
  const receiver =
    httpReceiver ??
    new SocketModeReceiver({
      appToken: config.appToken!,
      logger: blog,
      installerOptions: { clientOptions: { ...base, retryConfig: CONNECT_RETRY } },
      customPropertiesExtractor: () => ({ requestId: randomUUID() }),
    });

  const app = new App({
    receiver,
    socketMode,
    authorize: tokens.authorize,
    logger: blog,
    clientOptions,
    convoStore: false,
    extendedErrorHandler: true,
    ignoreSelf: true,
  });
  const defaultLocale = deps.defaultLocale ?? 'en';
  const metrics = deps.metrics ?? noMetrics;
  app.error(
    createErrorSink({
      logger: log,
      client,
      sending,
      diagrams: deps.diagrams,
      defaultLocale,
      metrics,
    }),
  );
  const requests = new RequestTracks(metrics, 'slack');
  app.use(dropForeign(bot, log));
  app.use(countRequests(requests));

  const listenerDeps: ListenerDeps = {
    core: deps.core,
    store: deps.store,
    logger: log,
    diagrams: deps.diagrams,
    now: deps.now,
    defaultLocale,
    bot,
    lookups,
    sending,
    requests,
    metrics,
    ...(deps.casesUrl && { casesUrl: deps.casesUrl }),
  };
  registerCommands(app, listenerDeps);
  registerEvents(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerViews(app, listenerDeps);
  registerShortcuts(app, listenerDeps);

  let started = false;
  return {
    name: 'slack',
    path: '/slack/events',
    tipSender: createSlackTipSender({
      post: tipPost,
      gate,
      core: deps.core,
      diagrams: deps.diagrams,
      logger: log,
    }),
    digestSender: createSlackDigestSender({
      client,
      sending,
      diagrams: deps.diagrams,
      logger: log,
    }),
    async handle(req, res, requestId, body) {
      if (!httpReceiver) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'slack_uses_socket_mode' }));
        return;
      }
      await httpReceiver.handle(req, res, requestId, body);
    },
    async start() {
      await tokens.verify();
      if (socketMode) await app.start();
      started = true;
      log.info(
        { mode: socketMode ? 'socket' : 'http', apiUrl: config.apiUrl ?? 'default' },
        'slack ready',
      );
    },
    async stop() {
      started = false;
      if (socketMode)
        await app
          .stop()
          .catch((error: unknown) => log.warn({ err: error }, 'socket mode stop failed'));
    },
    ready: () => started,
  };
}
