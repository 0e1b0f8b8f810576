/** The words of the agent DM (Slack's Messages tab with the agent view), in both languages. */
import type { Case, Lang } from '../catalog/schema.js';
import { EXAMPLE_QUESTIONS } from './cards.js';

/** What the agent DM shows the first time a user opens it: one line, then prompts to click. */
export interface AgentGreeting {
  readonly intro: string;
  /** The title over the suggested prompts. */
  readonly title: string;
  /** At most four: `title` is what the user sees, `message` what clicking it sends. */
  readonly prompts: readonly { readonly title: string; readonly message: string }[];
}

/** Slack shows at most four suggested prompts. */
export const MAX_PROMPTS = 4;
const MAX_PROMPT_TITLE = 75;

const WORDS = {
  intro: {
    en: 'Hi, I’m casebot: ask me an architecture question and I’ll answer with a real case from the casebook.',
    zh: '你好，我是 casebot：问我一个架构问题，我会用案例库里的真实案例来回答。',
  },
  title: { en: 'Try asking', zh: '试试问' },
  whatToAsk: { en: 'What can I ask?', zh: '可以问什么？' },
  help: { en: 'help', zh: '帮助' },
  // Slack shows "<app name> <status>": "casebot is searching the casebook…".
  searching: { en: 'is searching the casebook…', zh: '正在查找案例库…' },
} as const;

const clip = (text: string) =>
  [...text].length <= MAX_PROMPT_TITLE
    ? text
    : `${[...text].slice(0, MAX_PROMPT_TITLE - 1).join('')}…`;

/**
 * The greeting in `lang`, its prompts drawn from the casebook being served: one per case (in the
 * casebook's order) asking the question that case answers best (the example question where there
 * is one, else the case by name, which opens it), then "What can I ask?" if there is room.
 */
export function agentGreeting(cases: readonly Case[], lang: Lang): AgentGreeting {
  const prompts = cases.slice(0, MAX_PROMPTS).map((c) => {
    const example = EXAMPLE_QUESTIONS.find((q) => q.caseId === c.id);
    return { title: clip(c.title[lang]), message: example ? example[lang] : c.title[lang] };
  });
  if (prompts.length < MAX_PROMPTS) {
    prompts.push({ title: WORDS.whatToAsk[lang], message: WORDS.help[lang] });
  }
  return { intro: WORDS.intro[lang], title: WORDS.title[lang], prompts };
}

/** The status shown under a question while its answer takes a moment. */
export function searchingStatus(lang: Lang): string {
  return WORDS.searching[lang];
}
