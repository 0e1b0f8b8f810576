import type { Lang } from '../catalog/schema.js';
import { parseTime, parseTimeZone } from './time-input.js';

export type SubscribeArgs =
  | { readonly ok: true; readonly time?: string; readonly timeZone?: string; readonly lang?: Lang }
  | { readonly ok: false; readonly problem: 'time' | 'zone' | 'arg'; readonly value: string };

/** A Map: the keys are what a user typed, which may be `constructor` or `__proto__`. */
const LANG_WORDS: ReadonlyMap<string, Lang> = new Map([
  ['en', 'en'],
  ['english', 'en'],
  ['英文', 'en'],
  ['英语', 'en'],
  ['zh', 'zh'],
  ['cn', 'zh'],
  ['chinese', 'zh'],
  ['中文', 'zh'],
  ['汉语', 'zh'],
]);

/** `[HH:MM] [Area/City] [en|zh]` in any order. */
export function parseSubscribeArgs(args: readonly string[]): SubscribeArgs {
  let time: string | undefined;
  let timeZone: string | undefined;
  let lang: Lang | undefined;
  for (const arg of args) {
    const word = LANG_WORDS.get(arg.toLowerCase());
    if (word) {
      lang = word;
    } else if (/^\d/.test(arg)) {
      const t = parseTime(arg);
      if (!t) return { ok: false, problem: 'time', value: arg };
      time = t;
    } else if (arg.includes('/') || /^(utc|gmt|etc\/.*)$/i.test(arg)) {
      const zone = parseTimeZone(arg);
      if (!zone) return { ok: false, problem: 'zone', value: arg };
      timeZone = zone;
    } else {
      return { ok: false, problem: 'arg', value: arg };
    }
  }
  return { ok: true, time, timeZone, lang };
}
