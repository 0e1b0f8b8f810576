import type { Section } from '../../catalog/model.js';
import { detectSection, normalize } from '../../search/index.js';

/**
 * The part of a case a message asks for: the search's section intent, and a few ways of asking
 * that only chat uses (the search leaves them alone, as they would change its section answers).
 */
const CHAT_ASKS: readonly (readonly [Section, RegExp])[] = [
  [
    'architecture',
    /\barchitected\b|\b(?:ref |reference )?arch\b|\b(?:requests?|traffic|data|calls?|messages?|events?|orders?) (?:get|gets|got|go|goes|went|travel|travels|move|moves|flow|flows|pass|passes|reach|reaches|are routed|get routed|routed)\b|\b(?:consists?|consisted|made up|composed) of\b|\b(?:sits?|sitting|lives?|placed|located|goes|go|runs?) (?:between|in front of|behind|next to|on top of|upstream of|downstream of)\b|\bin front of\b|(?:放在|在)[^，,]{1,10}(?:前面|后面|之间|上游|下游)|请求[^，,]{0,10}(?:走到|走向|流向|经过|进到|打到)|\bwhat (?:would|does|did|do|should) (?:a |an |the |their |its )?(?:reference |typical |good |sane )?(?:setup|set-up|architecture|platform|system|stack|design|layout|topology|pipeline)\b[\w -]{0,60} look like\b|架构是(?:怎样|怎么样|什么样|啥样)|^图|图呢|图有吗|有图吗|的图|张图|个图/,
  ],
  [
    'challenges',
    /什么[^，,]{0,8}坑|哪些[^，,]{0,8}坑|\bthe catch\b|\b(?:worried|worry|worries|concerned|concerns|afraid|scared|nervous|constraints?)\b|担心|顾虑|害怕|\b(?:downsides?|drawbacks?|caveats?|trade-?offs?)\b|问题(?:主要|都|大概)?(?:是|有)(?:哪些|什么|啥)|(?:有|是)哪些(?:问题|难点|坑)/,
  ],
  [
    'metrics',
    new RegExp(
      [
        '有(?:没有)?[^，,]{0,6}(?:数据|数字)(?:吗|么|没|$)|好处|\\b(?:any|some|real|hard) (?:data|numbers|figures|stats)\\b|\\bbenefits?\\b',
        '\\bhow (?:was|were|is|are|did they) [\\w ]{0,30}(?:measured|calculated|computed|counted)\\b|怎么(?:算|计算|统计|测|衡量)(?:出来)?的',
        '\\bwhat (?:kind of |sort of |level of )?(?:latency|latencies|throughput|cost|costs|availability|uptime|performance|startup time|response times?|footprint|savings|utili[sz]ation|speed ?ups?) (?:can|could|did|do|does|would|will|is|are|was|were)\\b',
        '\\bhow (?:small|big|large|fast|quick|quickly|slow|cheap|low|high|far|lean|light|reliable|stable) (?:did|does|do|was|were|is|are|could|can|has|have)\\b',
        '\\bhow long (?:did|does|do|would|will|has|have|was|were)\\b',
        '\\bwhat (?:was|were|is|are) (?:their|the|its) \\w+(?: \\w+)? (?:before|after|originally)\\b',
        '\\bwhat (?:kind of |sort of )?\\w+(?: \\w+)? did (?:they|it|the \\w+) (?:get|reach|achieve|hit|see|end up with)\\b',
        '\\b(?:cost )?savings?\\b|\\bsaved\\b',
        '用了多久|花了多久|多长时间|耗时多少|省了|节省了',
      ].join('|'),
    ),
  ],
  [
    'solutions',
    new RegExp(
      [
        '用(?:的|了)?[^，,]{1,20}还是',
        '\\bwhich \\w+(?: \\w+)? (?:handled|handles|ran|runs|managed|manages|powered|powers|drove|drives|served|serves|did they use|was used|were used)\\b',
        '\\b(?:was|were) [\\w ]{1,30}? (?:part of (?:it|this|that|the \\w+)|involved|included)\\b',
        '\\bdid (?:it|they|the \\w+) (?:include|involve|cover)\\b',
        '\\bdid (?:they|it|the \\w+) (?:also |actually |just |ever )?(?:use|run|do|go with|pick|try|adopt|build|rely on|deploy|implement|introduce|set up|roll out|add|switch to|move to)\\b',
        '\\bhow (?:the|they|their) [\\w ]{0,30}(?:handled|solved|fixed|dealt with|tackled|approached|managed|did it|built|got|brought|made|kept|cut|reduced|achieved|reached|hit)\\b',
        '\\bhow (?:did|does|do) [\\w ]{1,30} work\\b',
        '\\bhow did (?:the |they |their )?[\\w ]{0,30}?\\b(?:get|make|keep|bring|cut|reduce|achieve|manage|hit|reach)\\b',
        '\\bhow (?:did|do|does|were|was|have|has) (?:they|it|the \\w+(?: \\w+)?|their \\w+) \\w+',
        '\\bhow (?:was|were|is|are) [\\w ]{1,30}?\\b\\w+ed\\b',
        '怎么[^的]{1,14}的(?:$| )',
      ].join('|'),
    ),
  ],
];

/** The section the last asking clause that names one asks for: people end on what they want. */
export function sectionAsked(asks: readonly string[]): Section | null {
  for (let i = asks.length - 1; i >= 0; i--) {
    const found = sectionOf(normalize(asks[i]!));
    if (found) return found;
  }
  return null;
}

function sectionOf(text: string): Section | null {
  const found = detectSection(text).section;
  if (found) return found;
  for (const [section, pattern] of CHAT_ASKS) if (pattern.test(text)) return section;
  return null;
}
