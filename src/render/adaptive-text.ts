import type { Container, Fact, FactSet, TextBlock } from './adaptive-types.js';

/**
 * Text for Adaptive Card TextBlocks and Facts. Teams renders a markdown subset there (bold,
 * italic, lists, links), so anything from users or data is escaped: nobody can slip a link,
 * emphasis or a list into a card by typing it.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/**
 * What Teams' card markdown acts on: emphasis (`*`, `_`), links (`[…](…)`) and the escape itself.
 * Headers, quotes and code are not rendered by Teams, so `#`, `>` and backticks stay as typed.
 */
const INLINE_SPECIAL = /[\\*_[\]]/g;

/**
 * Escapes markdown in plain text; line breaks become spaces. A typed `<at>` tag is broken up, so
 * text can never line up with a mention entity of the card and ping someone.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/<(\/?at)\b/gi, '‹$1')
    .replace(/\s+/g, ' ')
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/^([-+])(\s)/, '\\$1$2')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2');
}

/** Cuts text to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A user-echoed text: cleaned, capped, escaped. */
export function userText(text: string, max = 200): string {
  return escapeMarkdown(clip(text.replace(CONTROL, '').replace(/\s+/g, ' ').trim(), max));
}

/**
 * A core sentence: escaped, with its `code` spans (Slack-style commands such as `list`) shown in
 * bold, since Teams cards have no inline code.
 */
export function sentence(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 && part ? `**${escapeMarkdown(part)}**` : escapeMarkdown(part)))
    .join('');
}

/** Plain text for `fallbackText` and notifications: no control characters, capped. */
export function plain(text: string, max = 4000): string {
  return clip(text.replace(CONTROL, ''), max);
}

export function textBlock(
  text: string,
  extra: Partial<Omit<TextBlock, 'type' | 'text'>> = {},
): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function heading(text: string): TextBlock {
  return textBlock(escapeMarkdown(text), {
    size: 'medium',
    weight: 'bolder',
    spacing: 'large',
    separator: true,
  });
}

export function subtle(text: string): TextBlock {
  return textBlock(text, { isSubtle: true, size: 'small', spacing: 'small' });
}

/** A markdown bullet list of escaped items. */
export function bullets(items: readonly string[]): TextBlock {
  return textBlock(items.map((item) => `- ${escapeMarkdown(item)}`).join('\n'));
}

export function fact(title: string, value: string): Fact {
  return { title: escapeMarkdown(title), value: escapeMarkdown(value) };
}

export function factSet(facts: readonly Fact[], spacing: TextBlock['spacing'] = 'small'): FactSet {
  return { type: 'FactSet', facts, spacing };
}

export function container(
  items: Container['items'],
  extra: Partial<Omit<Container, 'type' | 'items'>> = {},
): Container {
  return { type: 'Container', items, ...extra };
}
