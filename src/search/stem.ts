/**
 * A light English stemmer: plurals, -ing, -ed, -ly, -ment and a final e, so that "scaling",
 * "scale" and "scales" meet, and "devices" finds "device". Words with digits and short words are
 * left alone (k8s, gpu, 618).
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word) || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(ss|is)$/.test(s) && !(s.endsWith('us') && s.length > 5)) {
    s = s.slice(0, -1);
  }
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly', 'ment']) {
    if (s.endsWith(suffix) && s.length - suffix.length >= 3) {
      s = s.slice(0, -suffix.length);
      // running → runn → run; but keep "ll"/"ss" words (install, access) as they are.
      if (suffix !== 'ly' && suffix !== 'ment' && /([^aeiouls])\1$/.test(s)) s = s.slice(0, -1);
      break;
    }
  }
  if (s.endsWith('e') && s.length > 3) s = s.slice(0, -1);
  return s;
}
