/**
 * Slack mrkdwn helpers. Every piece of data text (what a user typed, and the casebook itself) goes
 * through `escapeMrkdwn`, so nothing can turn into `<!channel>`, `<!here>`, `<@U…>` or a link.
 */

/** Escapes the three characters Slack gives meaning to: `&`, `<`, `>`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts text to at most `max` characters (code points never split), ending with `…` when cut.
 * An HTML entity produced by `escapeMrkdwn` is never cut in half.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Do not leave half a surrogate pair or half an entity (`&am`).
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/** Escapes, then clips: the usual way to put data text into mrkdwn. */
export function safe(text: string, max = 3000): string {
  return clip(escapeMrkdwn(text), max);
}

/** A mrkdwn link whose label is data text; the URL is ours (never user input). */
export function link(url: string, labelText: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(labelText).replace(/\|/g, '¦')}>`;
}

/** A user mention, only for ids Slack itself gave us (never for typed text). */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Plain text (header, button, alt text): no escaping needed, only the length limit. */
export function plain(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}
