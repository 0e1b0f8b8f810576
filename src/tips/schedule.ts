import type { Subscription } from '../store/store.js';

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

/** The wall clock in `timeZone` at `instant`. Throws a RangeError for an unknown zone. */
export function localMoment(instant: Date, timeZone: string): LocalMoment {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + Number(parts.minute),
  };
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
  const created = localMoment(sub.createdAt, sub.timeZone);
  const subscribedAfter =
    created.date > local.date || (created.date === local.date && created.minutes > at);
  return { day: local.date, due: local.minutes >= at && !subscribedAfter };
}

/**
 * A time of day as users type it → `HH:MM`, or null: `9:00`, `09:00`, `21:30`, `9.30`, `9am`,
 * `9:30 pm`, `9点`, `21点30`, `９：００` (full width). Rejects `25:00`, `9:60`, `13pm`.
 */
export function parseTime(input: string): string | null {
  const v = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  let hours: number;
  let minutes: number;
  let m = /^(\d{1,2})(?:[:.h点時时](\d{2})?分?)?$/u.exec(v);
  if (m && (m[2] !== undefined || v !== m[1])) {
    hours = Number(m[1]);
    minutes = Number(m[2] ?? 0);
  } else {
    m = /^(\d{1,2})(?::(\d{2}))?(am|pm|a\.m\.|p\.m\.)$/.exec(v);
    if (!m) return null;
    hours = Number(m[1]);
    minutes = Number(m[2] ?? 0);
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[3]?.startsWith('p') ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Current IANA names that this runtime's ICU may know only by an older alias (Node 20 resolves
 * `Asia/Kolkata` to `Asia/Calcutta`); users see and keep the current name.
 */
const CURRENT_NAMES = [
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Ho_Chi_Minh',
  'Asia/Yangon',
  'Europe/Kyiv',
  'America/Nuuk',
  'Atlantic/Faroe',
  'Pacific/Kanton',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'America/Argentina/Buenos_Aires',
  'America/Indiana/Indianapolis',
  'Africa/Asmara',
];

let zoneIndex: Map<string, string> | null = null;

function zones(): Map<string, string> {
  if (!zoneIndex) {
    zoneIndex = new Map();
    for (const z of [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC']) {
      zoneIndex.set(z.toLowerCase(), z);
    }
    for (const current of CURRENT_NAMES) {
      const old = resolveZone(current);
      if (!old) continue;
      zoneIndex.set(current.toLowerCase(), current);
      zoneIndex.set(old.toLowerCase(), current);
    }
  }
  return zoneIndex;
}

function resolveZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * An IANA time zone as a user typed it, case-insensitively → its canonical name
 * (`asia/shanghai` → `Asia/Shanghai`, `US/Eastern` → `America/New_York`, `utc` → `UTC`), or null
 * for anything else, including raw offsets such as `+08:00` (they ignore daylight saving).
 */
export function parseTimeZone(input: string): string | null {
  const v = input.trim();
  if (!/^[A-Za-z]/.test(v)) return null;
  const known = zones().get(v.toLowerCase());
  if (known) return known;
  const resolved = resolveZone(v);
  if (!resolved) return null;
  return zones().get(resolved.toLowerCase()) ?? resolved;
}
