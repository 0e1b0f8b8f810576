import type { Lang } from '../catalog/schema.js';

const CJK = /\p{Script=Han}/u;

/** True for a Chinese ideograph (a CJK unified ideograph of any block). */
export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/** Any CJK ideograph makes a text Chinese; everything else is English. */
export function detectLang(text: string): Lang {
  return CJK.test(text) ? 'zh' : 'en';
}
