import { pastedLines } from './paste.js';

/**
 * A channel message as the judgement reads it: the prose someone wrote, apart from what they
 * pasted (code blocks, logs, YAML, links, emoji) and apart from chat markup (Slack's `<@U…>`,
 * `<url|label>`, `:emoji:`, Teams' `<at>…</at>` and HTML).
 */
export interface MessageText {
  /** What the person wrote, markup and pastes removed, lines kept (NFKC, not lower-cased). */
  readonly prose: string;
  /** A code block, log lines, YAML, command output or an alert was pasted. */
  readonly pasted: boolean;
  /** The message names a person or a group (`<@U…>`, `<!here>`, `<at>…</at>`, `@name`). */
  readonly mentionsSomeone: boolean;
  /** The prose names config keys, flags, files or pod names (`maxReplicas`, `--set`, `values.yaml`). */
  readonly identifiers: boolean;
  /** Links it carried (removed from the prose). */
  readonly links: number;
  /** Longer than anyone asks a question in (a write-up, a paste): judged without reading it. */
  readonly tooLong: boolean;
}

/** A message longer than this (characters, raw) is not read at all. */
export const MAX_MESSAGE_CHARS = 4000;
/** Prose longer than this is a write-up, not a question someone waits on. */
export const MAX_PROSE_CHARS = 1200;

const CODE_BLOCK = /```[\s\S]*?(?:```|$)/g;
const SLACK_MENTION =
  /<[@!](?:[A-Z0-9]+|here|channel|everyone)(?:\|[^>]*)?>|<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>/g;
const SLACK_CHANNEL = /<#[A-Z0-9]+(?:\|[^>]*)?>/g;
const SLACK_LINK = /<((?:https?|mailto|ftp):[^>|\s]*)(?:\|([^>]*))?>/g;
const TEAMS_AT = /<at\b[^>]*>[\s\S]*?<\/at>/gi;
const HTML_BREAK = /<(?:br|\/p|\/div|\/li)\s*\/?>/gi;
const HTML_TAG = /<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]+/gi;
/** `:tada:`, `:+1:`; not the middle of a time ("10:00:01") or a URL. */
const EMOJI_CODE = /(?<![\w:]):[a-z0-9_+-]{1,40}:(?![\w:])/g;
const AT_NAME = /(?:^|\s)@[\p{L}\p{N}_.-]{2,40}/u;
/** camelCase and snake_case keys, `--flags`, config and code files, pod names with their hash. */
const IDENTIFIER =
  /\b[a-z]{2,}(?:[A-Z][a-z0-9]+)+\b|\b[a-z0-9]+_[a-z0-9_]+\b|(?:^|\s)--[a-z][\w-]+|\b[\w-]+\.(?:ya?ml|json|toml|conf|ini|py|go|ts|js|sh|tf|env)\b|\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{8,10}-[a-z0-9]{4,5}\b/;
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

export function readMessage(raw: string): MessageText {
  if (raw.length > MAX_MESSAGE_CHARS) {
    return {
      prose: '',
      pasted: false,
      mentionsSomeone: false,
      identifiers: false,
      links: 0,
      tooLong: true,
    };
  }
  let text = raw.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'");
  let pasted = false;
  let links = 0;
  let mentionsSomeone = false;

  text = text.replace(CODE_BLOCK, () => {
    pasted = true;
    return '\n';
  });
  text = text.replace(TEAMS_AT, () => {
    mentionsSomeone = true;
    return ' ';
  });
  text = text.replace(SLACK_MENTION, () => {
    mentionsSomeone = true;
    return ' ';
  });
  text = text.replace(SLACK_CHANNEL, ' ');
  text = text.replace(SLACK_LINK, (_m, _url: string, label?: string) => {
    links++;
    return label && !/^(?:https?:|www\.)/i.test(label) ? ` ${label} ` : ' ';
  });
  text = text.replace(HTML_BREAK, '\n').replace(HTML_TAG, ' ');
  text = text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? e);
  text = text.replace(BARE_URL, () => {
    links++;
    return ' ';
  });
  text = text.replace(EMOJI_CODE, ' ');
  if (AT_NAME.test(text)) mentionsSomeone = true;

  // Quoted lines (Slack's "> …") are someone else's words: context, not this message's ask.
  const lines = text.split(/\r?\n/).filter((l) => !/^\s*>/.test(l));
  const paste = pastedLines(lines);
  if (paste.some(Boolean)) pasted = true;
  const prose = lines
    .filter((_l, i) => !paste[i])
    .map((l) => l.replace(/`([^`\n]{0,200})`/g, '$1').trim())
    .filter((l) => /[\p{L}\p{N}]/u.test(l))
    .join('\n');
  return {
    prose,
    pasted,
    mentionsSomeone,
    identifiers: IDENTIFIER.test(prose),
    links,
    tooLong: prose.length > MAX_PROSE_CHARS,
  };
}
