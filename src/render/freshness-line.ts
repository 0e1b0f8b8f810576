import type { Freshness } from '../catalog/freshness.js';
import type { Case, Lang } from '../catalog/schema.js';
import { type Rich, rich, type Span } from './card-model.js';
import { label } from './labels.js';

const formats = new Map<Lang, Intl.RelativeTimeFormat>();

/** "3 months ago" / "3个月前", from a number of days (the clock was read by the core). */
export function daysAgo(days: number, lang: Lang): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
    formats.set(lang, f);
  }
  if (days < 7) return f.format(-days, 'day');
  if (days < 30) return f.format(-Math.floor(days / 7), 'week');
  if (days < 365) return f.format(-Math.max(1, Math.floor(days / 30.44)), 'month');
  return f.format(-Math.floor(days / 365.25), 'year');
}

/**
 * A case card's footer: who keeps the case and when it was last reviewed ("Owner: Alice ·
 * reviewed 3 months ago", "· due for review" once stale); null when the case has neither.
 * Owners are named, never mentioned: a card is read by many, a mention pings.
 */
export function freshnessLine(c: Case, freshness: Freshness | undefined, lang: Lang): Rich | null {
  const owners = c.owners ?? [];
  const days = freshness?.reviewedDaysAgo;
  if (owners.length === 0 && days === undefined) return null;
  const parts: (string | Span)[] = [];
  const colon = lang === 'zh' ? '：' : ': ';
  if (owners.length > 0) {
    parts.push(`${label(owners.length > 1 ? 'owners' : 'owner', lang)}${colon}`);
    owners.forEach((o, i) => {
      if (i > 0) parts.push(lang === 'zh' ? '、' : ', ');
      parts.push({ text: o.name });
    });
  }
  if (days !== undefined) {
    const ago = daysAgo(days, lang);
    parts.push(owners.length > 0 ? '  ·  ' : '');
    parts.push(label(owners.length > 0 ? 'reviewed' : 'reviewedFirst', lang, { ago }));
    if (freshness?.stale) parts.push(`  ·  ⚠️ ${label('dueForReview', lang)}`);
  }
  return rich(...parts);
}
