/*
 * The Block Kit the Slack renderer writes: the layout blocks and elements it uses, spelled out
 * here so that src/render depends on core types only (DESIGN.md), not on a platform SDK. They are
 * the same shapes as in Slack's reference (and @slack/types), so the adapter hands them to Bolt
 * as they are; the compiler checks that where it does.
 */

export interface PlainTextObject {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface MrkdwnObject {
  type: 'mrkdwn';
  text: string;
}

export interface Button {
  type: 'button';
  text: PlainTextObject;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainTextObject;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: MrkdwnObject;
  fields?: MrkdwnObject[];
  accessory?: Button;
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: MrkdwnObject[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ImageBlock {
  type: 'image';
  block_id?: string;
  image_url: string;
  alt_text: string;
  title?: PlainTextObject;
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}

/** A run of text in a rich_text block. */
export interface RichTextText {
  type: 'text';
  text: string;
  style?: { bold?: boolean; code?: boolean };
}

export interface RichTextLink {
  type: 'link';
  url: string;
  text?: string;
}

export interface RichTextSection {
  type: 'rich_text_section';
  elements: (RichTextText | RichTextLink)[];
}

export interface RichTextCell {
  type: 'rich_text';
  elements: RichTextSection[];
}

export interface RawTextCell {
  type: 'raw_text';
  text: string;
}

/** Slack's native table (messages only; one per message; ≤ 100 rows of ≤ 20 cells). */
export interface TableBlock {
  type: 'table';
  block_id?: string;
  rows: (RichTextCell | RawTextCell)[][];
  column_settings?: { align?: 'left' | 'center' | 'right'; is_wrapped?: boolean }[];
}

/** 👍/👎 as Slack draws them under AI answers; each button's value says what was voted. */
export interface FeedbackButtons {
  type: 'feedback_buttons';
  action_id: string;
  positive_button: { text: PlainTextObject; value: string; accessibility_label?: string };
  negative_button: { text: PlainTextObject; value: string; accessibility_label?: string };
}

/** Actions shown as context (messages only): here, the feedback buttons. */
export interface ContextActionsBlock {
  type: 'context_actions';
  block_id?: string;
  elements: FeedbackButtons[];
}

export type KnownBlock =
  | HeaderBlock
  | SectionBlock
  | ContextBlock
  | DividerBlock
  | ImageBlock
  | ActionsBlock
  | TableBlock
  | ContextActionsBlock;

/** The App Home tab. */
export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}
