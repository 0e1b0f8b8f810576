/** Times of day and time zones as people type them (used by `subscribe`). */

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

/** Longer than any IANA name (the longest are ~32 characters). */
const MAX_ZONE_LENGTH = 64;

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
  if (!/^[A-Za-z]/.test(v) || v.length > MAX_ZONE_LENGTH) return null;
  const known = zones().get(v.toLowerCase());
  if (known) return known;
  const resolved = resolveZone(v);
  if (!resolved) return null;
  return zones().get(resolved.toLowerCase()) ?? resolved;
}
