import type { Lang } from '../catalog/schema.js';
import type { Store, SubscriptionPlatform } from '../store/store.js';
import type { AutoModeAnswer, BotRequest } from './model.js';

export interface AutoModeDeps {
  readonly store: Store;
  readonly now: () => Date;
  readonly maxPerHour: number;
  /** Told of every change made here, so this replica's view of the mode is fresh at once. */
  readonly changed: (platform: SubscriptionPlatform, channelId: string) => void;
}

/** Where `auto` can be set: a Slack or Teams channel or group conversation (not a DM). */
export function autoTarget(request: BotRequest) {
  const conv = request.conversation;
  if (!conv || conv.kind === 'personal') return null;
  if (request.platform !== 'slack' && request.platform !== 'teams') return null;
  return { platform: request.platform as SubscriptionPlatform, channelId: conv.id };
}

/**
 * `auto on|off` sets the channel's mode and says so to everyone there; `auto` alone says what it
 * is. Null when the request comes from somewhere without a mode (a DM, the console).
 */
export async function autoMode(
  deps: AutoModeDeps,
  request: BotRequest,
  setting: 'on' | 'off' | null,
  lang: Lang,
): Promise<AutoModeAnswer | null> {
  const target = autoTarget(request);
  if (!target) return null;
  const base = { kind: 'auto-mode', lang, maxPerHour: deps.maxPerHour } as const;
  if (setting === null) {
    const current = await deps.store.getChannelMode(target.platform, target.channelId);
    return {
      ...base,
      mode: current?.mode ?? 'mentions',
      changed: false,
      by: current ? { id: current.changedBy } : null,
      at: current?.changedAt ?? null,
    };
  }
  const user = request.user;
  const saved = await deps.store.setChannelMode(
    { ...target, mode: setting === 'on' ? 'auto' : 'mentions', changedBy: user?.id ?? '' },
    deps.now(),
  );
  deps.changed(target.platform, target.channelId);
  return {
    ...base,
    mode: saved.mode,
    changed: true,
    by: user ? { id: user.id, ...(user.name && { name: user.name }) } : null,
    at: saved.changedAt,
  };
}
