import type { LocalDay, Subscription } from '../store/store.js';

/** A moment as a wall clock in some zone shows it. */
export interface LocalMoment {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** Minutes since local midnight (0–1439). */
  readonly minutes: number;
}

export interface TipDue {
  /** The subscription's local date at `now`: the day a post is claimed for. */
  readonly day: string;
  readonly due: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const TWO_DAYS_MS = 48 * 3600_000;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The last moment asked per zone: a pass asks every subscription about the same instant. */
const lastAsked = new Map<string, { readonly at: number; readonly moment: LocalMoment }>();

/** The wall clock in `timeZone` at `instant`. Throws a RangeError for an unknown zone. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const last = lastAsked.get(timeZone);
  if (last?.at === instant.getTime()) return last.moment;
  const moment = wallClock(instant, timeZone);
  lastAsked.set(timeZone, { at: instant.getTime(), moment });
  return moment;
}

function wallClock(instant: Date, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute),
  };
}

/** `timeZone` when this runtime knows it, else null (a zone stored before zones were checked). */
export function usableZone(timeZone: string): string | null {
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return null;
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * `date` in `timeZone` with the moment it began: local midnight, or the first minute of the date
 * where midnight is skipped by a clock change. Zones are at most 14 h ahead of UTC and 12 h
 * behind, so that moment lies within a day of UTC midnight; it is found by bisection.
 */
export function localDay(date: string, timeZone: string): LocalDay {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  let before = midnight - 14 * HOUR_MS - MINUTE_MS; // still the day before, in every zone
  let from = midnight + 12 * HOUR_MS; // already the date, in every zone
  while (from - before > MINUTE_MS) {
    const mid = before + Math.floor((from - before) / 2 / MINUTE_MS) * MINUTE_MS;
    if (localMoment(new Date(mid), timeZone).date >= date) from = mid;
    else before = mid;
  }
  return { date, start: new Date(from) };
}

/** "09:00" → 540. The time must already be valid (see `parseTime`). */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Whether a subscription's tip is due at `now`: its local time has reached `HH:MM` on the local
 * date. Comparing wall clocks handles daylight saving by itself: a time skipped in spring
 * (02:30 in New York) is due from 03:00, and a time repeated in autumn is one local day, claimed
 * once.
 *
 * A day whose time had already passed when the channel subscribed is not due: subscribing at
 * 10:00 for 09:00 means the first tip comes tomorrow at 09:00, not a surprise post right away.
 * Subscribing at exactly 09:00 (same minute) still gets today's tip.
 */
export function tipDue(
  sub: Pick<Subscription, 'time' | 'timeZone' | 'createdAt'>,
  now: Date,
): TipDue {
  const local = localMoment(now, sub.timeZone);
  const at = minutesOf(sub.time);
  // Subscribed two days ago or earlier: that was another local date in every zone.
  const created =
    sub.createdAt.getTime() <= now.getTime() - TWO_DAYS_MS
      ? null
      : wallClock(sub.createdAt, sub.timeZone);
  const subscribedAfter =
    created !== null &&
    (created.date > local.date || (created.date === local.date && created.minutes > at));
  return { day: local.date, due: local.minutes >= at && !subscribedAfter };
}

// Parsing what users type lives with the command grammar; the scheduler re-uses it.
export { parseTime, parseTimeZone } from '../core/time-input.js';
