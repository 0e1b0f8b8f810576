import { stringify } from 'yaml';
import { CASE_SCHEMA_FILE } from './json-schema.js';
import type { Lang, Owner } from './model.js';
import type { PrincipleDef } from './schema.js';

/**
 * What `casebot new` writes where a text is still to be written. The loader refuses a case that
 * still holds one (naming the field), so a half-filled skeleton is never served.
 */
export const PLACEHOLDER_MARK = 'TODO:';
export const PLACEHOLDER_PROBLEM =
  'still a "TODO: …" placeholder from casebot new: write the text, or delete the entry';

/** Every string in a parsed case file that is still a placeholder, with its path. */
export function findPlaceholders(
  value: unknown,
  at = '',
): { readonly path: string; readonly text: string }[] {
  if (typeof value === 'string') {
    return value.trim().startsWith(PLACEHOLDER_MARK) ? [{ path: at, text: value.trim() }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => findPlaceholders(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, at ? `${at}.${k}` : k));
  }
  return [];
}

/**
 * What a conversation gives a new case to start from (`Draft a case from this thread`): the
 * question, what people answered, and who answered it.
 */
export interface DraftSeed {
  /** Where the conversation is, in a few words (`a Slack thread in #C0123`). */
  readonly source: string;
  readonly question: string;
  readonly replies: readonly { readonly author: string; readonly text: string }[];
  /** The people who answered: the case's first owners. */
  readonly owners: readonly Owner[];
}

/** A quoted message: one line, at most this many characters. */
const MAX_QUOTE_CHARS = 400;

const quote = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > MAX_QUOTE_CHARS ? `${chars.slice(0, MAX_QUOTE_CHARS).join('')}…` : flat;
};

interface SkeletonWords {
  readonly head: readonly string[];
  readonly title: string;
  readonly summary: string;
  readonly challenge: string;
  readonly solutionsHead: readonly string[];
  readonly technologies: string;
  readonly measures: string;
  readonly effect: string;
  readonly draftHead: (source: string) => readonly string[];
  readonly seededSummary: (question: string) => string;
  readonly note: (author: string, text: string) => string;
  readonly solutionsFromThread: string;
  readonly optional: readonly string[];
}

const WORDS: Record<Lang, SkeletonWords> = {
  en: {
    head: [
      'A case for this casebook. Replace every "TODO: …" text (`casebot validate` names the ones',
      'left), then delete these comments if you like. Texts are plain English strings (lang: en);',
      'a {zh: …, en: …} map gives both languages.',
    ],
    title: 'TODO: the case in a few words',
    summary: 'TODO: one line that says what the case is about',
    challenge: 'TODO: a problem the team had to solve (add a line per challenge)',
    solutionsHead: [
      'One row per principle the case applies (at least one); delete the rows that do not apply.',
      "The casebook's principles:",
    ],
    technologies: 'TODO: the tools used',
    measures: 'TODO: what was done with them',
    effect: 'TODO: what it achieved',
    draftHead: (source: string) => [
      `Drafted by casebot from ${source}. The question seeds the summary, the replies are`,
      'quoted as "TODO:" notes under background: turn them into the case, then delete them.',
    ],
    seededSummary: (q: string) => `TODO: one line that says what the case is about (asked: ${q})`,
    note: (author: string, text: string) => `TODO: ${author} wrote: ${text}`,
    solutionsFromThread: 'What the replies say was done goes into these rows:',
    optional: [
      'Optional — uncomment what the case has; cards leave out what it does not.',
      'background:',
      '  - The situation before the work started',
      'metrics:',
      '  - name: Deployment time',
      '    before: 2 h',
      '    after: 10 min',
      '    improvement: 12×',
      'diagram: |',
      '  graph LR',
      '      A[Client] --> B[Service]',
      'keywords: [words, people really type, for this case]',
      'rating: 4        # 1–5 stars',
      'order: 1         # position in the list; cases without one come last',
      'tips:            # daily tips drawn from this case',
      '  - One thing a team can do tomorrow, learned from this case',
      'owners:          # who keeps the case; "Ask a person" mentions them',
      '  - name: Alice Example',
      '    slack: U024BE7LH          # Slack user (U…) or user group (S…) id',
      '    teams: alice@example.com  # Entra object id (GUID) or user principal name',
      'reviewed: 2025-01-31  # last checked against reality (YYYY-MM-DD); stale after 180 days',
    ],
  },
  zh: {
    head: [
      '本案例库的一个案例。把每个 “TODO: …” 文本换成真实内容（`casebot validate` 会列出剩下的），',
      '之后这些注释可以删掉。文本是中文的普通字符串（lang: zh）；写成 {zh: …, en: …} 就有两种语言。',
    ],
    title: 'TODO: 用几个字概括这个案例',
    summary: 'TODO: 一句话说明这个案例讲什么',
    challenge: 'TODO: 团队要解决的一个问题（每个挑战一行）',
    solutionsHead: [
      '案例应用的每个核心理念一行（至少一行）；删掉不适用的行。',
      '本案例库的核心理念：',
    ],
    technologies: 'TODO: 用到的技术',
    measures: 'TODO: 具体做了什么',
    effect: 'TODO: 取得的效果',
    draftHead: (source: string) => [
      `由 casebot 根据${source}起草。问题是摘要的出发点，回复以 “TODO:” 笔记的形式`,
      '引用在 background 下：把它们写成案例，然后删掉这些笔记。',
    ],
    seededSummary: (q: string) => `TODO: 一句话说明这个案例讲什么（提问：${q}）`,
    note: (author: string, text: string) => `TODO: ${author} 写道：${text}`,
    solutionsFromThread: '回复里说到的做法写进这些行：',
    optional: [
      '可选——取消注释案例具备的部分；卡片会略去没有的部分。',
      'background:',
      '  - 项目开始前的情况',
      'metrics:',
      '  - name: 部署时间',
      '    before: 2小时',
      '    after: 10分钟',
      '    improvement: 12倍',
      'diagram: |',
      '  graph LR',
      '      A[客户端] --> B[服务]',
      'keywords: [大家实际会输入的词, 本案例]',
      'rating: 4        # 1–5 星',
      'order: 1         # 在列表中的位置；没有的排在最后',
      'tips:            # 从本案例得出的每日技巧',
      '  - 一条团队明天就能用上的经验',
      'owners:          # 负责本案例的人；“找人帮忙”会提及他们',
      '  - name: 张三',
      '    slack: U024BE7LH          # Slack 用户（U…）或用户组（S…）id',
      '    teams: zhangsan@example.com  # Entra 对象 id（GUID）或用户主体名称',
      'reviewed: 2025-01-31  # 最近一次核对的日期（YYYY-MM-DD）；超过 180 天视为过期',
    ],
  },
};

const comment = (lines: readonly string[], indent = '') =>
  lines.map((l) => `${indent}# ${l}`.trimEnd()).join('\n');

/** The optional fields' examples, without those the draft already fills in. */
function optionalLines(w: SkeletonWords, seeded: boolean): readonly string[] {
  if (!seeded) return w.optional;
  const start = w.optional.findIndex((l) => l.startsWith('owners:'));
  const end = w.optional.findIndex((l) => l.startsWith('reviewed:'));
  return [...w.optional.slice(0, start), ...w.optional.slice(end)];
}

/**
 * The commented skeleton of a case file, in `lang`, with a solution row per principle. Once every
 * `TODO:` text is replaced it is a valid case (and the editor checks it against the schema file).
 * With a `seed` (a conversation) the summary starts from its question, its replies are quoted as
 * `TODO:` notes under background, and the people who answered are the owners; it stays refused
 * by `casebot validate` until every `TODO:` is written out.
 */
export function caseSkeleton(
  id: string,
  lang: Lang,
  principles: readonly PrincipleDef[],
  seed?: DraftSeed,
): string {
  const w = WORDS[lang];
  const notes = seed?.replies.map((r) => w.note(r.author, quote(r.text))) ?? [];
  const body = stringify(
    {
      lang,
      id,
      title: w.title,
      summary: seed ? w.seededSummary(quote(seed.question)) : w.summary,
      ...(notes.length > 0 ? { background: notes } : {}),
      challenges: [w.challenge],
      solutions: principles.map((p) => ({
        principle: p.id,
        technologies: w.technologies,
        measures: w.measures,
        effect: w.effect,
      })),
      ...(seed && seed.owners.length > 0 ? { owners: seed.owners } : {}),
    },
    { lineWidth: 0 },
  );
  const principleList = principles.map((p) => `  ${p.id}: ${p.name[lang]}`);
  const solutionsHead = [
    ...w.solutionsHead,
    ...principleList,
    ...(notes.length > 0 ? [w.solutionsFromThread, ...notes.map((n) => `  ${n}`)] : []),
  ];
  return [
    `# yaml-language-server: $schema=./${CASE_SCHEMA_FILE}`,
    comment(w.head),
    ...(seed ? [comment(w.draftHead(seed.source))] : []),
    body.trimEnd().replace(/^solutions:$/m, `${comment(solutionsHead)}\nsolutions:`),
    '',
    comment(optionalLines(w, seed !== undefined)),
    '',
  ].join('\n');
}
