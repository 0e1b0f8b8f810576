import type { CaseDraft } from '../core/draft.js';
import { adaptiveLabel } from './adaptive-labels.js';
import { escapeMarkdown, textBlock } from './adaptive-text.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type CardElement } from './adaptive-types.js';

/**
 * A drafted case in a Teams dialog: what to do with it, and the YAML itself in a multi-line text
 * box, whitespace kept, to select and copy (a card's markdown would turn its list lines into
 * bullets and collapse its indentation).
 */
export function draftCard(draft: CaseDraft): AdaptiveCard {
  const { lang } = draft;
  const file = draft.fileName;
  const yaml: CardElement = {
    type: 'Input.Text',
    id: 'draft',
    isMultiline: true,
    value: draft.yaml,
    label: file,
  };
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang,
    fallbackText: draft.yaml,
    body: [
      textBlock(escapeMarkdown(adaptiveLabel('draftTitle', lang, { file })), {
        size: 'large',
        weight: 'bolder',
      }),
      textBlock(escapeMarkdown(adaptiveLabel('draftHow', lang, { file })), {
        isSubtle: true,
        size: 'small',
        spacing: 'small',
      }),
      yaml,
    ],
  };
}
