import { type Lang, SECTIONS, type Section } from '../catalog/model.js';

/**
 * What a button on one of our Block Kit cards means, carried compactly in its `value`
 * (Slack allows 2,000 characters). The renderer encodes, the Slack adapter decodes.
 */
export type CardAction =
  /** Open a case, whole (`section: null`) or one part of it. */
  | {
      readonly kind: 'show';
      readonly caseId: string;
      readonly section: Section | null;
      readonly lang: Lang;
    }
  /** Ask something as if typed (`list`, `tip`, an example question). Routed with `show`. */
  | { readonly kind: 'ask'; readonly text: string; readonly lang: Lang }
  /** 👍/👎 on a case card; `section` lets the card be drawn again after the vote. */
  | {
      readonly kind: 'feedback';
      readonly caseId: string;
      readonly section: Section | null;
      readonly helpful: boolean;
      readonly query: string;
      readonly lang: Lang;
    }
  /** Post this card for everyone: a case, or a command (`list`, `help`, `compare a b`). */
  | {
      readonly kind: 'share';
      readonly caseId?: string;
      readonly section?: Section | null;
      readonly text?: string;
      readonly lang: Lang;
    }
  /** The App Home in another language. */
  | { readonly kind: 'home'; readonly lang: Lang }
  /** *Not helpful* on an unprompted answer: removes it, counts as 👎, keeps its question. */
  | {
      readonly kind: 'dismiss';
      readonly caseId: string;
      readonly query: string;
      readonly lang: Lang;
    }
  /** "Ask a person" about a question (and the case casebot thought closest). */
  | {
      readonly kind: 'handoff';
      readonly question: string;
      readonly caseId: string | null;
      readonly lang: Lang;
    }
  /** "Mark answered" on a hand-off post. */
  | { readonly kind: 'answered'; readonly handoffId: string; readonly lang: Lang };

/** Every action id we use starts with this; the adapter routes on the part after it. */
export const ACTION_PREFIX = 'casebot';

export const ACTION_IDS = {
  show: `${ACTION_PREFIX}.show`,
  ask: `${ACTION_PREFIX}.show`,
  feedback: `${ACTION_PREFIX}.feedback`,
  share: `${ACTION_PREFIX}.share`,
  home: `${ACTION_PREFIX}.home`,
  dismiss: `${ACTION_PREFIX}.dismiss`,
  handoff: `${ACTION_PREFIX}.handoff`,
  answered: `${ACTION_PREFIX}.answered`,
} as const satisfies Record<CardAction['kind'], string>;

/** A unique action id within one message: `casebot.show.metrics`, `casebot.show.alt-1`. */
export function actionId(kind: CardAction['kind'], suffix: string): string {
  return `${ACTION_IDS[kind]}.${suffix}`.slice(0, 255);
}

export const MAX_VALUE_CHARS = 2000;

type Wire = {
  k: 's' | 'a' | 'f' | 'h' | 'H' | 'd' | 'p' | 'A';
  c?: string | null;
  i?: string;
  s?: Section | null;
  l: Lang;
  y?: 0 | 1;
  q?: string;
  t?: string;
};

function toWire(a: CardAction): Wire {
  switch (a.kind) {
    case 'show':
      return { k: 's', c: a.caseId, s: a.section, l: a.lang };
    case 'ask':
      return { k: 'a', t: a.text, l: a.lang };
    case 'feedback':
      return { k: 'f', c: a.caseId, s: a.section, y: a.helpful ? 1 : 0, q: a.query, l: a.lang };
    case 'share':
      return a.caseId
        ? { k: 'h', c: a.caseId, s: a.section ?? null, l: a.lang }
        : { k: 'h', t: a.text ?? '', l: a.lang };
    case 'home':
      return { k: 'H', l: a.lang };
    case 'dismiss':
      return { k: 'd', c: a.caseId, q: a.query, l: a.lang };
    case 'handoff':
      return { k: 'p', q: a.question, c: a.caseId, l: a.lang };
    case 'answered':
      return { k: 'A', i: a.handoffId, l: a.lang };
  }
}

/** The button value; free text (a query) is shortened until the whole fits in 2,000 chars. */
export function encodeAction(action: CardAction): string {
  const wire = toWire(action);
  let json = JSON.stringify(wire);
  for (const field of ['q', 't'] as const) {
    let text = wire[field];
    while (json.length > MAX_VALUE_CHARS && text) {
      text = text.slice(0, Math.floor(text.length * 0.8));
      wire[field] = text;
      json = JSON.stringify(wire);
    }
  }
  return json;
}

const isLang = (v: unknown): v is Lang => v === 'en' || v === 'zh';
const isSection = (v: unknown): v is Section | null =>
  v === null || (typeof v === 'string' && (SECTIONS as readonly string[]).includes(v));
const isId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,64}$/.test(v);
const isHandoffId = (v: unknown): v is string =>
  typeof v === 'string' && /^[0-9a-f-]{8,64}$/.test(v);

/** Reads a button value back; null when it is not one of ours. */
export function decodeAction(value: string | undefined): CardAction | null {
  if (!value) return null;
  let w: Partial<Wire>;
  try {
    w = JSON.parse(value) as Partial<Wire>;
  } catch {
    return null;
  }
  if (!w || typeof w !== 'object' || !isLang(w.l)) return null;
  const section = w.s ?? null;
  if (!isSection(section)) return null;
  switch (w.k) {
    case 's':
      return isId(w.c) ? { kind: 'show', caseId: w.c, section, lang: w.l } : null;
    case 'f':
      return isId(w.c)
        ? {
            kind: 'feedback',
            caseId: w.c,
            section,
            helpful: w.y === 1,
            query: typeof w.q === 'string' ? w.q : '',
            lang: w.l,
          }
        : null;
    case 'a':
      return typeof w.t === 'string' ? { kind: 'ask', text: w.t, lang: w.l } : null;
    case 'h':
      if (isId(w.c)) return { kind: 'share', caseId: w.c, section, lang: w.l };
      return typeof w.t === 'string' ? { kind: 'share', text: w.t, lang: w.l } : null;
    case 'H':
      return { kind: 'home', lang: w.l };
    case 'd':
      return isId(w.c)
        ? { kind: 'dismiss', caseId: w.c, query: typeof w.q === 'string' ? w.q : '', lang: w.l }
        : null;
    case 'p':
      return typeof w.q === 'string' && (w.c === null || w.c === undefined || isId(w.c))
        ? { kind: 'handoff', question: w.q, caseId: w.c ?? null, lang: w.l }
        : null;
    case 'A':
      return isHandoffId(w.i) ? { kind: 'answered', handoffId: w.i, lang: w.l } : null;
    default:
      return null;
  }
}
