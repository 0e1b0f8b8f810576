import type { Lang, Owner } from '../catalog/schema.js';
import type { HandoffAnswer, HandoffOffer } from '../core/model.js';
import {
  type Card,
  type CardBlock,
  type CardButton,
  moment,
  person,
  type Rich,
  rich,
  type Span,
  strong,
} from './card-model.js';
import { label } from './labels.js';

const colon = (lang: Lang) => (lang === 'zh' ? '：' : ': ');

/** "Ask a person", for any card that offers it. */
export function askPersonButton(lang: Lang, offer: HandoffOffer): CardButton {
  return {
    label: label('askPerson', lang),
    action: { kind: 'handoff', question: offer.question, caseId: offer.caseId },
  };
}

function people(list: readonly Owner[], lang: Lang): Span[] {
  const sep = lang === 'zh' ? '、' : ', ';
  return list.flatMap((o, i) => [...(i > 0 ? [{ text: sep }] : []), person(o)]);
}

/** Who asked, what, and the closest case: the top of every hand-off post. */
function head(a: HandoffAnswer): CardBlock[] {
  const { lang } = a;
  // The colon outside the bold: Teams' markdown does not close `**…：**` before a letter.
  const question: Rich = rich(
    strong(label('handoffQuestion', lang)),
    colon(lang),
    a.question || label('handoffNoQuestion', lang),
  );
  return [
    { kind: 'text', text: rich('🙋 ', person(a.asker), label('handoffAsked', lang)) },
    { kind: 'text', text: question },
    {
      kind: 'context',
      text: a.case
        ? rich(`${label('closestCase', lang)}${colon(lang)}`, a.case.title)
        : rich(label('noCloseCase', lang)),
    },
  ];
}

function answeredLine(a: HandoffAnswer): CardBlock[] {
  if (!a.answered) return [];
  const { lang } = a;
  return [
    {
      kind: 'context',
      text: rich(
        label('answeredBy', lang),
        person(a.answered.by),
        label('answeredByEnd', lang),
        '  ·  ',
        moment(a.answered.at),
      ),
    },
  ];
}

/**
 * The hand-off as posted where people will see it: in the thread (or channel) it was asked in,
 * or in the experts channel (`link` goes back to where it was asked). Its owners are mentioned;
 * "Mark answered" closes it (and the card then says who did).
 */
export function handoffPostCard(a: HandoffAnswer, link?: string): Card {
  const { lang } = a;
  const blocks: CardBlock[] = head(a);
  if (a.route.kind === 'experts') {
    blocks.push({
      kind: 'context',
      text: link
        ? rich({ text: label('askedIn', lang), href: link })
        : rich(label('askedPrivately', lang)),
    });
  }
  if (a.status === 'answered') blocks.push(...answeredLine(a));
  else if (a.owners.length > 0) {
    blocks.push({ kind: 'text', text: rich(...people(a.owners, lang), label('canYouHelp', lang)) });
  } else if (a.route.kind === 'here') {
    blocks.push({ kind: 'context', text: rich(label('nobodyNamed', lang)) });
  }
  if (a.status !== 'answered') {
    blocks.push({
      kind: 'actions',
      id: 'handoff',
      buttons: [
        {
          label: label('markAnswered', lang),
          action: { kind: 'handoff-answered', handoffId: a.id },
        },
      ],
    });
  }
  const who = a.asker.name;
  return {
    lang,
    blocks,
    summary: `🙋 ${who}${label('handoffAsked', lang)}${a.question ? `${colon(lang)}${a.question}` : ''}`,
  };
}

/** What the asker's conversation is told when the hand-off went to the experts channel. */
export function handoffNoteCard(a: HandoffAnswer, surface: 'slack' | 'teams' | 'text'): Card {
  const { lang } = a;
  const channel = a.route.kind === 'experts' ? a.route.channel : '';
  const text =
    surface === 'teams'
      ? rich(label('expertsNoteTeams', lang))
      : rich(label('expertsNote', lang), { text: channel, mention: { slack: channel } });
  return { lang, blocks: [{ kind: 'text', text }], summary: text.map((s) => s.text).join('') };
}

/** A private chat: who to ask, or that nobody is named (only the asker sees it). */
function privateCard(a: HandoffAnswer): Card {
  const { lang } = a;
  const text =
    a.owners.length > 0
      ? rich(
          label('privateOwners', lang),
          ...people(a.owners, lang),
          label('privateOwnersEnd', lang),
        )
      : rich(label('privateNobody', lang));
  return { lang, blocks: [{ kind: 'text', text }], summary: text.map((s) => s.text).join('') };
}

/** A second press: who asked already, and when (in the reader's time zone where possible). */
function alreadyCard(a: HandoffAnswer): Card {
  const { lang } = a;
  const text = rich(
    'ℹ️ ',
    person(a.asker),
    label('alreadyAsked', lang),
    moment(a.at),
    label('alreadyAskedEnd', lang),
    a.answered ? label('alreadyAnswered', lang) : '',
  );
  return { lang, blocks: [{ kind: 'text', text }], summary: text.map((s) => s.text).join('') };
}

/**
 * The card for a hand-off answer as a reply to the presser: a private chat's note, a second
 * press's note, or the post itself (the adapters post the experts' note and post beside it).
 */
export function handoffCard(a: HandoffAnswer, link?: string): Card {
  if (a.status === 'already-asked') return alreadyCard(a);
  if (a.route.kind === 'private') return privateCard(a);
  return handoffPostCard(a, link);
}
