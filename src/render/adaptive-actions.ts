import { LANGS, type Lang, SECTIONS, type Section } from '../catalog/model.js';
import type { BotAction } from '../core/model.js';
import type { ExecuteAction, Refresh, SubmitAction } from './adaptive-types.js';

/**
 * What a button on our cards carries. It is an `Action.Execute` (Teams answers it with the
 * `adaptiveCard/action` invoke, and the card the bot returns replaces the pressed one for the
 * presser), with the same button as an `Action.Submit` for clients without Universal Actions
 * (Teams sends that back as the `value` of a message activity). Both carry this payload, which
 * the Teams adapter turns into a `BotRequest.action` with `parseSubmitData`. The card's language
 * travels with it, so the answer keeps the card's language.
 */
export type SubmitPayload =
  | {
      readonly casebot: 'show';
      readonly caseId: string;
      readonly section: Section | null;
      readonly lang: Lang;
    }
  | { readonly casebot: 'ask'; readonly text: string; readonly lang: Lang }
  | {
      readonly casebot: 'dismiss';
      readonly caseId: string;
      readonly query: string;
      readonly lang: Lang;
    }
  | {
      readonly casebot: 'feedback';
      readonly caseId: string;
      readonly helpful: boolean;
      readonly query: string;
      /** The view the vote was given on, so the card can be drawn again with the thanks. */
      readonly section?: Section | null;
      readonly lang: Lang;
    }
  | {
      readonly casebot: 'handoff';
      readonly question: string;
      readonly caseId: string | null;
      readonly lang: Lang;
    }
  | { readonly casebot: 'answered'; readonly handoffId: string; readonly lang: Lang };

/** Questions carried on 👍/👎 buttons are capped (the core caps them at 500 anyway). */
const MAX_QUERY = 500;

/** A button: the Universal Action, with the same button as a plain submit for older clients. */
function button(title: string, data: SubmitPayload): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb: data.casebot,
    data,
    fallback: { type: 'Action.Submit', title, data },
  };
}

export function showAction(
  title: string,
  caseId: string,
  section: Section | null,
  lang: Lang,
): ExecuteAction {
  return button(title, { casebot: 'show', caseId, section, lang });
}

/** A button that asks casebot something (`list`, `tip`, an example question). */
export function askAction(title: string, text: string, lang: Lang): ExecuteAction {
  return button(title, { casebot: 'ask', text: [...text].slice(0, MAX_QUERY).join(''), lang });
}

export function feedbackAction(
  title: string,
  vote: { caseId: string; helpful: boolean; query: string; section: Section | null },
  lang: Lang,
): ExecuteAction {
  return button(title, {
    casebot: 'feedback',
    caseId: vote.caseId,
    helpful: vote.helpful,
    query: [...vote.query].slice(0, MAX_QUERY).join(''),
    section: vote.section,
    lang,
  });
}

/**
 * Keeps a user's view of a case on every client they use: Teams fetches it again (with this
 * action) for `userId` only; everyone else keeps the card that was posted.
 */
export function viewRefresh(
  caseId: string,
  section: Section | null,
  lang: Lang,
  userId: string,
): Refresh {
  const data: SubmitPayload = { casebot: 'show', caseId, section, lang };
  return {
    action: { type: 'Action.Execute', title: 'Refresh', verb: 'show', data },
    userIds: [userId],
  };
}

/** *Not helpful* on an unprompted answer (Teams deletes the card it came from). */
export function dismissAction(
  title: string,
  caseId: string,
  query: string,
  lang: Lang,
): SubmitAction {
  const data: SubmitPayload = {
    casebot: 'dismiss',
    caseId,
    query: [...query].slice(0, MAX_QUERY).join(''),
    lang,
  };
  return { type: 'Action.Submit', title, data };
}

/** "Ask a person" about a question and the case casebot thought closest. */
export function handoffAction(
  title: string,
  question: string,
  caseId: string | null,
  lang: Lang,
): SubmitAction {
  const data: SubmitPayload = {
    casebot: 'handoff',
    question: [...question].slice(0, MAX_QUERY).join(''),
    caseId,
    lang,
  };
  return { type: 'Action.Submit', title, data };
}

/** "Mark answered" on a hand-off post. */
export function answeredAction(title: string, handoffId: string, lang: Lang): SubmitAction {
  const data: SubmitPayload = { casebot: 'answered', handoffId, lang };
  return { type: 'Action.Submit', title, data };
}

const isLang = (v: unknown): v is Lang =>
  typeof v === 'string' && (LANGS as readonly string[]).includes(v);
const isSection = (v: unknown): v is Section =>
  typeof v === 'string' && (SECTIONS as readonly string[]).includes(v);
const isCaseId = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 100 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v);

/**
 * A click on one of our cards, or null for anything else (someone else's card, a forged value).
 * `section` is the view a 👍/👎 was given on (null for the summary).
 */
export function parseSubmitData(
  value: unknown,
): { action: BotAction; lang?: Lang; section?: Section | null } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const lang = isLang(v.lang) ? v.lang : undefined;
  if (v.casebot === 'ask' && typeof v.text === 'string') {
    return { action: { kind: 'ask', text: [...v.text].slice(0, MAX_QUERY).join('') }, lang };
  }
  if (v.casebot === 'handoff' && typeof v.question === 'string') {
    const caseId = isCaseId(v.caseId) ? v.caseId : null;
    const question = [...v.question].slice(0, MAX_QUERY).join('');
    return { action: { kind: 'handoff', question, caseId }, lang };
  }
  if (v.casebot === 'answered' && typeof v.handoffId === 'string') {
    if (!/^[0-9a-f-]{8,64}$/.test(v.handoffId)) return null;
    return { action: { kind: 'handoff-answered', handoffId: v.handoffId }, lang };
  }
  if (!isCaseId(v.caseId)) return null;
  if (v.casebot === 'show') {
    const section = isSection(v.section) ? v.section : null;
    return { action: { kind: 'show', caseId: v.caseId, section }, lang };
  }
  if (v.casebot === 'dismiss') {
    const query = typeof v.query === 'string' ? [...v.query].slice(0, MAX_QUERY).join('') : '';
    return { action: { kind: 'dismiss', caseId: v.caseId, query }, lang };
  }
  if (v.casebot === 'feedback' && typeof v.helpful === 'boolean') {
    const query = typeof v.query === 'string' ? [...v.query].slice(0, MAX_QUERY).join('') : '';
    const section = isSection(v.section) ? v.section : null;
    return {
      action: { kind: 'feedback', caseId: v.caseId, helpful: v.helpful, query },
      lang,
      section,
    };
  }
  return null;
}
