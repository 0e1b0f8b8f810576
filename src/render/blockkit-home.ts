import type { Case, Lang, Overview } from '../catalog/schema.js';
import { Blocks, button, LIMITS, slackWord } from './blockkit-parts.js';
import type { HomeView } from './blockkit-types.js';
import { label, PRINCIPLE_EMOJI, stars } from './labels.js';
import { safe } from './mrkdwn.js';

export interface HomeContent {
  readonly overview: Overview;
  readonly cases: readonly Case[];
}

/**
 * The App Home tab: the casebook at a glance (the overview's summary table, a button per case),
 * how to use the bot, and a language switch.
 */
export function renderHomeView(content: HomeContent, lang: Lang): HomeView {
  const { overview, cases } = content;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const b = new Blocks();
  b.header('title', `📚 ${overview.title[lang]}`);
  b.section('intro', safe(label('listIntro', lang), 1000));
  b.context(
    'principles',
    overview.principles.map((p) => `${PRINCIPLE_EMOJI[p.id]} *${safe(p.name[lang], 100)}*`),
  );
  b.divider();

  for (const row of overview.summary.slice(0, 20)) {
    const c = byId.get(row.caseId);
    if (!c) continue;
    b.fields(
      `summary-${c.id}`,
      [
        `*${label('coreChallenges', lang)}*\n${safe(row.challenges[lang], 500)}`,
        `*${label('results', lang)}*\n${safe(row.results[lang], 500)}`,
      ],
      `*${safe(c.title[lang], 200)}*  ${stars(row.rating)}\n${safe(c.summary[lang], 800)}`,
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
  b.actions('language', [
    button('English', { kind: 'home', lang: 'en' }, 'en', lang === 'en' ? 'primary' : undefined),
    button('中文', { kind: 'home', lang: 'zh' }, 'zh', lang === 'zh' ? 'primary' : undefined),
  ]);
  return { type: 'home', blocks: b.list.slice(0, LIMITS.viewBlocks) };
}
