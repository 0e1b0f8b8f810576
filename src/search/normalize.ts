/** Only the first this-many characters of a question are searched: a pasted log must stay fast. */
export const MAX_QUERY_CHARS = 500;

/**
 * The one text form the search compares: NFKC (full-width ＧＰＵ → GPU), lower case, every run of
 * punctuation, symbols and emoji turned into one space, trimmed, at most `maxChars` long.
 */
export function normalize(text: string, maxChars = MAX_QUERY_CHARS): string {
  // Cut before the (linear but not free) Unicode work; NFKC can only shrink or keep small growth.
  const head = text.length > maxChars * 2 ? text.slice(0, maxChars * 2) : text;
  return head
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .slice(0, maxChars)
    .trimEnd();
}
