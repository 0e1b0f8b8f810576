/**
 * The subscription days this process knows are closed (posted, skipped, retired) or held by
 * another pass, kept across the scheduler's passes: a pass every minute then asks the store only
 * about days it does not know, instead of trying 10,000 claims a minute all day long. A day held
 * by someone else is asked about again once that claim's lease is over (it may be given back).
 */
export class SettledDays {
  private readonly until = new Map<string, number>();

  /** Whether `day` of `subscriptionId` is known closed at `nowMs`. */
  has(subscriptionId: string, day: string, nowMs: number): boolean {
    const until = this.until.get(`${subscriptionId} ${day}`);
    return until !== undefined && until > nowMs;
  }

  /** Not asked about again before `untilMs`. */
  close(subscriptionId: string, day: string, untilMs: number): void {
    this.until.set(`${subscriptionId} ${day}`, untilMs);
  }

  /** Forgets what is past (called once a pass). */
  prune(nowMs: number): void {
    for (const [key, until] of this.until) if (until <= nowMs) this.until.delete(key);
  }
}
