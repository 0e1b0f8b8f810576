import type { Lang, Text } from '../catalog/schema.js';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const LATIN = /[a-z]/i;

/** The reply language a text asks for: any CJK ideograph → zh, Latin letters → en, else none. */
export function languageOf(text: string): Lang | undefined {
  if (CJK.test(text)) return 'zh';
  if (LATIN.test(text)) return 'en';
  return undefined;
}

export function pick(text: Text, lang: Lang): string {
  return text[lang];
}
