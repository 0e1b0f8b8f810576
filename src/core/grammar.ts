import { normalizeCommandWord } from './words.js';

/**
 * The command grammar, every word in English and Chinese:
 * help | list | compare A B | tip | subscribe … | unsubscribe | subscriptions | auto [on|off] |
 * <case or question>.
 */
export type Command =
  | { readonly kind: 'empty' }
  | { readonly kind: 'help' }
  | { readonly kind: 'list' }
  | { readonly kind: 'tip' }
  | { readonly kind: 'compare'; readonly args: string }
  | { readonly kind: 'subscribe'; readonly args: readonly string[] }
  | { readonly kind: 'unsubscribe' }
  | { readonly kind: 'subscriptions' }
  /** The channel's mode: `on` (auto), `off` (mentions), or null to ask what it is. */
  | { readonly kind: 'auto'; readonly setting: 'on' | 'off' | null }
  | { readonly kind: 'show'; readonly args: string }
  | { readonly kind: 'ask'; readonly text: string };

type Verb = Exclude<Command['kind'], 'empty' | 'ask'>;

/** Command words, lower-case; the first word of a message selects the command. */
export const COMMAND_WORDS: Readonly<Record<Verb, readonly string[]>> = {
  help: ['help', '?', '帮助', '使用说明', '说明', 'usage'],
  list: ['list', 'ls', 'cases', 'all', '列表', '案例列表', '全部案例', '所有案例', '目录'],
  tip: ['tip', 'tips', 'hint', '技巧', '小技巧', '提示', '每日技巧'],
  compare: ['compare', 'cmp', 'diff', 'vs', '对比', '比较'],
  subscribe: ['subscribe', 'sub', '订阅'],
  unsubscribe: ['unsubscribe', 'unsub', 'stop', '取消订阅', '退订'],
  subscriptions: ['subscriptions', 'subscription', 'status', '订阅列表', '订阅状态', '我的订阅'],
  show: ['show', 'open', 'case', '查看', '打开', '案例'],
  auto: ['auto', 'autoanswer', 'auto-answer', '自动回答', '自动回复'],
};

/** What may follow `auto` / `自动回答`; anything else makes the message a question. */
const AUTO_SETTINGS: Readonly<Record<string, 'on' | 'off'>> = {
  on: 'on',
  off: 'off',
  开启: 'on',
  打开: 'on',
  开: 'on',
  关闭: 'off',
  关: 'off',
};

const BY_WORD = new Map<string, Verb>(
  Object.entries(COMMAND_WORDS).flatMap(([verb, words]) => words.map((w) => [w, verb as Verb])),
);

/** Splits the first word off; Chinese command words may be glued to what follows (对比电商 金融). */
function splitFirst(text: string): [string, string] {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  if (!match) return ['', ''];
  const [, first = '', rest = ''] = match;
  if (BY_WORD.has(normalizeCommandWord(first))) return [first, rest];
  // A Chinese verb glued to its argument: the longest command word that prefixes the text.
  const glued = [...BY_WORD.keys()]
    .filter((w) => /^[\u3400-\u9fff]/u.test(w) && text.startsWith(w))
    .sort((a, b) => b.length - a.length)[0];
  if (glued) return [glued, text.slice(glued.length).trim()];
  return [first, rest];
}

export function parseCommand(raw: string): Command {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const [first, rest] = splitFirst(text);
  const verb = BY_WORD.get(normalizeCommandWord(first));
  switch (verb) {
    case undefined:
      return { kind: 'ask', text };
    case 'help':
    case 'list':
    case 'tip':
    case 'unsubscribe':
    case 'subscriptions':
      // "list" alone is a command; "stop the database falling over" is a question.
      return rest === '' ? { kind: verb } : { kind: 'ask', text };
    case 'compare':
      return { kind: 'compare', args: rest };
    case 'subscribe':
      return { kind: 'subscribe', args: rest.split(/\s+/).filter(Boolean) };
    case 'show':
      return rest === '' ? { kind: 'ask', text } : { kind: 'show', args: rest };
    case 'auto': {
      // "auto on" is a command; "auto scaling for flash sales" is a question.
      if (rest === '') return { kind: 'auto', setting: null };
      const setting = AUTO_SETTINGS[normalizeCommandWord(rest)];
      return setting ? { kind: 'auto', setting } : { kind: 'ask', text };
    }
  }
}
