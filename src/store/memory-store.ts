import type { Lang } from '../catalog/schema.js';
import { ChannelMemory } from './memory-channels.js';
import { MemoryHandoffs } from './memory-handoffs.js';
import type {
  AnsweredThread,
  CaseVector,
  ChannelModeSetting,
  Feedback,
  FeedbackQuery,
  Handoff,
  HandoffLimit,
  HandoffQuery,
  HandoffRequest,
  LocalDay,
  Miss,
  MissQuery,
  MissSummary,
  NewHandoff,
  NewSubscription,
  PurgedStats,
  Stats,
  Store,
  Subscription,
  SubscriptionPlatform,
  ThreadKey,
  TipClaim,
} from './store.js';
import {
  claimLost,
  DEFAULT_LIST_LIMIT,
  DEFAULT_STATS_LIMIT,
  missColumn,
  missQueryOf,
  newId,
} from './support.js';

interface PostRow {
  seq: number;
  day: string;
  token: string;
  claimedAt: number;
  status: 'claimed' | 'sending' | 'posted' | 'skipped';
  tipId: string | null;
  doneAt: number | null;
}

/**
 * The whole store in process memory: for tests and the console chat. Nothing survives a restart and
 * nothing is shared between processes, so production uses SQLite or PostgreSQL.
 */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly events = new Map<string, number>();
  private readonly greeted = new Set<string>();
  private readonly feedback = new Map<string, Feedback>();
  private misses: { query: string; lang: Lang; at: Date }[] = [];
  private readonly subs = new Map<string, Subscription>();
  /** subscription id → its posts by number */
  private readonly posts = new Map<string, Map<number, PostRow>>();
  private readonly handoffs = new MemoryHandoffs();
  /** model → casebook → `caseId lang` → vector */
  private readonly vectors = new Map<string, { casebook: string; rows: Map<string, CaseVector> }>();
  private readonly channels = new ChannelMemory();

  async init(): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  async rememberEvent(eventId: string, now: Date, ttlMs: number): Promise<boolean> {
    const cutoff = now.getTime() - ttlMs;
    for (const [id, at] of this.events) if (at <= cutoff) this.events.delete(id);
    const seen = this.events.get(eventId);
    if (seen !== undefined && seen > cutoff) return false;
    this.events.set(eventId, now.getTime());
    return true;
  }

  async markGreeted(
    platform: SubscriptionPlatform,
    workspaceId: string,
    userId: string,
    _now: Date,
  ): Promise<boolean> {
    const key = JSON.stringify([platform, workspaceId, userId]);
    if (this.greeted.has(key)) return false;
    this.greeted.add(key);
    return true;
  }

  async recordFeedback(feedback: Feedback): Promise<void> {
    const key = JSON.stringify([
      feedback.platform,
      feedback.userId,
      feedback.caseId,
      feedback.query,
    ]);
    this.feedback.set(key, { ...feedback });
  }

  async recordMiss(miss: Miss): Promise<void> {
    const query = missColumn(miss.query);
    if (query !== null) this.misses.push({ query, lang: miss.lang, at: miss.at });
  }

  async topMisses({ since, limit = DEFAULT_STATS_LIMIT }: MissQuery = {}): Promise<MissSummary[]> {
    const byQuery = new Map<string, { count: number; first: number; last: number }>();
    for (const m of this.misses) {
      const at = m.at.getTime();
      if (since && at < since.getTime()) continue;
      const row = byQuery.get(m.query);
      if (!row) byQuery.set(m.query, { count: 1, first: at, last: at });
      else {
        row.count += 1;
        row.first = Math.min(row.first, at);
        row.last = Math.max(row.last, at);
      }
    }
    return [...byQuery.entries()]
      .sort(([qa, a], [qb, b]) => b.count - a.count || (qa < qb ? -1 : qa > qb ? 1 : 0))
      .slice(0, limit)
      .map(([query, r]) => ({
        query: missQueryOf(query),
        count: r.count,
        firstSeen: new Date(r.first),
        lastSeen: new Date(r.last),
      }));
  }

  async purgeStats(before: Date): Promise<PurgedStats> {
    const cutoff = before.getTime();
    const misses = this.misses.length;
    this.misses = this.misses.filter((m) => m.at.getTime() >= cutoff);
    let feedback = 0;
    for (const [key, f] of this.feedback) {
      if (f.at.getTime() < cutoff) {
        this.feedback.delete(key);
        feedback += 1;
      }
    }
    return { misses: misses - this.misses.length, feedback };
  }

  async listFeedback({
    since,
    helpful,
    limit = DEFAULT_LIST_LIMIT,
  }: FeedbackQuery = {}): Promise<Feedback[]> {
    return [...this.feedback.values()]
      .filter((f) => (!since || f.at >= since) && (helpful === undefined || f.helpful === helpful))
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, limit)
      .map((f) => ({ ...f }));
  }

  requestHandoff(handoff: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest> {
    return this.handoffs.request(handoff, limit);
  }

  answerHandoff(id: string, by: string, at: Date): Promise<Handoff | null> {
    return this.handoffs.answer(id, by, at);
  }

  listHandoffs(query?: HandoffQuery): Promise<Handoff[]> {
    return this.handoffs.list(query);
  }

  async subscribe(sub: NewSubscription, now: Date): Promise<Subscription> {
    const existing = this.find(sub.platform, sub.channelId);
    const saved: Subscription = {
      ...sub,
      id: existing?.id ?? newId(),
      createdAt: new Date(now.getTime()),
      active: true,
    };
    this.subs.set(saved.id, saved);
    return saved;
  }

  async unsubscribe(platform: SubscriptionPlatform, channelId: string): Promise<boolean> {
    const existing = this.find(platform, channelId);
    if (!existing?.active) return false;
    this.subs.set(existing.id, { ...existing, active: false });
    return true;
  }

  async getSubscription(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<Subscription | null> {
    return this.find(platform, channelId) ?? null;
  }

  async listActiveSubscriptions(): Promise<Subscription[]> {
    return [...this.subs.values()]
      .filter((s) => s.active)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async retireSubscription(id: string, _reason: string, _now: Date): Promise<void> {
    const existing = this.subs.get(id);
    if (existing) this.subs.set(id, { ...existing, active: false });
  }

  async claimTip(
    subscriptionId: string,
    day: LocalDay,
    now: Date,
    leaseMs: number,
  ): Promise<TipClaim | null> {
    let rows = this.posts.get(subscriptionId);
    if (!rows) {
      rows = new Map();
      this.posts.set(subscriptionId, rows);
    }
    let last: PostRow | undefined;
    for (const row of rows.values()) if (!last || row.seq > last.seq) last = row;
    const seq = !last ? 1 : last.claimedAt >= day.start.getTime() ? last.seq : last.seq + 1;
    const row = rows.get(seq);
    if (row && (row.status !== 'claimed' || row.claimedAt > now.getTime() - leaseMs)) return null;
    const token = newId();
    rows.set(seq, {
      seq,
      day: row?.day ?? day.date,
      token,
      claimedAt: now.getTime(),
      status: 'claimed',
      tipId: null,
      doneAt: null,
    });
    return { subscriptionId, day: day.date, seq, token };
  }

  async markTipSending(claim: TipClaim, _now: Date): Promise<void> {
    const row = this.held(claim);
    if (row?.status !== 'claimed') throw claimLost('markTipSending', claim);
    row.status = 'sending';
  }

  async confirmTip(claim: TipClaim, tipId: string, now: Date): Promise<void> {
    this.close_('confirmTip', claim, 'posted', tipId, now);
  }

  async skipTip(claim: TipClaim, _reason: string, now: Date): Promise<void> {
    this.close_('skipTip', claim, 'skipped', null, now);
  }

  async releaseTip(claim: TipClaim): Promise<void> {
    if (this.held(claim)) this.posts.get(claim.subscriptionId)?.delete(claim.seq);
  }

  async postedTips(subscriptionId: string): Promise<string[]> {
    return [...(this.posts.get(subscriptionId)?.values() ?? [])]
      .filter((row) => row.status === 'posted')
      .sort((a, b) => (a.doneAt ?? 0) - (b.doneAt ?? 0) || a.seq - b.seq)
      .map((row) => row.tipId ?? '');
  }

  async stats(limit = DEFAULT_STATS_LIMIT): Promise<Stats> {
    const subs = [...this.subs.values()];
    const byCase = new Map<string, { caseId: string; helpful: number; notHelpful: number }>();
    for (const f of this.feedback.values()) {
      const row = byCase.get(f.caseId) ?? { caseId: f.caseId, helpful: 0, notHelpful: 0 };
      if (f.helpful) row.helpful += 1;
      else row.notHelpful += 1;
      byCase.set(f.caseId, row);
    }
    const missCounts = new Map<string, number>();
    for (const m of this.misses) missCounts.set(m.query, (missCounts.get(m.query) ?? 0) + 1);
    return {
      subscriptions: {
        active: subs.filter((s) => s.active).length,
        retired: subs.filter((s) => !s.active).length,
      },
      tipsPosted: [...this.posts.entries()]
        .filter(([id]) => this.subs.has(id))
        .flatMap(([, rows]) => [...rows.values()])
        .filter((p) => p.status === 'posted').length,
      feedback: [...byCase.values()].sort((a, b) => a.caseId.localeCompare(b.caseId)),
      misses: [...missCounts.entries()]
        .map(([query, count]) => ({ query, count }))
        .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
        .slice(0, limit),
    };
  }

  async loadCaseVectors(casebook: string, model: string): Promise<CaseVector[]> {
    const kept = this.vectors.get(model);
    if (kept?.casebook !== casebook) return [];
    return [...kept.rows.values()].map((v) => ({ ...v, vector: v.vector.slice() }));
  }

  async saveCaseVectors(
    casebook: string,
    model: string,
    vectors: readonly CaseVector[],
  ): Promise<void> {
    let kept = this.vectors.get(model);
    if (kept?.casebook !== casebook) {
      kept = { casebook, rows: new Map() };
      this.vectors.set(model, kept);
    }
    for (const v of vectors)
      kept.rows.set(`${v.caseId} ${v.lang}`, { ...v, vector: v.vector.slice() });
  }

  async setChannelMode(
    setting: Omit<ChannelModeSetting, 'changedAt'>,
    now: Date,
  ): Promise<ChannelModeSetting> {
    return this.channels.setMode(setting, now);
  }

  async getChannelMode(
    platform: SubscriptionPlatform,
    channelId: string,
  ): Promise<ChannelModeSetting | null> {
    return this.channels.getMode(platform, channelId);
  }

  async rememberThread(thread: AnsweredThread, now: Date): Promise<void> {
    this.channels.remember(thread, now);
  }

  async claimThread(thread: AnsweredThread, now: Date): Promise<boolean> {
    return this.channels.claim(thread, now);
  }

  async recallThread(key: ThreadKey, since: Date): Promise<string | null> {
    return this.channels.recall(key, since);
  }

  async dismissThread(key: ThreadKey): Promise<void> {
    this.channels.dismiss(key);
  }

  async takeAnswerSlot(
    platform: SubscriptionPlatform,
    channelId: string,
    now: Date,
    maxPerHour: number,
  ): Promise<boolean> {
    return this.channels.takeSlot(platform, channelId, now, maxPerHour);
  }

  private find(platform: SubscriptionPlatform, channelId: string): Subscription | undefined {
    for (const s of this.subs.values()) {
      if (s.platform === platform && s.channelId === channelId) return s;
    }
    return undefined;
  }

  /** The row of `claim` while its holder still owns it (claimed or sending). */
  private held(claim: TipClaim): PostRow | undefined {
    const row = this.posts.get(claim.subscriptionId)?.get(claim.seq);
    if (row?.token !== claim.token) return undefined;
    return row.status === 'claimed' || row.status === 'sending' ? row : undefined;
  }

  private close_(
    op: string,
    claim: TipClaim,
    status: 'posted' | 'skipped',
    tipId: string | null,
    now: Date,
  ): void {
    const row = this.held(claim);
    if (!row) throw claimLost(op, claim);
    row.status = status;
    row.tipId = tipId;
    row.doneAt = now.getTime();
  }
}
