import type { Section } from '../../catalog/model.js';
import { detectSection, normalize } from '../../search/index.js';

/**
 * The part of a case a message asks for: the search's section intent, and a few ways of asking
 * that only chat uses (the search leaves them alone, as they would change its section answers).
 */
const CHAT_ASKS: readonly (readonly [Section, RegExp])[] = [
  [
    'metrics',
    new RegExp(
      [
        '\\bhow long (?:did|does|do|would|will|has|have|was|were)\\b',
        '\\bwhat (?:was|were|is|are) (?:their|the|its) \\w+(?: \\w+)? (?:before|after|originally)\\b',
        '用了多久|花了多久|多长时间|耗时多少',
      ].join('|'),
    ),
  ],
  [
    'solutions',
    new RegExp(
      [
        '\\bdid (?:they|it|the \\w+) (?:also |actually |just |ever )?(?:use|run|go with|pick|try|adopt|build|rely on)\\b',
        '\\bhow (?:the|they|their) [\\w ]{0,30}(?:handled|solved|fixed|dealt with|tackled|approached|managed|did it|built)\\b',
        '\\bhow did (?:the |they |their )?[\\w ]{0,30}?\\b(?:get|make|keep|bring|cut|reduce|achieve|manage|hit|reach)\\b',
        '怎么[^的]{1,14}的(?:$| )',
      ].join('|'),
    ),
  ],
];

export function sectionAsked(asks: readonly string[]): Section | null {
  const text = normalize(asks.join(' '));
  const found = detectSection(text).section;
  if (found) return found;
  for (const [section, pattern] of CHAT_ASKS) if (pattern.test(text)) return section;
  return null;
}
