import type { Handoff, HandoffLimit, HandoffQuery, HandoffRequest, NewHandoff } from './store.js';
import { DEFAULT_LIST_LIMIT, newId } from './support.js';

/** The hand-offs of the in-memory store (tests, the console). */
export class MemoryHandoffs {
  private readonly rows: Handoff[] = [];

  async request(h: NewHandoff, limit: HandoffLimit): Promise<HandoffRequest> {
    const earlier = this.rows.find(
      (r) =>
        r.platform === h.platform &&
        r.conversationId === h.conversationId &&
        r.questionKey === h.questionKey,
    );
    if (earlier) return { kind: 'exists', handoff: { ...earlier } };
    const from = h.at.getTime() - limit.windowMs;
    const recent = this.rows.filter(
      (r) => r.platform === h.platform && r.askerId === h.askerId && r.at.getTime() > from,
    ).length;
    if (recent >= limit.max) return { kind: 'limited' };
    const handoff: Handoff = { ...h, id: newId(), answeredAt: null, answeredBy: null };
    this.rows.push(handoff);
    return { kind: 'created', handoff: { ...handoff } };
  }

  async answer(id: string, by: string, at: Date): Promise<Handoff | null> {
    const i = this.rows.findIndex((r) => r.id === id);
    const row = this.rows[i];
    if (!row) return null;
    if (row.answeredAt) return { ...row };
    const answered = { ...row, answeredAt: new Date(at.getTime()), answeredBy: by };
    this.rows[i] = answered;
    return { ...answered };
  }

  async list({ since, open, limit = DEFAULT_LIST_LIMIT }: HandoffQuery = {}): Promise<Handoff[]> {
    return this.rows
      .filter((r) => (!since || r.at >= since) && (!open || r.answeredAt === null))
      .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((r) => ({ ...r }));
  }
}
