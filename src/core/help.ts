import type { Case, Lang } from '../catalog/schema.js';
import type { HelpCommand } from './model.js';

type Words = { readonly en: string; readonly zh: string };

/** The example questions, about the seed's e-commerce and AI-inference cases. */
const SEED_QUESTION: Words = {
  en: 'Find the case that fits, e.g. “flash sale traffic spikes” or “GPU cost for LLM serving”. Add “metrics”, “architecture”, “challenges” or “solutions” to jump to that part.',
  zh: '找到最相关的案例，例如“秒杀流量突增”或“大模型推理 GPU 成本”。加上“指标”“架构”“挑战”或“方案”可直达对应部分。',
};
const SEED_QUESTION_CASES = ['ecommerce', 'ai-inference'];
const ANY_QUESTION: Words = {
  en: 'Find the case that fits. Add “metrics”, “architecture”, “challenges” or “solutions” to jump to that part.',
  zh: '找到最相关的案例。加上“指标”“架构”“挑战”或“方案”可直达对应部分。',
};
/** How many case names the help shows. */
const NAMED_CASES = 4;

const COMMANDS: readonly { usage: Words; description: Words }[] = [
  { usage: { en: '<your question>', zh: '<你的问题>' }, description: SEED_QUESTION },
  {
    usage: { en: 'list', zh: '列表' },
    description: { en: 'All cases at a glance.', zh: '查看全部案例概览。' },
  },
  {
    usage: { en: '<case>', zh: '<案例>' },
    // Filled in with the served casebook's case names.
    description: { en: 'Open a case by name.', zh: '按名称打开案例。' },
  },
  {
    usage: { en: 'compare <case> <case>', zh: '对比 <案例> <案例>' },
    description: {
      en: 'Key metrics of two cases side by side.',
      zh: '并排对比两个案例的关键指标。',
    },
  },
  {
    usage: { en: 'tip', zh: '技巧' },
    description: { en: 'A practical tip from the casebook.', zh: '来自案例库的一条实用技巧。' },
  },
  {
    usage: { en: 'subscribe [HH:MM] [Area/City] [en|zh]', zh: '订阅 [HH:MM] [地区/城市] [en|zh]' },
    description: {
      en: 'A daily tip in this channel (default 09:00 in your time zone); `unsubscribe` stops it, `subscriptions` shows it.',
      zh: '在本频道每天发送一条技巧（默认你所在时区 09:00）；`取消订阅` 停止，`订阅列表` 查看。',
    },
  },
  {
    usage: { en: 'auto on|off', zh: '自动回答 开启|关闭' },
    description: {
      en: 'Answer questions in this channel without a mention (in their thread, only when sure); `auto` says what it does.',
      zh: '在本频道无需 @ 即回答问题（在话题中，只在有把握时）；`自动回答` 查看说明。',
    },
  },
  {
    usage: { en: 'help', zh: '帮助' },
    description: { en: 'This message.', zh: '显示本帮助。' },
  },
];

/**
 * The commands, with examples from the casebook being served: its own case names, and the example
 * questions only when it has the cases they are about.
 */
export function helpCommands(lang: Lang, cases: readonly Case[]): HelpCommand[] {
  const ids = new Set(cases.map((c) => c.id));
  const question = SEED_QUESTION_CASES.every((id) => ids.has(id)) ? SEED_QUESTION : ANY_QUESTION;
  const shown = cases.slice(0, NAMED_CASES);
  const names =
    lang === 'zh'
      ? shown.map((c) => (c.lang === 'en' ? c.id : c.title.zh)).join('、')
      : shown.map((c) => c.id).join(', ');
  const more = cases.length > NAMED_CASES ? (lang === 'zh' ? '等' : ', …') : '';
  return COMMANDS.map((c) => {
    if (c.description === SEED_QUESTION)
      return { usage: c.usage[lang], description: question[lang] };
    if (c.usage.en === '<case>') {
      const description =
        lang === 'zh'
          ? `按名称打开案例：${names}${more}。`
          : `Open a case by name: ${names}${more}.`;
      return { usage: c.usage[lang], description };
    }
    return { usage: c.usage[lang], description: c.description[lang] };
  });
}
