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
  caseFile: { en: 'Case file', zh: '案例文件' },
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
  askPerson: { en: '🙋 Ask a person', zh: '🙋 找人帮忙' },
  markAnswered: { en: '✅ Mark answered', zh: '✅ 标记为已解决' },
  owner: { en: 'Owner', zh: '负责人' },
  owners: { en: 'Owners', zh: '负责人' },
  reviewed: { en: 'reviewed {ago}', zh: '{ago}审阅' },
  reviewedFirst: { en: 'Reviewed {ago}', zh: '{ago}审阅' },
  dueForReview: { en: 'due for review', zh: '需要重新审阅' },
  handoffAsked: { en: ' asked for a person', zh: ' 请人帮忙' },
  handoffQuestion: { en: 'Question', zh: '问题' },
  handoffNoQuestion: { en: '(not kept)', zh: '（未保存）' },
  closestCase: { en: 'Closest case', zh: '最接近的案例' },
  noCloseCase: {
    en: 'No case in the casebook came close.',
    zh: '案例库里没有相近的案例。',
  },
  canYouHelp: { en: ', can you help?', zh: '，能帮忙看看吗？' },
  nobodyNamed: {
    en: 'Nobody is named for this yet, so anyone here who knows: please answer in this thread. To name someone, add owners (a name with a Slack or Teams id) to the case file or, as defaults, to casebook.yaml; or set EXPERTS_CHANNEL.',
    zh: '这方面还没有指定负责人，了解的同事请在本帖回复。要指定负责人，请在案例文件（或作为默认值在 casebook.yaml）中添加 owners（姓名和 Slack 或 Teams id），或设置 EXPERTS_CHANNEL。',
  },
  expertsNote: { en: '🙋 I’ve asked the experts in ', zh: '🙋 我已在此频道请专家帮忙：' },
  expertsNoteTeams: {
    en: '🙋 I’ve asked the experts in their channel.',
    zh: '🙋 我已在专家频道请他们帮忙。',
  },
  askedIn: { en: 'Asked here', zh: '原始提问' },
  askedPrivately: {
    en: 'Asked in a private chat with casebot: please answer the asker directly.',
    zh: '在与 casebot 的私聊中提出：请直接回复提问者。',
  },
  privateOwners: {
    en: 'This is a private chat, so I can’t bring anyone in here. The people to ask: ',
    zh: '这是私聊，我无法把别人拉进来。可以问这些人：',
  },
  privateOwnersEnd: {
    en: '. Ask in a channel (mention @casebot there) or write to them directly.',
    zh: '。请在频道里 @casebot 提问，或直接联系他们。',
  },
  privateNobody: {
    en: 'This is a private chat, and nobody is named for this yet. Ask in a channel where colleagues can see it (mention @casebot there). To name someone for such questions, add owners to the casebook or set EXPERTS_CHANNEL.',
    zh: '这是私聊，而且这方面还没有指定负责人。请在同事能看到的频道里提问（在那里 @casebot）。要指定负责人，请在案例库中添加 owners，或设置 EXPERTS_CHANNEL。',
  },
  alreadyAsked: { en: ' already asked for a person about this on ', zh: ' 已于 ' },
  alreadyAskedEnd: { en: '.', zh: ' 就此请人帮忙。' },
  alreadyAnswered: { en: ' It was marked answered.', zh: '已标记为已解决。' },
  answeredBy: { en: '✅ Answered: marked by ', zh: '✅ 已解决：由 ' },
  answeredByEnd: { en: '', zh: ' 标记' },
  digestTitle: { en: '📊 Weekly gap report', zh: '📊 每周缺口报告' },
  digestPeriod: {
    en: 'What people asked this week and did not get: {from} – {to} ({zone})',
    zh: '本周大家问了却没得到答案的内容：{from} – {to}（{zone}）',
  },
  digestMisses: { en: '🔎 Questions that found nothing', zh: '🔎 没有找到案例的问题' },
  digestMissesUnkept: {
    en: '{n} question(s), counted without their words (STATS_KEEP_QUESTIONS=off)',
    zh: '{n} 个问题，只计数不保存原文（STATS_KEEP_QUESTIONS=off）',
  },
  digestWordings: { en: '{n} ways of asking', zh: '{n} 种问法' },
  digestUnhelpful: { en: '👎 Answers that did not help', zh: '👎 没有帮助的回答' },
  digestHandoffs: { en: '🙋 Questions handed to a person', zh: '🙋 转给同事的问题' },
  digestAskedOpen: { en: '{asked} asked, {open} still open', zh: '{asked} 个，{open} 个尚未解决' },
  digestNoCase: { en: 'No close case', zh: '没有相近的案例' },
  digestStillOpen: { en: 'Still open', zh: '尚未解决' },
  digestStale: {
    en: '⏳ Due for review (older than {days} days)',
    zh: '⏳ 需要重新审阅（超过 {days} 天）',
  },
  digestNeverReviewed: { en: 'never reviewed', zh: '从未审阅' },
  digestNone: { en: 'None this week.', zh: '本周没有。' },
  digestNoneStale: { en: 'Every case is reviewed.', zh: '所有案例都在审阅期内。' },
  digestSummary: {
    en: '{misses} question(s) found nothing, {down} 👎, {open} hand-off(s) open, {stale} case(s) due for review',
    zh: '{misses} 个问题没有找到案例，{down} 个 👎，{open} 个求助尚未解决，{stale} 个案例需要重新审阅',
  },
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
