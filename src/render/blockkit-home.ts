import type { Case, Lang, Overview, PrincipleDef, Text } from '../catalog/schema.js';
import { Blocks, button, LIMITS, slackWord } from './blockkit-parts.js';
import type { HomeView } from './blockkit-types.js';
import { headlineOf } from './facts.js';
import { label, listIntro, principleEmoji, withStars } from './labels.js';
import { safe } from './mrkdwn.js';

export interface HomeContent {
  readonly overview?: Overview;
  readonly title?: Text;
  readonly principles: readonly PrincipleDef[];
  readonly cases: readonly Case[];
}

interface Row {
  readonly caseId: string;
  readonly challenges: string;
  readonly results: string;
  readonly rating?: number;
}

/** The overview's summary table, or (without an overview) one built from the cases. */
function summaryRows(content: HomeContent, lang: Lang): Row[] {
  if (content.overview) {
    return content.overview.summary.map((r) => ({
      caseId: r.caseId,
      challenges: r.challenges[lang],
      results: r.results[lang],
      rating: r.rating,
    }));
  }
  return content.cases.map((c) => ({
    caseId: c.id,
    challenges: c.challenges
      .slice(0, 3)
      .map((t) => t[lang])
      .join(lang === 'zh' ? '、' : ', '),
    results: headlineOf(c, lang),
    ...(c.rating !== undefined ? { rating: c.rating } : {}),
  }));
}

/**
 * The App Home tab: the casebook at a glance (the overview's summary table, a button per case),
 * how to use the bot, and a language switch.
 */
export function renderHomeView(content: HomeContent, lang: Lang): HomeView {
  const { cases } = content;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const b = new Blocks();
  const title = content.title?.[lang] ?? label('casebook', lang);
  b.header('title', `📚 ${title}`);
  b.section('intro', safe(listIntro(lang, content.principles), 1000));
  b.context(
    'principles',
    content.principles
      .slice(0, 10)
      .map((p) => `${principleEmoji(p.id)} *${safe(p.name[lang], 100)}*`),
  );
  b.divider();

  for (const row of summaryRows(content, lang).slice(0, 20)) {
    const c = byId.get(row.caseId);
    if (!c) continue;
    b.fields(
      `summary-${c.id}`,
      [
        `*${label('coreChallenges', lang)}*\n${safe(row.challenges, 500)}`,
        `*${label('results', lang)}*\n${safe(row.results, 500)}`,
      ],
      `${withStars(`*${safe(c.title[lang], 200)}*`, row.rating)}\n${safe(c.summary[lang], 800)}`,
    );
    b.actions(`open-${c.id}`, [
      button(
        `📘 ${label('open', lang)}: ${c.title[lang]}`,
        { kind: 'show', caseId: c.id, section: null, lang },
        c.id,
      ),
    ]);
  }

  b.divider();
  b.header('how-to', slackWord('homeHowTo', lang));
  b.section('where', slackWord('helpWhere', lang));
  b.section(
    'examples',
    [
      lang === 'zh' ? '`/case 秒杀流量怎么扛`' : '`/case how do I survive flash sale traffic`',
      lang === 'zh' ? '`/case 金融 指标`' : '`/case finance metrics`',
      lang === 'zh' ? '`/case 对比 电商平台 AI推理`' : '`/case compare ecommerce ai-inference`',
      lang === 'zh' ? '`/case 列表`' : '`/case list`',
    ].join('\n'),
  );
  b.context('subscribe', [slackWord('subscribeHint', lang)]);
  b.context('auto', [slackWord('autoHint', lang)]);
  b.actions('language', [
    button('English', { kind: 'home', lang: 'en' }, 'en', lang === 'en' ? 'primary' : undefined),
    button('中文', { kind: 'home', lang: 'zh' }, 'zh', lang === 'zh' ? 'primary' : undefined),
  ]);
  return { type: 'home', blocks: b.list.slice(0, LIMITS.viewBlocks) };
}
