/**
 * The subset of the Adaptive Card schema casebot renders (version 1.5, the highest Teams shows;
 * Universal Actions need 1.4 or later).
 * Every card parses with no event in Microsoft's own parser (the `adaptivecards` package).
 */

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';

interface ElementBase {
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  readonly weight?: 'lighter' | 'default' | 'bolder';
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly maxLines?: number;
  readonly fontType?: 'default' | 'monospace';
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

export interface Image extends ElementBase {
  readonly type: 'Image';
  readonly url: string;
  readonly altText: string;
  readonly selectAction?: OpenUrlAction;
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis';
  readonly selectAction?: SubmitAction | ExecuteAction | OpenUrlAction;
}

export interface Column {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  readonly width?: 'auto' | 'stretch' | number;
  readonly verticalContentAlignment?: 'top' | 'center' | 'bottom';
}

export interface ColumnSet extends ElementBase {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly separator?: boolean;
}

export interface TableCell {
  readonly type: 'TableCell';
  readonly items: readonly CardElement[];
}

export interface TableRow {
  readonly type: 'TableRow';
  readonly cells: readonly TableCell[];
  readonly style?: 'default' | 'emphasis';
}

export interface Table extends ElementBase {
  readonly type: 'Table';
  readonly columns: readonly { readonly width: number }[];
  readonly rows: readonly TableRow[];
  readonly firstRowAsHeader?: boolean;
  readonly showGridLines?: boolean;
}

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

/** A text box; multi-line with a `value`, it shows text to copy with its whitespace kept. */
export interface TextInput extends ElementBase {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly isMultiline?: boolean;
  readonly value?: string;
  readonly label?: string;
}

export type CardElement =
  | TextBlock
  | FactSet
  | Image
  | Container
  | ColumnSet
  | Table
  | ActionSet
  | TextInput;

/** What an `Action.Submit` on our cards carries back (see adaptive-actions.ts). */
export type SubmitData = Readonly<Record<string, unknown>>;

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: SubmitData;
}

/**
 * A Universal Action (Adaptive Cards 1.4+): Teams sends it to the bot as an `adaptiveCard/action`
 * invoke and shows the card the bot returns in place of this one, for the presser only. Clients
 * without Universal Actions take the `fallback` (the same button as an `Action.Submit`).
 */
export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: SubmitData;
  readonly fallback?: SubmitAction;
}

/** The card a user sees is fetched again with `action` (the users in `userIds` only). */
export interface Refresh {
  readonly action: ExecuteAction;
  readonly userIds?: readonly string[];
}

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: AdaptiveCard;
}

export type CardAction = SubmitAction | ExecuteAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema?: string;
  readonly version: '1.5';
  readonly lang?: string;
  readonly fallbackText?: string;
  /** A view one user switched to: fetched again for them (user-specific views). */
  readonly refresh?: Refresh;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Teams' own extensions: the people `<at>…</at>` in the text mentions. */
  readonly msteams?: { readonly entities: readonly MentionEntity[] };
}

/** A Teams mention: `text` (`<at>Name</at>`) appears as is in a TextBlock of the card. */
export interface MentionEntity {
  readonly type: 'mention';
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string };
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams refuses messages past ~28 KB; stay below with room for the activity around the card. */
export const MAX_CARD_BYTES = 28 * 1024;
