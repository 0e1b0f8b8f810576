import type { MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import type { Catalog } from '../../catalog/load.js';
import type { Case, Lang } from '../../catalog/schema.js';
import { caseByName } from '../../core/resolve.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCardOptions,
  renderAdaptiveCard,
} from '../../render/adaptive-card.js';
import { caseIdOfUrl } from '../../render/case-links.js';
import { diagramLinks } from '../../render/diagram.js';
import { label, principleLabel, stars } from '../../render/labels.js';
import type { SearchIndex } from '../../search/types.js';

/** The search command declared in manifests/teams/manifest.json. */
export const SEARCH_COMMAND_ID = 'searchCases';
export const SEARCH_PARAMETER = 'query';
export const MAX_RESULTS = 10;

/** The typed text of a search invoke ('' on the initial run, when Teams opens the box). */
export function searchText(query: MessagingExtensionQuery): string {
  const param = query.parameters?.find((p) => p.name === SEARCH_PARAMETER);
  const value = typeof param?.value === 'string' ? param.value : '';
  return value.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/**
 * Cases for a search, best first: an empty query lists the whole casebook in its order; a case
 * named outright comes first, then the confident search matches.
 */
export function rankCases(catalog: Catalog, index: SearchIndex, text: string): Case[] {
  if (!text) return [...catalog.cases];
  const ranked: Case[] = [];
  const add = (c: Case | undefined | null) => {
    if (c && !ranked.includes(c)) ranked.push(c);
  };
  add(caseByName(catalog.cases, text));
  for (const m of index.search(text).matches) add(catalog.byId.get(m.caseId));
  return ranked;
}

/**
 * A case as a messaging-extension result: its card, and a thumbnail for the list. A link's
 * unfurl is the same card without 👍/👎 (`cards.unfurl`).
 */
export function resultFor(c: Case, lang: Lang, text: string, cards: AdaptiveCardOptions) {
  const card = renderAdaptiveCard(
    { kind: 'case', lang, case: c, section: null, query: text, score: 1, alternatives: [] },
    cards,
  );
  const imageUrl = c.diagram && diagramLinks(c.diagram[lang], cards.diagrams).imageUrl;
  const principles = c.solutions
    .map((s) => principleLabel(s.principle, lang, s.principleName))
    .join(' · ');
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: card,
    preview: {
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: c.title[lang],
        subtitle: c.rating === undefined ? principles : `${stars(c.rating)} · ${principles}`,
        text: c.summary[lang],
        ...(imageUrl && {
          images: [{ url: imageUrl, alt: label('diagramAlt', lang, { title: c.title[lang] }) }],
        }),
      },
    },
  };
}

/**
 * A pasted link (`composeExtension/queryLink`): the case card of a link to a case file, nothing
 * for any other link on the domain.
 */
export function linkResponse(
  catalog: Catalog,
  url: string | undefined,
  lang: Lang,
  cards: AdaptiveCardOptions,
): MessagingExtensionResponse {
  const id = cards.casesUrl && url ? caseIdOfUrl(cards.casesUrl, url) : null;
  const c = id ? catalog.byId.get(id) : undefined;
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: c ? [resultFor(c, lang, '', { ...cards, unfurl: true })] : [],
    },
  };
}

/** The search-based messaging extension's answer: a list with thumbnail previews. */
export function searchResponse(
  cases: readonly Case[],
  lang: Lang,
  text: string,
  cards: AdaptiveCardOptions,
  options: { skip?: number; count?: number } = {},
): MessagingExtensionResponse {
  const skip = Math.max(0, Math.floor(options.skip ?? 0));
  const count = Math.min(MAX_RESULTS, Math.max(1, Math.floor(options.count ?? MAX_RESULTS)));
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: cases.slice(skip, skip + count).map((c) => resultFor(c, lang, text, cards)),
    },
  };
}
