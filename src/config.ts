import { z } from 'zod';
import { formatPath } from './catalog/load.js';
import { BUNDLED_CASES_DIR, type ExpertsChannels } from './catalog/model.js';
import { LANGS } from './catalog/schema.js';
import { peopleEnvSchema } from './config-people.js';
import type { WeeklySchedule } from './digest/schedule.js';
import { CasebotError } from './errors.js';
import { DIAGRAM_DEFAULT_URL } from './render/diagram.js';

/**
 * Configuration, validated once at start from an injectable source (t3-env style).
 * This is the only module that reads `process.env`; tests pass a plain object.
 * A platform's settings are required only when that platform is switched on.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The origin (`scheme://host[:port]`) when `value` is written exactly as one, optionally with a
 * trailing `/`; null for anything else: a path, query, fragment, user info, a host or port written
 * another way (`2130706433`, `0x7f000001`, `127.1`, `LOCALHOST`, `:080`), or a non-HTTP scheme.
 */
export function exactOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const origin = url.origin;
  return value === origin || value === `${origin}/` ? origin : null;
}

/**
 * One zod schema per unit, built when the environment is read rather than at import: they are
 * used once at start, and keeping them for the life of the process would only cost memory.
 */
function envSchemas() {
  const blankToUndefined = (v: unknown) =>
    typeof v === 'string' && v.trim() === '' ? undefined : v;
  const optional = z.preprocess(blankToUndefined, z.string().trim().optional());
  const onOff = z.preprocess(
    blankToUndefined,
    z
      .enum(['on', 'off', 'true', 'false', '1', '0'])
      .default('on')
      .transform((v) => v === 'on' || v === 'true' || v === '1'),
  );

  const serverSchema = z.object({
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
    HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    CASES_DIR: z.preprocess(blankToUndefined, z.string().default(BUNDLED_CASES_DIR)),
    DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.enum(LANGS).default('en')),
    NODE_ENV: optional,
    SHUTDOWN_GRACE_MS: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(0).default(10000),
    ),
  });

  const slackSchema = z.object({
    SLACK_BOT_TOKEN: optional,
    SLACK_SIGNING_SECRET: optional,
    SLACK_APP_TOKEN: optional,
    SLACK_API_URL: z.preprocess(blankToUndefined, z.url().optional()),
  });

  const teamsSchema = z.object({
    MICROSOFT_APP_ID: optional,
    MICROSOFT_APP_PASSWORD: optional,
    MICROSOFT_APP_TYPE: z.preprocess(
      blankToUndefined,
      z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
    ),
    MICROSOFT_APP_TENANT_ID: optional,
    TEAMS_DEV_SERVICE_URL: optional,
  });

  const storeSchema = z.object({
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^(sqlite:|postgres(ql)?:\/\/|memory:?$)/, 'must start with sqlite: or postgres://')
        .optional(),
    ),
  });

  const diagramsSchema = z.object({
    DIAGRAM_RENDERER: z.preprocess(
      blankToUndefined,
      z.enum(['mermaid-ink', 'kroki', 'none']).default('mermaid-ink'),
    ),
    DIAGRAM_RENDERER_URL: z.preprocess(blankToUndefined, z.url().optional()),
  });

  const tipsSchema = z.object({ TIPS_SCHEDULER: onOff });

  /** Where the casebook's files can be read (the folder on the team's git host). */
  const casesLinkSchema = z.object({
    CASES_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  });

  const metricsSchema = z.object({ METRICS: onOff });

  const statsSchema = z.object({
    STATS_KEEP_QUESTIONS: onOff,
    STATS_KEEP_DAYS: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(1).max(36_500).default(90),
    ),
  });

  const autoAnswerSchema = z.object({
    AUTO_ANSWER_MAX_PER_HOUR: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(0).max(10_000).default(20),
    ),
  });

  const embeddingsSchema = z.object({
    EMBEDDINGS_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).optional()),
    EMBEDDINGS_MODEL: optional,
    EMBEDDINGS_API_KEY: optional,
    EMBEDDINGS_TIMEOUT_MS: z.preprocess(
      blankToUndefined,
      z.coerce.number().int().min(50).max(30_000).default(800),
    ),
    EMBEDDINGS_MIN_SIMILARITY: z.preprocess(
      blankToUndefined,
      z.coerce.number().min(0).max(1).default(0.5),
    ),
  });

  const peopleSchema = peopleEnvSchema(blankToUndefined);

  return {
    server: serverSchema,
    slack: slackSchema,
    teams: teamsSchema,
    store: storeSchema,
    diagrams: diagramsSchema,
    tips: tipsSchema,
    casesLink: casesLinkSchema,
    metrics: metricsSchema,
    stats: statsSchema,
    autoAnswer: autoAnswerSchema,
    embeddings: embeddingsSchema,
    people: peopleSchema,
  };
}

export interface SlackConfig {
  readonly botToken: string;
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly apiUrl?: string;
}

export interface TeamsConfig {
  /**
   * Absent: no credentials (local testing): only loopback clients are answered, and replies go
   * only to a local emulator's service URL (see `devServiceUrl`).
   */
  readonly credentials?: {
    readonly appId: string;
    readonly appPassword?: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly tenantId?: string;
  };
  /**
   * Without credentials: the one origin replies may go to (TEAMS_DEV_SERVICE_URL). Unset:
   * `http://localhost|127.0.0.1|[::1]:PORT`.
   */
  readonly devServiceUrl?: string;
}

export type StoreConfig =
  | { readonly kind: 'memory' }
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface DiagramConfig {
  readonly renderer: 'mermaid-ink' | 'kroki' | 'none';
  /** Base URL of the renderer; the public service when unset. */
  readonly baseUrl: string;
}

/** Optional semantic search through an OpenAI-compatible embeddings endpoint. */
export interface EmbeddingsConfig {
  /** As configured: an API base (`…/v1`) or an Azure OpenAI deployment URL. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string;
  /** The most a question waits for its embedding before it is answered lexically. */
  readonly timeoutMs: number;
  /** The cosine similarity at which meaning alone makes a case a match. */
  readonly minSimilarity: number;
}

export interface PeopleConfig {
  /** EXPERTS_CHANNEL: a channel per platform for questions no owner is named for. */
  readonly experts: ExpertsChannels;
  /** STALE_AFTER_DAYS: a review older than this is stale. */
  readonly staleAfterDays: number;
}

export interface DigestConfig {
  /** DIGEST_CHANNEL: a channel per platform the report goes to (none: not posted). */
  readonly channels: ExpertsChannels;
  /** DIGEST_SCHEDULE in DIGEST_TZ. */
  readonly schedule: WeeklySchedule;
}

export interface Config {
  readonly server: {
    readonly port: number;
    readonly host: string;
    readonly shutdownGraceMs: number;
    readonly production: boolean;
  };
  readonly logLevel: string;
  readonly casesDir: string;
  /**
   * CASES_URL without trailing slashes: case `ID` is at `<casesUrl>/ID.yaml`, cards link there and
   * such links unfurl as the case's card. Null when unset.
   */
  readonly casesUrl: string | null;
  readonly defaultLocale: 'en' | 'zh';
  /** Null when Slack is off (no token). */
  readonly slack: SlackConfig | null;
  /** Null when Teams is off. */
  readonly teams: TeamsConfig | null;
  readonly store: StoreConfig;
  readonly diagrams: DiagramConfig;
  readonly tipsScheduler: boolean;
  /** `GET /metrics` (Prometheus) served and counted. */
  readonly metrics: boolean;
  /**
   * Questions that found nothing are kept as typed (normalised) for `casebot stats --misses`;
   * off: counted without their text, and feedback is stored without its question.
   */
  readonly statsKeepQuestions: boolean;
  /** Misses and 👍/👎 older than this many days are purged (hourly). */
  readonly statsKeepDays: number;
  /** Null when semantic search is off (EMBEDDINGS_URL unset): lexical search only. */
  readonly embeddings: EmbeddingsConfig | null;
  /** Answering without a mention: unprompted answers per channel and hour (0: none at all). */
  readonly autoAnswer: { readonly maxPerHour: number };
  /** The people behind the answers: where hand-offs go, and when a review is stale. */
  readonly people: PeopleConfig;
  /** The weekly gap report; `channels` empty: not posted. */
  readonly digest: DigestConfig;
  /** Why a platform is off, for one clear log line each. */
  readonly notes: readonly string[];
}

/** Every variable the config knows, for `.env.example` and manifest checks. */
export function envNames(): string[] {
  return Object.values(envSchemas()).flatMap((schema) => Object.keys(schema.shape));
}

function collect<T>(schema: z.ZodType<T>, env: Env, problems: string[]): T | undefined {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push(`${formatPath(issue.path)}: ${issue.message}`);
  }
  return undefined;
}

/** Validates the whole environment; throws one error listing every problem. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const schemas = envSchemas();
  const server = collect(schemas.server, env, problems);
  const slack = collect(schemas.slack, env, problems);
  const teams = collect(schemas.teams, env, problems);
  const store = collect(schemas.store, env, problems);
  const diagrams = collect(schemas.diagrams, env, problems);
  const tips = collect(schemas.tips, env, problems);
  const casesLink = collect(schemas.casesLink, env, problems);
  const metrics = collect(schemas.metrics, env, problems);
  const stats = collect(schemas.stats, env, problems);
  const autoAnswer = collect(schemas.autoAnswer, env, problems);
  const embeddings = collect(schemas.embeddings, env, problems);
  const people = collect(schemas.people, env, problems);
  const notes: string[] = [];

  let slackConfig: SlackConfig | null = null;
  if (slack) {
    const anySlack = slack.SLACK_BOT_TOKEN || slack.SLACK_SIGNING_SECRET || slack.SLACK_APP_TOKEN;
    if (anySlack) {
      if (!slack.SLACK_BOT_TOKEN)
        problems.push('SLACK_BOT_TOKEN: Required when Slack is configured');
      if (!slack.SLACK_SIGNING_SECRET && !slack.SLACK_APP_TOKEN) {
        problems.push(
          'SLACK_SIGNING_SECRET: Required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
        );
      }
      if (slack.SLACK_APP_TOKEN && !slack.SLACK_APP_TOKEN.startsWith('xapp-')) {
        problems.push('SLACK_APP_TOKEN: must be an app-level token (xapp-…)');
      }
      if (slack.SLACK_BOT_TOKEN) {
        slackConfig = {
          botToken: slack.SLACK_BOT_TOKEN,
          signingSecret: slack.SLACK_SIGNING_SECRET,
          appToken: slack.SLACK_APP_TOKEN,
          apiUrl: slack.SLACK_API_URL,
        };
      }
    } else {
      notes.push('Slack is off: SLACK_BOT_TOKEN is not set.');
    }
  }

  let teamsConfig: TeamsConfig | null = null;
  if (teams && server) {
    const production = server.NODE_ENV === 'production';
    const devServiceUrl = teams.TEAMS_DEV_SERVICE_URL
      ? exactOrigin(teams.TEAMS_DEV_SERVICE_URL)
      : undefined;
    if (devServiceUrl === null) {
      problems.push(
        'TEAMS_DEV_SERVICE_URL: must be an origin only, such as http://localhost:56150 (scheme, host and port; no path, query or user)',
      );
    }
    if (teams.MICROSOFT_APP_ID || teams.MICROSOFT_APP_PASSWORD) {
      if (devServiceUrl) notes.push('TEAMS_DEV_SERVICE_URL is ignored: Teams has credentials.');
      if (!teams.MICROSOFT_APP_ID)
        problems.push('MICROSOFT_APP_ID: Required when Teams is configured');
      if (!teams.MICROSOFT_APP_PASSWORD && teams.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
        problems.push(`MICROSOFT_APP_PASSWORD: Required for a ${teams.MICROSOFT_APP_TYPE} bot`);
      }
      if (!teams.MICROSOFT_APP_TENANT_ID && teams.MICROSOFT_APP_TYPE !== 'MultiTenant') {
        problems.push(`MICROSOFT_APP_TENANT_ID: Required for a ${teams.MICROSOFT_APP_TYPE} bot`);
      }
      if (teams.MICROSOFT_APP_ID) {
        teamsConfig = {
          credentials: {
            appId: teams.MICROSOFT_APP_ID,
            appPassword: teams.MICROSOFT_APP_PASSWORD,
            appType: teams.MICROSOFT_APP_TYPE,
            tenantId: teams.MICROSOFT_APP_TENANT_ID,
          },
        };
      }
    } else if (production) {
      notes.push(
        'Teams is off: NODE_ENV=production and MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD are not set.',
      );
    } else {
      teamsConfig = devServiceUrl ? { devServiceUrl } : {};
      notes.push(
        `Teams runs without credentials (local testing): /api/messages answers only loopback clients and replies only to ${
          devServiceUrl ?? 'http://localhost|127.0.0.1|[::1]:PORT'
        }.`,
      );
    }
  }

  let storeConfig: StoreConfig = { kind: 'sqlite', path: './data/casebot.db' };
  const url = store?.DATABASE_URL;
  if (url?.startsWith('sqlite:'))
    storeConfig = { kind: 'sqlite', path: url.slice('sqlite:'.length) };
  else if (url?.startsWith('postgres')) storeConfig = { kind: 'postgres', url };
  else if (url?.startsWith('memory')) storeConfig = { kind: 'memory' };

  let embeddingsConfig: EmbeddingsConfig | null = null;
  // Read as given too, so a missing model is listed even when another EMBEDDINGS_ value is wrong.
  if (env.EMBEDDINGS_URL?.trim()) {
    if (!env.EMBEDDINGS_MODEL?.trim()) {
      problems.push('EMBEDDINGS_MODEL: Required when EMBEDDINGS_URL is set');
    } else if (embeddings?.EMBEDDINGS_URL && embeddings.EMBEDDINGS_MODEL) {
      embeddingsConfig = {
        url: embeddings.EMBEDDINGS_URL,
        model: embeddings.EMBEDDINGS_MODEL,
        apiKey: embeddings.EMBEDDINGS_API_KEY,
        timeoutMs: embeddings.EMBEDDINGS_TIMEOUT_MS,
        minSimilarity: embeddings.EMBEDDINGS_MIN_SIMILARITY,
      };
    }
  } else if (embeddings?.EMBEDDINGS_MODEL || embeddings?.EMBEDDINGS_API_KEY) {
    notes.push('Semantic search is off: EMBEDDINGS_URL is not set.');
  }

  if (
    problems.length > 0 ||
    !server ||
    !diagrams ||
    !tips ||
    !casesLink ||
    !metrics ||
    !stats ||
    !autoAnswer ||
    !embeddings ||
    !people
  ) {
    throw new CasebotError(
      'config_invalid',
      `Configuration has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }

  return {
    server: {
      port: server.PORT,
      host: server.HOST,
      shutdownGraceMs: server.SHUTDOWN_GRACE_MS,
      production: server.NODE_ENV === 'production',
    },
    logLevel: server.LOG_LEVEL,
    casesDir: server.CASES_DIR,
    casesUrl: casesLink.CASES_URL?.replace(/\/+$/, '') ?? null,
    defaultLocale: server.DEFAULT_LOCALE,
    slack: slackConfig,
    teams: teamsConfig,
    store: storeConfig,
    diagrams: {
      renderer: diagrams.DIAGRAM_RENDERER,
      baseUrl: (
        diagrams.DIAGRAM_RENDERER_URL ?? DIAGRAM_DEFAULT_URL[diagrams.DIAGRAM_RENDERER]
      ).replace(/\/+$/, ''),
    },
    tipsScheduler: tips.TIPS_SCHEDULER,
    metrics: metrics.METRICS,
    statsKeepQuestions: stats.STATS_KEEP_QUESTIONS,
    statsKeepDays: stats.STATS_KEEP_DAYS,
    embeddings: embeddingsConfig,
    autoAnswer: { maxPerHour: autoAnswer.AUTO_ANSWER_MAX_PER_HOUR },
    people: { experts: people.EXPERTS_CHANNEL, staleAfterDays: people.STALE_AFTER_DAYS },
    digest: {
      channels: people.DIGEST_CHANNEL,
      schedule: { ...people.DIGEST_SCHEDULE, timeZone: people.DIGEST_TZ },
    },
    notes,
  };
}

/**
 * What `casebot search` needs (semantic search and the store its case vectors are kept in),
 * validated like the rest but without asking for the server's or the platforms' settings.
 */
export function loadSearchConfig(env: Env): Pick<Config, 'embeddings' | 'store'> {
  const schemas = envSchemas();
  const names = new Set([
    ...Object.keys(schemas.embeddings.shape),
    ...Object.keys(schemas.store.shape),
  ]);
  const { embeddings, store } = loadConfig(
    Object.fromEntries(Object.entries(env).filter(([name]) => names.has(name))),
  );
  return { embeddings, store };
}
