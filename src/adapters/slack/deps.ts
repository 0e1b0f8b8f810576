import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { Answer, BotRequest } from '../../core/model.js';
import type { Logger } from '../../logger.js';
import type { Metrics } from '../../metrics/metrics.js';
import type { RequestTracks } from '../../metrics/request-track.js';
import {
  type BlockKitMessage,
  type BlockKitOptions,
  renderBlockKit,
} from '../../render/blockkit.js';
import type { DiagramOptions } from '../../render/diagram.js';
import type { Store } from '../../store/store.js';
import type { SendPolicy } from './delivery.js';

/** Who the bot is in this workspace (from `auth.test`), once known. */
export interface BotIdentity {
  userId?: string;
  botId?: string;
  /** The workspace the token belongs to (an org-wide install: the organisation's id). */
  teamId?: string;
  /** Set on Enterprise Grid. */
  enterpriseId?: string;
  /** When `auth.test` says it. */
  appId?: string;
}

/** What every listener gets; listeners hold no business logic. */
export interface ListenerDeps {
  readonly core: Core;
  readonly store: Store;
  readonly logger: Logger;
  readonly diagrams: DiagramOptions;
  readonly now: () => Date;
  readonly defaultLocale: Lang;
  readonly bot: BotIdentity;
  /** A client that fails fast (no retries), for best-effort look-ups. */
  readonly lookups: WebClient;
  /** How every answer is sent: once, waiting only for Slack's rate limits (see `sendOnce`). */
  readonly sending: SendPolicy;
  /** Requests in flight, told of each answer (`casebot_requests_total`). */
  readonly requests?: RequestTracks;
  /** Unprompted decisions and their *Not helpful* presses are counted here. */
  readonly metrics?: Metrics;
  /** CASES_URL: cards link to their case file, and links to case files unfurl. */
  readonly casesUrl?: string;
}

export type RenderExtras = Omit<BlockKitOptions, 'diagrams'>;

/** Core, then renderer: the whole of "answering" as far as Slack is concerned. */
export async function answerFor(
  deps: ListenerDeps,
  request: BotRequest,
  extras: RenderExtras = {},
): Promise<{ answer: Answer; message: BlockKitMessage }> {
  const answer = await deps.core.handle(request);
  deps.requests?.answered(request.id, answer);
  return { answer, message: renderBlockKit(answer, renderOptions(deps, extras)) };
}

/** How this workspace's cards are drawn (diagrams, case links), plus the extras of one message. */
export function renderOptions(deps: ListenerDeps, extras: RenderExtras = {}): BlockKitOptions {
  return {
    diagrams: deps.diagrams,
    ...(deps.casesUrl && { casesUrl: deps.casesUrl }),
    ...extras,
  };
}

/** The request id Bolt carries in its context (set by our receivers). */
export function requestIdOf(context: Record<string, unknown>): string {
  return typeof context.requestId === 'string' ? context.requestId : 'unknown';
}
