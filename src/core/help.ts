import type { Lang } from '../catalog/schema.js';
import type { HelpCommand } from './model.js';

const COMMANDS: readonly {
  usage: { en: string; zh: string };
  description: { en: string; zh: string };
}[] = [
  {
    usage: { en: '<your question>', zh: '<你的问题>' },
    description: {
      en: 'Find the case that fits, e.g. “flash sale traffic spikes” or “GPU cost for LLM serving”. Add “metrics”, “architecture”, “challenges” or “solutions” to jump to that part.',
      zh: '找到最相关的案例，例如“秒杀流量突增”或“大模型推理 GPU 成本”。加上“指标”“架构”“挑战”或“方案”可直达对应部分。',
    },
  },
  {
    usage: { en: 'list', zh: '列表' },
    description: { en: 'All cases at a glance.', zh: '查看全部案例概览。' },
  },
  {
    usage: { en: '<case>', zh: '<案例>' },
    description: {
      en: 'Open a case by name: ecommerce, finance, edge, ai-inference.',
      zh: '按名称打开案例：电商平台、金融系统、边缘计算、AI推理。',
    },
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
    usage: { en: 'help', zh: '帮助' },
    description: { en: 'This message.', zh: '显示本帮助。' },
  },
];

export function helpCommands(lang: Lang): HelpCommand[] {
  return COMMANDS.map((c) => ({ usage: c.usage[lang], description: c.description[lang] }));
}
