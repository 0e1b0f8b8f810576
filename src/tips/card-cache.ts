import type { Lang, Tip } from '../catalog/schema.js';

/**
 * `render(tip, lang)`, remembered: every channel that gets the same tip in the same language gets
 * the same card, so a pass over 10,000 channels renders a handful. Keyed by the tip object, so a
 * reloaded casebook (new tip objects) renders afresh and the old cards are let go.
 */
export function cardCache<T>(render: (tip: Tip, lang: Lang) => T): (tip: Tip, lang: Lang) => T {
  const cards = new WeakMap<Tip, Map<Lang, T>>();
  return (tip, lang) => {
    let byLang = cards.get(tip);
    if (!byLang) {
      byLang = new Map();
      cards.set(tip, byLang);
    }
    let card = byLang.get(lang);
    if (card === undefined) {
      card = render(tip, lang);
      byLang.set(lang, card);
    }
    return card;
  };
}
