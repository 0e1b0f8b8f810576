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
  showCase: { en: '📘 Show the case', zh: '📘 查看案例' },
  dismiss: { en: '👎 Not helpful', zh: '👎 没有帮助' },
  unpromptedWhy: { en: 'Fits “{terms}”', zh: '与“{terms}”相关' },
  unpromptedWhyContext: { en: 'From the case of this thread', zh: '来自本话题的案例' },
  unpromptedWhySwitch: { en: 'Another case fits “{terms}”', zh: '另一个案例与“{terms}”相关' },
  unpromptedAuto: { en: 'answered automatically', zh: '自动回答' },
  unpromptedNoDiagram: { en: 'No architecture diagram in this case', zh: '本案例没有架构图' },
  unpromptedNoFigures: { en: 'No before/after figures in this case', zh: '本案例没有前后对比数据' },
  autoOnTitle: {
    en: 'casebot answers questions here on its own',
    zh: 'casebot 会在这里自动回答问题',
  },
  autoOffTitle: {
    en: 'casebot answers here only when asked',
    zh: 'casebot 在这里只回答被问到的问题',
  },
  autoTurnedOn: { en: 'Turned on by {user}.', zh: '由 {user} 开启。' },
  autoTurnedOff: { en: 'Turned off by {user}.', zh: '由 {user} 关闭。' },
  autoSetOn: { en: 'Set on {date}.', zh: '设置于 {date}。' },
  autoSetBy: { en: 'Set by {user} on {date}.', zh: '由 {user} 设置于 {date}。' },
  autoDefault: {
    en: 'The default: nobody turned auto-answer on here.',
    zh: '默认设置：这里没有人开启自动回答。',
  },
  autoWill: {
    en: 'It replies in the thread, without a mention, to a question the casebook answers when the match is clear-cut, and to follow-up questions in threads it answered.',
    zh: '无需 @，它会在话题中回答案例库能明确回答的问题，并回答它已回答的话题中的追问。',
  },
  autoWont: {
    en: 'It never replies to chatter, status updates, logs, other bots or edits: at most one reply per thread and {cap} per hour in this channel. “Not helpful” on a reply removes it.',
    zh: '它从不回复闲聊、进展汇报、日志、其他机器人或编辑过的消息：每个话题最多回复一次，本频道每小时最多 {cap} 次。点击回复上的“没有帮助”即可删除该回复。',
  },
  autoPrivacy: {
    en: 'Messages it does not answer are neither stored nor logged.',
    zh: '它不回答的消息既不保存也不记录。',
  },
  autoOffWill: {
    en: 'Mention @casebot or use {command} to ask; threads it answered still get answers to follow-up questions.',
    zh: '请 @casebot 或使用 {command} 提问；它已回答的话题仍会回答追问。',
  },
  autoHowOff: { en: 'Turn it off with {command}.', zh: '发送 {command} 即可关闭。' },
  autoHowOn: { en: 'Turn it on with {command}.', zh: '发送 {command} 即可开启。' },
  bothReach: { en: 'Both reach {after} {name}', zh: '两者{name}都达到{after}' },
  standsOut: { en: '{title} stands out for {what}', zh: '{title}突出在{what}' },
  compareVs: { en: '{a} vs {b}', zh: '{a} 对比 {b}' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type LabelKey = keyof typeof LABELS;

/** A label in `lang`, with `{name}` placeholders filled in (values are inserted as given). */
export function label(key: LabelKey, lang: Lang, vars: Record<string, string> = {}): string {
  return LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

const PRINCIPLE_NAMES: Record<string, Text> = {
  containerisation: { en: 'Containerisation', zh: '容器化' },
  declarative: { en: 'Declarative configuration', zh: '声明式' },
  elasticity: { en: 'Elasticity', zh: '弹性' },
};

/** A principle's name: the one the casebook declares, else the seed's, else its id. */
export function principleLabel(p: Principle, lang: Lang, declared?: Text): string {
  return (declared ?? PRINCIPLE_NAMES[p])?.[lang] ?? p;
}

const PRINCIPLE_EMOJI: Record<string, string> = {
  containerisation: '📦',
  declarative: '📝',
  elasticity: '📈',
};

/** The emoji of one of the seed's principles; a casebook's own principles get a plain marker. */
export function principleEmoji(p: Principle): string {
  return PRINCIPLE_EMOJI[p] ?? '🔹';
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
