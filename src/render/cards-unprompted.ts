import type { AutoModeAnswer, UnpromptedAnswer } from '../core/model.js';
import {
  type Card,
  type CardBlock,
  code,
  plainOf,
  type Rich,
  rich,
  type Span,
  strong,
} from './card-model.js';
import { colon, leadOf } from './cards-case.js';
import { factFor, headlineOf } from './facts.js';
import { label } from './labels.js';

type Surface = 'slack' | 'teams' | 'text';

/** How `auto …` is typed where the card is shown. */
const AUTO_COMMAND = { slack: '/case auto', teams: '@casebot auto', text: 'auto' } as const;
const ASK_COMMAND = { slack: '/case …', teams: '@casebot …', text: '…' } as const;

const MAX_TERMS = 3;
const MAX_TERM_CHARS = 30;

/** The part asked for, when the case has none of it (a team's case without a diagram or figures). */
function missingPart(a: UnpromptedAnswer): 'unpromptedNoDiagram' | 'unpromptedNoFigures' | null {
  if (a.section === 'architecture' && !a.case.diagram) return 'unpromptedNoDiagram';
  if (a.section === 'metrics' && a.case.metrics.length === 0) return 'unpromptedNoFigures';
  return null;
}

/** The part of the case the message asked for: a figure, the solutions, else the headline. */
function answerLead(a: UnpromptedAnswer): Rich {
  const { case: c, lang } = a;
  const missing = missingPart(a);
  if (missing) {
    return rich(
      'ℹ️ ',
      strong(label(missing, lang)),
      lang === 'zh' ? '。' : '. ',
      headlineOf(c, lang),
    );
  }
  const fact = factFor(c, a.query);
  if (fact) return leadOf(c, lang, fact);
  if (a.section === 'solutions' && c.solutions.length > 0) {
    return leadOf(c, lang, { kind: 'technology', principles: c.solutions.map((s) => s.principle) });
  }
  if (a.section === 'challenges' && c.challenges.length > 0) {
    return rich(
      '🧩 ',
      strong(
        c.challenges
          .slice(0, 2)
          .map((t) => t[lang])
          .join(lang === 'zh' ? '；' : '; '),
      ),
    );
  }
  return rich('🏆 ', strong(headlineOf(c, lang)));
}

/**
 * A matched term as the message wrote it: the search reports normalised stems ("flash sal"), so
 * each is looked up among the message's own words ("flash sale"); a term the message does not
 * contain is not shown.
 */
export function asWritten(query: string, term: string): string | null {
  const t = term.trim().toLowerCase();
  if (!t) return null;
  const at = query.toLowerCase().indexOf(t);
  // Chinese has no spaces to find words by: the term as it stands, or nothing.
  if (/[\u3400-\u9fff]/u.test(t)) return at >= 0 ? query.slice(at, at + t.length) : null;
  const words = [...query.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)];
  const tokens = t.split(/[\s-]+/).filter(Boolean);
  for (let i = 0; i + tokens.length <= words.length; i++) {
    const run = words.slice(i, i + tokens.length);
    const fits = run.every((w, j) => {
      return w[0].toLowerCase().startsWith(tokens[j]!);
    });
    if (fits) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      return query.slice(first.index, (last.index ?? 0) + last[0].length);
    }
  }
  return at >= 0 ? query.slice(at, at + t.length) : null;
}

/** The message's own words that made the case fit, longest first, none inside another. */
function evidenceWords(a: UnpromptedAnswer): string[] {
  const found = a.evidence
    .map((t) => asWritten(a.query, t))
    .filter((w): w is string => w !== null)
    .sort((x, y) => y.length - x.length);
  const kept: string[] = [];
  for (const w of found) {
    if (!kept.some((k) => k.toLowerCase().includes(w.toLowerCase()))) kept.push(w);
  }
  return kept;
}

function whyLine(a: UnpromptedAnswer): string {
  const terms = evidenceWords(a)
    .slice(0, MAX_TERMS)
    .map((t) => [...t].slice(0, MAX_TERM_CHARS).join(''))
    .join(a.lang === 'zh' ? '”“' : '”, “');
  const sep = a.lang === 'zh' ? ' · ' : ' · ';
  const why =
    a.basis === 'context' || !terms
      ? label(a.basis === 'context' ? 'unpromptedWhyContext' : 'unpromptedAuto', a.lang)
      : label(a.basis === 'switch' ? 'unpromptedWhySwitch' : 'unpromptedWhy', a.lang, { terms });
  return why === label('unpromptedAuto', a.lang)
    ? why
    : `${why}${sep}${label('unpromptedAuto', a.lang)}`;
}

/**
 * The small answer to a message nobody addressed to casebot: the case, the part asked for, why it
 * fits, and two buttons: the whole case, or *Not helpful* (which removes it for everyone).
 */
export function unpromptedCard(a: UnpromptedAnswer): Card {
  const { case: c, lang } = a;
  const lead = answerLead(a);
  return {
    lang,
    summary: `${c.title[lang]}${colon(lang)}${plainOf(lead).replace(/^\S+\s/u, '')}`,
    blocks: [
      { kind: 'title', text: c.title[lang] },
      { kind: 'lead', text: lead },
      { kind: 'context', text: rich(whyLine(a)) },
      {
        kind: 'actions',
        id: 'unprompted',
        buttons: [
          {
            label: label('showCase', lang),
            // The whole case: the reply already led with the part asked for.
            action: { kind: 'show', caseId: c.id, section: null },
            primary: true,
          },
          {
            label: label('dismiss', lang),
            action: { kind: 'dismiss', caseId: c.id, query: a.query },
          },
        ],
      },
    ],
  };
}

/** A sentence with one `{command}` or `{user}` in it, that place filled with a span. */
function filled(text: string, span: Span): Rich {
  const [before = '', after = ''] = text.split('\u0000');
  return rich(before, span, after);
}

function whoAndWhen(a: AutoModeAnswer, surface: Surface): Rich {
  const { lang, by } = a;
  const date = a.at ? a.at.toISOString().slice(0, 10) : '';
  // Slack shows the user id as a mention; elsewhere only a name says who.
  const who: Span | null =
    by && surface === 'slack' && by.id
      ? { text: by.id, user: by.id }
      : by?.name
        ? { text: by.name }
        : null;
  if (a.changed) {
    if (!who) return rich();
    return filled(
      label(a.mode === 'auto' ? 'autoTurnedOn' : 'autoTurnedOff', lang, { user: '\u0000' }),
      who,
    );
  }
  if (!a.at) return rich(label('autoDefault', lang));
  return who
    ? filled(label('autoSetBy', lang, { user: '\u0000', date }), who)
    : rich(label('autoSetOn', lang, { date }));
}

/**
 * A channel's mode: on a change, the announcement everyone in the channel sees (who, what casebot
 * will and won't do, the cap, how to undo it); otherwise the same, as the current state.
 */
export function autoModeCard(a: AutoModeAnswer, surface: Surface): Card {
  const { lang } = a;
  const on = a.mode === 'auto';
  const title = on ? `🤖 ${label('autoOnTitle', lang)}` : `🔕 ${label('autoOffTitle', lang)}`;
  const undo = `${AUTO_COMMAND[surface]} ${on ? 'off' : 'on'}`;
  const who = whoAndWhen(a, surface);
  const blocks: CardBlock[] = [{ kind: 'title', text: title }];
  if (who.length > 0) blocks.push({ kind: 'context', text: who });
  blocks.push({
    kind: 'bullets',
    items: on
      ? [
          rich(label('autoWill', lang)),
          rich(label('autoWont', lang, { cap: String(a.maxPerHour) })),
          rich(label('autoPrivacy', lang)),
        ]
      : [filled(label('autoOffWill', lang, { command: '\u0000' }), code(ASK_COMMAND[surface]))],
  });
  blocks.push({
    kind: 'context',
    text: filled(label(on ? 'autoHowOff' : 'autoHowOn', lang, { command: '\u0000' }), code(undo)),
  });
  return { lang, summary: `${title}${lang === 'zh' ? '。' : '.'} ${plainOf(who)}`.trim(), blocks };
}
