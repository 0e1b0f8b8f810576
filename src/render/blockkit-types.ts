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

export type KnownBlock =
  | HeaderBlock
  | SectionBlock
  | ContextBlock
  | DividerBlock
  | ImageBlock
  | ActionsBlock;

/** The App Home tab. */
export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}
