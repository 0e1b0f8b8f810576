import type { Lang } from '../catalog/schema.js';

export type SubscribeArgs =
  | { readonly ok: true; readonly time?: string; readonly timeZone?: string; readonly lang?: Lang }
  | { readonly ok: false; readonly problem: 'time' | 'zone' | 'arg'; readonly value: string };

const ZONES: ReadonlyMap<string, string> = new Map(
  [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC'].map((z) => [z.toLowerCase(), z]),
);

/** The canonical IANA name of a zone ("asia/shanghai" → "Asia/Shanghai"), or null. */
export function canonicalZone(value: string): string | null {
  const known = ZONES.get(value.toLowerCase());
  if (known) return known;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "9:00", "09:00", "21:30", "9am", "9pm", "9点", "21点30" → "HH:MM"; null when not a valid time. */
export function parseTime(value: string): string | null {
  const v = value.toLowerCase().normalize('NFKC');
  let m =
    /^(\d{1,2})(?::|：|点|時|时)(\d{2})?(?:分)?$/u.exec(v) ?? /^(\d{1,2})[:.](\d{2})$/.exec(v);
  let hours: number;
  let minutes = 0;
  if (m) {
    hours = Number(m[1]);
    minutes = m[2] ? Number(m[2]) : 0;
  } else {
    m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)$/.exec(v);
    if (!m) return null;
    hours = Number(m[1]);
    minutes = m[2] ? Number(m[2]) : 0;
    if (hours < 1 || hours > 12) return null;
    if (m[3] === 'am') hours %= 12;
    else hours = (hours % 12) + 12;
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const LANG_WORDS: Readonly<Record<string, Lang>> = {
  en: 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
  zh: 'zh',
  cn: 'zh',
  chinese: 'zh',
  中文: 'zh',
  汉语: 'zh',
};

/** `[HH:MM] [Area/City] [en|zh]` in any order. */
export function parseSubscribeArgs(args: readonly string[]): SubscribeArgs {
  let time: string | undefined;
  let timeZone: string | undefined;
  let lang: Lang | undefined;
  for (const arg of args) {
    const lower = arg.toLowerCase();
    if (LANG_WORDS[lower]) {
      lang = LANG_WORDS[lower];
    } else if (/^\d/.test(arg)) {
      const t = parseTime(arg);
      if (!t) return { ok: false, problem: 'time', value: arg };
      time = t;
    } else if (arg.includes('/') || /^(utc|gmt|etc\/.*)$/i.test(arg)) {
      const zone = canonicalZone(arg);
      if (!zone) return { ok: false, problem: 'zone', value: arg };
      timeZone = zone;
    } else {
      return { ok: false, problem: 'arg', value: arg };
    }
  }
  return { ok: true, time, timeZone, lang };
}
