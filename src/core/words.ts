/** Command words compare after NFKC (full-width letters), lower-casing and trailing punctuation. */
export function normalizeCommandWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[/!]+/, '')
    .replace(/[.!?。！？:：,，]+$/u, (m) => (m === '?' && word.trim() === '?' ? '?' : ''));
}
