import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { TeamsConfig } from '../../config.js';
import type { Core } from '../../core/core.js';
import type { DigestSender } from '../../digest/sender.js';
import type { HttpAdapter, ReadBody } from '../../http/types.js';
import type { Logger } from '../../logger.js';
import { type Metrics, noMetrics } from '../../metrics/metrics.js';
import { trackRequest } from '../../metrics/request-track.js';
import { RateGate, type Sleep } from '../../rate-gate.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Store } from '../../store/store.js';
import type { TipSender } from '../../tips/sender.js';
import { bearerProblem } from './bearer.js';
import { CasebotTeamsBot } from './bot.js';
import { connectorHttpClient } from './connector-http.js';
import { createTeamsDigestSender } from './digest-sender.js';
import { createErrorSink } from './error-sink.js';
import { isDevServiceUrl } from './loopback.js';
import { parseActivity } from './read-activity.js';
import { refuseNonJson, refuseRemoteClient, reply } from './respond.js';
import { teamsSurface } from './surface.js';
import { createTeamsTipSender } from './tip-sender.js';
import { setRequestId, setTrack } from './turn-state.js';

export interface TeamsAdapterDeps {
  readonly config: TeamsConfig;
  readonly core: Core;
  readonly store: Store;
  readonly logger: Logger;
  readonly diagrams: DiagramOptions;
  readonly now: () => Date;
  readonly metrics?: Metrics;
  /** CASES_URL: cards link to their case file, and links to case files unfurl. */
  readonly casesUrl?: string;
  /** The clock and sleep of rate-limit waits (tests inject a virtual clock that never sleeps). */
  readonly waits?: { readonly now: () => number; readonly sleep: Sleep };
}

export type TeamsAdapter = HttpAdapter & {
  readonly tipSender: TipSender;
  readonly digestSender: DigestSender;
};

export const TEAMS_PATH = '/api/messages';

/** CloudAdapter with its authenticated entry point opened to our own node:http handler. */
export class CasebotCloudAdapter extends CloudAdapter {
  run(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/**
 * Bot Framework authentication from the config. Without credentials the app id is empty, which
 * botbuilder treats as "authentication disabled" (the Emulator's mode): inbound requests need no
 * token and outbound calls carry none — which is why we then answer only loopback clients and
 * reply only to a local emulator's service URL (loopback.ts).
 */
export function botFrameworkAuthentication(
  config: TeamsConfig,
  connector: ConnectorClientOptions = {},
): ConfigurationBotFrameworkAuthentication {
  const c = config.credentials;
  const settings = c
    ? {
        MicrosoftAppId: c.appId,
        MicrosoftAppType: c.appType,
        ...(c.appPassword && { MicrosoftAppPassword: c.appPassword }),
        ...(c.tenantId && { MicrosoftAppTenantId: c.tenantId }),
      }
    : { MicrosoftAppType: 'MultiTenant' };
  return new ConfigurationBotFrameworkAuthentication(
    settings,
    undefined,
    undefined,
    undefined,
    connector,
  );
}

type ConnectorClientOptions = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]
>;

/** Microsoft's limit per app and tenant is 50 requests per second: sends start 25 ms apart. */
const MIN_SEND_INTERVAL_MS = 25;
/** A person waits for an answer: rate limits are waited out this long at most per call. */
const CALL_MAX_WAIT_MS = 10_000;
/** A connector call not answered by then counts as delivery unknown. */
export const CONNECTOR_TIMEOUT_MS = 10_000;

/** jsonwebtoken's errors, which botbuilder rethrows unchanged for a forged or stale token. */
const TOKEN_ERRORS: ReadonlySet<unknown> = new Set([
  'JsonWebTokenError',
  'TokenExpiredError',
  'NotBeforeError',
]);

const isAuthError = (error: unknown): boolean => {
  const e = error as { statusCode?: unknown; name?: unknown } | null;
  return e?.statusCode === 401 || e?.name === 'AuthenticationError' || TOKEN_ERRORS.has(e?.name);
};

/** Microsoft Teams on botbuilder, served at POST /api/messages by the shared server. */
export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const { config, logger } = deps;
  const log = logger.child({ platform: 'teams' });
  const credentials = config.credentials;
  // Every connector call of this bot (answers and tips) goes through one gate and is sent once.
  const gate = new RateGate({ minIntervalMs: MIN_SEND_INTERVAL_MS, ...deps.waits });
  const httpClient = connectorHttpClient({
    gate,
    maxWaitMs: CALL_MAX_WAIT_MS,
    timeoutMs: CONNECTOR_TIMEOUT_MS,
    logger: log,
  });
  // The client reads and fills only the fields of core-http's request and response types that
  // botbuilder's compat layer uses; the cast is to those full types.
  const adapter = new CasebotCloudAdapter(
    botFrameworkAuthentication(config, { httpClient } as unknown as ConnectorClientOptions),
  );
  adapter.onTurnError = createErrorSink(log, deps.diagrams);
  const metrics = deps.metrics ?? noMetrics;
  const bot = new CasebotTeamsBot({
    core: deps.core,
    cards: { diagrams: deps.diagrams, ...(deps.casesUrl && { casesUrl: deps.casesUrl }) },
    metrics,
    logger: log,
  });
  const tipSender = createTeamsTipSender({
    adapter,
    gate,
    appId: credentials?.appId ?? '',
    core: deps.core,
    logger: log,
    diagrams: deps.diagrams,
    ...(config.devServiceUrl && { devServiceUrl: config.devServiceUrl }),
  });
  const digestSender = createTeamsDigestSender({
    adapter,
    appId: credentials?.appId ?? '',
    ...(credentials?.tenantId && { tenantId: credentials.tenantId }),
    ...(config.devServiceUrl && { devServiceUrl: config.devServiceUrl }),
    diagrams: deps.diagrams,
    logger: log,
  });
  let started = false;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();

  const devRule = { devServiceUrl: config.devServiceUrl };
  const serve = async (
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    readBody: ReadBody,
  ) => {
    if (!credentials && refuseRemoteClient(req, res, requestId, log)) return;
    if (!credentials && refuseNonJson(req, res, requestId, log)) return;
    const unauthorized = credentials ? bearerProblem(req.headers.authorization) : null;
    if (unauthorized) {
      log.warn({ requestId, reason: unauthorized }, 'refused an activity before reading it');
      return reply(res, 401, {
        error: 'unauthorized',
        message: 'The Bot Framework sends every activity with an Authorization: Bearer token.',
        requestId,
      });
    }
    const body = await readBody();
    if (!body) return;
    const read = parseActivity(body);
    if (!read.ok) return reply(res, read.status, { error: read.error, requestId });
    const activity = read.activity;
    if (
      !credentials &&
      !isDevServiceUrl(activity.serviceUrl, { ...devRule, ownPort: req.socket.localPort })
    ) {
      log.warn(
        { requestId, serviceUrl: String(activity.serviceUrl ?? '').slice(0, 200) },
        'refused an activity: its serviceUrl is not a local emulator’s',
      );
      return reply(res, 401, {
        error: 'unauthorized',
        message: `Teams runs without credentials: serviceUrl must be ${
          config.devServiceUrl ??
          'http://localhost:PORT, http://127.0.0.1:PORT or http://[::1]:PORT'
        }`,
        requestId,
      });
    }
    // Counted once when the request is over (an unauthenticated one is not); a throw inside the
    // turn still goes on to the error sink.
    const track = trackRequest(metrics, 'teams', teamsSurface(activity));
    try {
      const authHeader = String(req.headers.authorization ?? '');
      const invoke = await adapter.run(authHeader, activity, async (context) => {
        setRequestId(context, requestId);
        setTrack(context, track);
        try {
          await bot.run(context);
        } catch (error) {
          track.failed();
          throw error;
        }
      });
      return reply(res, invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      if (isAuthError(error)) {
        log.warn(
          { requestId, reason: (error as Error).message },
          'refused an unauthenticated activity',
        );
        return reply(res, 401, { error: 'unauthorized', requestId });
      }
      // Failures outside a turn (the sink handles those inside): log, 500, keep serving.
      track.failed();
      log.error({ err: error, requestId, activityType: activity.type }, 'teams request failed');
      return reply(res, 500, { error: 'internal_error', requestId });
    } finally {
      track.end();
    }
  };

  return {
    name: 'teams',
    path: TEAMS_PATH,
    tipSender,
    digestSender,
    async handle(req, res, requestId, readBody) {
      if (stopping) {
        res.setHeader('retry-after', '1');
        return reply(res, 503, { error: 'shutting_down', requestId });
      }
      const work = serve(req, res, requestId, readBody);
      inFlight.add(work);
      try {
        await work;
      } finally {
        inFlight.delete(work);
      }
    },
    async start() {
      started = true;
      log.info(
        credentials
          ? { appId: credentials.appId, appType: credentials.appType }
          : {
              mode: 'no credentials: loopback clients only',
              serviceUrl: config.devServiceUrl ?? 'http://localhost|127.0.0.1|[::1]:PORT',
            },
        'teams adapter ready at /api/messages',
      );
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
    },
    ready: () => started && !stopping,
  };
}
