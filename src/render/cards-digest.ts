import type { Lang } from '../catalog/schema.js';
import type { DigestAnswer } from '../core/model.js';
import { type Card, type CardBlock, type Rich, rich, strong } from './card-model.js';
import { daysAgo } from './freshness-line.js';
import { label } from './labels.js';

const quoted = (text: string) => `“${text}”`;
const dash = (lang: Lang) => (lang === 'zh' ? '——' : ' — ');
const paren = (lang: Lang, text: string) => (lang === 'zh' ? `（${text}）` : `(${text})`);

function day(at: Date, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(at);
}

/** A section: its bold heading, then its rows as bullets (or a short "none"). */
function section(heading: string, rows: readonly Rich[], none: string): CardBlock[] {
  return [
    { kind: 'text', text: rich(strong(heading)) },
    rows.length > 0 ? { kind: 'bullets', items: rows } : { kind: 'context', text: rich(none) },
  ];
}

/**
 * The weekly gap report as a card: the week's questions that found nothing, the answers that got
 * a 👎, the questions handed to people (and which are still open), and the cases due for review.
 * Names are written, never mentioned: a report pings nobody.
 */
export function digestCard(a: DigestAnswer): Card {
  const { lang } = a;
  const sep = lang === 'zh' ? '，' : ', ';
  const misses = a.misses.map((m) =>
    m.question === null
      ? rich(label('digestMissesUnkept', lang, { n: String(m.count) }))
      : rich(
          quoted(m.question),
          ' ',
          strong(`×${m.count}`),
          m.wordings > 1
            ? `  ${paren(lang, label('digestWordings', lang, { n: String(m.wordings) }))}`
            : '',
        ),
  );
  const unhelpful = a.unhelpful.map((u) =>
    rich(
      strong(u.title),
      ` ×${u.count}`,
      u.questions.length > 0 ? dash(lang) + u.questions.map((q) => quoted(q)).join(sep) : '',
    ),
  );
  const handoffs = a.handoffs.map((h) =>
    rich(
      strong(h.title ?? label('digestNoCase', lang)),
      dash(lang),
      label('digestAskedOpen', lang, { asked: String(h.asked), open: String(h.open) }),
    ),
  );
  const open = a.open.map((o) =>
    rich(
      `${label('digestStillOpen', lang)}: `,
      o.question ? quoted(o.question) : '…',
      o.title ? ` ${paren(lang, o.title)}` : '',
      dash(lang),
      day(o.at, lang, a.timeZone),
    ),
  );
  const stale = a.stale.map((s) =>
    rich(
      strong(s.title),
      dash(lang),
      s.reviewedDaysAgo === undefined
        ? label('digestNeverReviewed', lang)
        : label('reviewed', lang, { ago: daysAgo(s.reviewedDaysAgo, lang) }),
      s.owners.length > 0 ? ` ${paren(lang, s.owners.join(sep))}` : '',
    ),
  );
  const downs = a.unhelpful.reduce((n, u) => n + u.count, 0);
  const summary = `${label('digestTitle', lang)}: ${label('digestSummary', lang, {
    misses: String(a.missCount),
    down: String(downs),
    open: String(a.open.length),
    stale: String(a.stale.length),
  })}`;
  return {
    lang,
    summary,
    blocks: [
      { kind: 'title', text: label('digestTitle', lang) },
      {
        kind: 'context',
        text: rich(
          label('digestPeriod', lang, {
            from: day(a.since, lang, a.timeZone),
            to: day(a.until, lang, a.timeZone),
            zone: a.timeZone,
          }),
        ),
      },
      ...section(
        `${label('digestMisses', lang)} (${a.missCount})`,
        misses,
        label('digestNone', lang),
      ),
      ...section(label('digestUnhelpful', lang), unhelpful, label('digestNone', lang)),
      ...section(label('digestHandoffs', lang), [...handoffs, ...open], label('digestNone', lang)),
      ...section(
        label('digestStale', lang, { days: String(a.staleAfterDays) }),
        stale,
        label('digestNoneStale', lang),
      ),
    ],
  };
}
