import type { WebClient } from '@slack/web-api';
import type { Lang } from '../../catalog/schema.js';
import type { Core } from '../../core/core.js';
import type { Answer, BotRequest } from '../../core/model.js';
import type { Logger } from '../../logger.js';
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
  return { answer, message: renderBlockKit(answer, { diagrams: deps.diagrams, ...extras }) };
}

/** The request id Bolt carries in its context (set by our receivers). */
export function requestIdOf(context: Record<string, unknown>): string {
  return typeof context.requestId === 'string' ? context.requestId : 'unknown';
}
