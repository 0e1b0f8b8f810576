import { randomUUID } from 'node:crypto';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { RetryOptions, WebClientOptions } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import type { SlackConfig } from '../../config.js';
import type { Core } from '../../core/core.js';
import type { DigestSender } from '../../digest/sender.js';
import { CasebotError } from '../../errors.js';
import type { HttpAdapter } from '../../http/types.js';
import type { Logger } from '../../logger.js';
import { type Metrics, noMetrics } from '../../metrics/metrics.js';
import { RequestTracks } from '../../metrics/request-track.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Store } from '../../store/store.js';
import type { TipSender } from '../../tips/sender.js';
import { register as registerActions } from './actions/index.js';
import { tokenCheck } from './auth.js';
import { boltLogger } from './bolt-logger.js';
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
  /** WebClient retry policies; tests make them fast. */
  readonly retry?: { readonly interactive?: RetryOptions; readonly tips?: RetryOptions };
  readonly metrics?: Metrics;
  /** CASES_URL: cards link to their case file, and links to case files unfurl. */
  readonly casesUrl?: string;
}

export type SlackAdapter = HttpAdapter & {
  readonly tipSender: TipSender;
  readonly digestSender: DigestSender;
};

/** Answers to people: a couple of quick retries (a 429 is still waited out first). */
const INTERACTIVE_RETRY: RetryOptions = {
  retries: 2,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 2_000,
};
/**
 * Daily tips: network blips retried briefly (429s are waited out by the tip sender itself);
 * a failure is thrown and the scheduler's next pass tries again.
 */
const TIPS_RETRY: RetryOptions = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5_000,
  randomize: true,
};

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
    retryConfig: deps.retry?.interactive ?? INTERACTIVE_RETRY,
    timeout: 15_000,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const lookups = new webApi.WebClient(config.botToken, {
    ...base,
    retryConfig: { retries: 0 },
    timeout: 3_000,
  });
  const tipsClient = new webApi.WebClient(config.botToken, {
    ...base,
    retryConfig: deps.retry?.tips ?? TIPS_RETRY,
    rejectRateLimitedCalls: true, // the tip sender waits out 429s itself, bounded by the lease
    timeout: 30_000,
  });

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
      installerOptions: { clientOptions: { ...clientOptions } },
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
    createErrorSink({ logger: log, client, diagrams: deps.diagrams, defaultLocale, metrics }),
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
      client: tipsClient,
      core: deps.core,
      diagrams: deps.diagrams,
      logger: log,
    }),
    digestSender: createSlackDigestSender({
      client: tipsClient,
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
