import type {
  AnsweredThread,
  ChannelModeSetting,
  SubscriptionPlatform,
  ThreadKey,
} from './store.js';
import { nextAnswerSlots, PurgeTimer, THREAD_MEMORY_MS } from './support.js';

const channelKey = (platform: string, channelId: string) => `${platform}\n${channelId}`;
const threadKey = (k: ThreadKey) => `${k.platform}\n${k.channelId}\n${k.threadId}`;

/** Channel modes, answered threads and answer slots in process memory (the memory store's). */
export class ChannelMemory {
  private readonly modes = new Map<string, ChannelModeSetting>();
  /** thread → case ('' once dismissed) and when it was answered (epoch ms). */
  private readonly threads = new Map<string, { caseId: string; at: number }>();
  private readonly slots = new Map<string, number[]>();
  private readonly purge = new PurgeTimer();

  setMode(setting: Omit<ChannelModeSetting, 'changedAt'>, now: Date): ChannelModeSetting {
    const saved = { ...setting, changedAt: new Date(now.getTime()) };
    this.modes.set(channelKey(setting.platform, setting.channelId), saved);
    return saved;
  }

  getMode(platform: SubscriptionPlatform, channelId: string): ChannelModeSetting | null {
    return this.modes.get(channelKey(platform, channelId)) ?? null;
  }

  remember(thread: AnsweredThread, now: Date): void {
    this.purgeOld(now);
    this.threads.set(threadKey(thread), { caseId: thread.caseId, at: now.getTime() });
  }

  claim(thread: AnsweredThread, now: Date): boolean {
    if (this.threads.has(threadKey(thread))) return false;
    this.remember(thread, now);
    return true;
  }

  recall(key: ThreadKey, since: Date): string | null {
    const row = this.threads.get(threadKey(key));
    return row && row.caseId !== '' && row.at >= since.getTime() ? row.caseId : null;
  }

  dismiss(key: ThreadKey): void {
    const row = this.threads.get(threadKey(key));
    if (row) row.caseId = '';
  }

  takeSlot(platform: string, channelId: string, now: Date, maxPerHour: number): boolean {
    const key = channelKey(platform, channelId);
    const next = nextAnswerSlots(this.slots.get(key) ?? [], now.getTime(), maxPerHour);
    if (!next) return false;
    this.slots.set(key, next);
    return true;
  }

  private purgeOld(now: Date): void {
    if (!this.purge.due(now)) return;
    const cutoff = now.getTime() - THREAD_MEMORY_MS;
    for (const [key, row] of this.threads) if (row.at < cutoff) this.threads.delete(key);
  }
}
