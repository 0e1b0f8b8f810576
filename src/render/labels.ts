import { PRINCIPLES } from '../catalog/model.js';
import type { Lang, Principle, PrincipleDef, Text } from '../catalog/schema.js';

/** The words on the cards themselves, in both languages. Shared by every renderer. */
const LABELS = {
  background: { en: 'Background', zh: '业务背景' },
  challenges: { en: 'Challenges', zh: '技术挑战' },
  solutions: { en: 'Solutions', zh: '解决方案' },
  architecture: { en: 'Architecture', zh: '架构设计' },
  metrics: { en: 'Key metrics', zh: '关键指标' },
  metric: { en: 'Metric', zh: '指标' },
  before: { en: 'Before', zh: '优化前' },
  after: { en: 'After', zh: '优化后' },
  improvement: { en: 'Improvement', zh: '提升' },
  technologies: { en: 'Technologies', zh: '技术实现' },
  measures: { en: 'Measures', zh: '具体措施' },
  effect: { en: 'Effect', zh: '效果' },
  rating: { en: 'Recommended', zh: '推荐度' },
  principles: { en: 'Principles', zh: '核心理念' },
  overview: { en: 'Overview', zh: '概览' },
  onlyInEn: {
    en: 'This case exists in English only.',
    zh: '此案例只有英文版本，以下为英文原文。',
  },
  onlyInZh: {
    en: 'This case exists in Chinese only; here it is as written.',
    zh: '此案例只有中文版本。',
  },
  tipOnlyInEn: {
    en: 'This tip exists in English only.',
    zh: '此技巧只有英文版本，以下为英文原文。',
  },
  tipOnlyInZh: {
    en: 'This tip exists in Chinese only; here it is as written.',
    zh: '此技巧只有中文版本。',
  },
  editDiagram: { en: 'Open the diagram in the editor', zh: '在编辑器中打开架构图' },
  diagramAlt: { en: 'Architecture diagram of the {title} case', zh: '{title}案例的架构图' },
  didYouMean: { en: 'Did you mean', zh: '你是不是想找' },
  wasHelpful: { en: 'Was this helpful?', zh: '这个回答有帮助吗？' },
  helpful: { en: '👍 Yes', zh: '👍 有帮助' },
  notHelpful: { en: '👎 No', zh: '👎 没帮助' },
  share: { en: 'Share in channel', zh: '分享到频道' },
  sharedBy: { en: 'Shared by {user}', zh: '由 {user} 分享' },
  readCase: { en: 'Read the case', zh: '查看案例' },
  open: { en: 'Open', zh: '打开' },
  casebook: { en: 'The casebook', zh: '案例库' },
  listIntro: {
    en: 'Real-world cloud-native implementations. Ask a question or open a case.',
    zh: '真实世界的云原生实施案例。直接提问，或打开一个案例。',
  },
  listIntroOwn: {
    en: 'Ask a question or open a case.',
    zh: '直接提问，或打开一个案例。',
  },
  case: { en: 'Case', zh: '案例' },
  coreChallenges: { en: 'Core challenges', zh: '核心挑战' },
  results: { en: 'Key results', zh: '关键成果' },
  tipTitle: { en: 'Tip of the day', zh: '每日技巧' },
  tip: { en: 'Tip', zh: '技巧' },
  helpTitle: { en: 'How to use casebot', zh: 'casebot 使用说明' },
  change: { en: 'Change', zh: '变化' },
  summaryButton: { en: '📋 Summary', zh: '📋 概要' },
  diagramButton: { en: '🏗️ Diagram', zh: '🏗️ 架构图' },
  challengesButton: { en: '🧩 Challenges', zh: '🧩 技术挑战' },
  solutionsButton: { en: '🛠️ Solutions', zh: '🛠️ 解决方案' },
  listButton: { en: '📚 All cases', zh: '📚 全部案例' },
  tipButton: { en: '💡 A tip', zh: '💡 来条技巧' },
  helpButton: { en: '❓ Help', zh: '❓ 帮助' },
  anotherTip: { en: '💡 Another tip', zh: '💡 再来一条' },
  noMatchLine: {
    en: 'No case in the casebook is about “{query}”.',
    zh: '案例库里没有关于“{query}”的案例。',
  },
  tryAsking: { en: 'Try one of these, or open a case:', zh: '试试这些问题，或直接打开一个案例：' },
  command: { en: 'Command', zh: '命令' },
  whatItDoes: { en: 'What it does', zh: '作用' },
  helpWhereSlack: {
    en: 'Type /case … anywhere, mention @casebot in a channel, or write to me directly.',
    zh: '在任何地方输入 /case …，在频道里 @casebot，或直接私信我。',
  },
  helpWhereTeams: {
    en: 'Mention @casebot in a channel, or write to me in a chat.',
    zh: '在频道里 @casebot，或在聊天中直接给我发消息。',
  },
  bothReach: { en: 'Both reach {after} {name}', zh: '两者{name}都达到{after}' },
  standsOut: { en: '{title} stands out for {what}', zh: '{title}突出在{what}' },
  compareVs: { en: '{a} vs {b}', zh: '{a} 对比 {b}' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type LabelKey = keyof typeof LABELS;

/** A label in `lang`, with `{name}` placeholders filled in (values are inserted as given). */
export function label(key: LabelKey, lang: Lang, vars: Record<string, string> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** Maps: principle ids are the casebook's, and may be any name (`constructor` too). */
const PRINCIPLE_NAMES = new Map<string, Text>([
  ['containerisation', { en: 'Containerisation', zh: '容器化' }],
  ['declarative', { en: 'Declarative configuration', zh: '声明式' }],
  ['elasticity', { en: 'Elasticity', zh: '弹性' }],
]);

/** A principle's name: the one the casebook declares, else the seed's, else its id. */
export function principleLabel(p: Principle, lang: Lang, declared?: Text): string {
  return (declared ?? PRINCIPLE_NAMES.get(p))?.[lang] ?? p;
}

const PRINCIPLE_EMOJI = new Map<string, string>([
  ['containerisation', '📦'],
  ['declarative', '📝'],
  ['elasticity', '📈'],
]);

/** The emoji of one of the seed's principles; a casebook's own principles get a plain marker. */
export function principleEmoji(p: Principle): string {
  return PRINCIPLE_EMOJI.get(p) ?? '🔹';
}

/** `text  ★★★★☆`, or just the text when the case has no rating. */
export function withStars(text: string, rating: number | undefined): string {
  return rating === undefined ? text : `${text}  ${stars(rating)}`;
}

/** ★★★★★ / ★★★★☆ */
export function stars(rating: number): string {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/**
 * The sentence under the casebook's title: the seed's description ("real-world cloud-native
 * implementations") only for a casebook organised by the seed's cloud-native principles, a plain
 * invitation for a team's own.
 */
export function listIntro(lang: Lang, principles?: readonly PrincipleDef[]): string {
  const seedLike =
    !principles ||
    (principles.length === PRINCIPLES.length && principles.every((p, i) => p.id === PRINCIPLES[i]));
  return label(seedLike ? 'listIntro' : 'listIntroOwn', lang);
}
