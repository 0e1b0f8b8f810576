import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { CaseAnswer } from '../../src/core/model.js';
import { renderAdaptiveCard } from '../../src/render/adaptive-card.js';
import { renderBlockKit } from '../../src/render/blockkit.js';
import { caseFileUrl, caseIdOfUrl, casesHost } from '../../src/render/case-links.js';
import { DEFAULT_DIAGRAMS } from '../../src/render/diagram.js';
import { renderText } from '../../src/render/text.js';
import { parserEvents } from '../adapters/teams/card-schema.js';
import { checkBlockKitLimits } from './blockkit-limits.js';

const CASES_URL = 'https://git.example.com/platform/casebook/-/blob/main/cases';
const catalog = await loadCatalog('cases');

const answer = (lang: 'en' | 'zh', section: CaseAnswer['section'] = null): CaseAnswer => ({
  kind: 'case',
  lang,
  case: catalog.byId.get('ecommerce')!,
  section,
  query: '',
  score: 1,
  alternatives: [],
});

describe('case file links', () => {
  it('puts a case at <CASES_URL>/<id>.yaml, with or without a trailing slash', () => {
    expect(caseFileUrl(CASES_URL, 'ai-inference')).toBe(`${CASES_URL}/ai-inference.yaml`);
    expect(caseFileUrl(`${CASES_URL}//`, 'edge')).toBe(`${CASES_URL}/edge.yaml`);
    expect(casesHost(CASES_URL)).toBe('git.example.com');
  });

  it.each([
    [`${CASES_URL}/ecommerce.yaml`, 'ecommerce'],
    [`${CASES_URL}/ai-inference.yml`, 'ai-inference'],
    [`${CASES_URL}/finance.yaml?plain=1#L12`, 'finance'],
    [`HTTPS://GIT.EXAMPLE.COM/platform/casebook/-/blob/main/cases/edge.yaml`, 'edge'],
  ])('reads the case id back from %s', (url, id) => {
    expect(caseIdOfUrl(CASES_URL, url)).toBe(id);
  });

  it.each([
    ['another folder', 'https://git.example.com/platform/other/ecommerce.yaml'],
    ['another host', 'https://evil.example.org/platform/casebook/-/blob/main/cases/ecommerce.yaml'],
    ['http instead of https', `${CASES_URL.replace('https', 'http')}/ecommerce.yaml`],
    ['a file in a subfolder', `${CASES_URL}/old/ecommerce.yaml`],
    ['not a case file', `${CASES_URL}/README.md`],
    ['an id that is not kebab-case', `${CASES_URL}/Ecommerce.yaml`],
    ['the folder itself', `${CASES_URL}/`],
    ['not a URL', 'ecommerce.yaml'],
  ])('is not a case link: %s', (_, url) => {
    expect(caseIdOfUrl(CASES_URL, url)).toBeNull();
  });
});

describe('cards link to their case file when CASES_URL is set', () => {
  it.each(['en', 'zh'] as const)('%s: Slack, Teams and text show the same link', (lang) => {
    const file = `${CASES_URL}/ecommerce.yaml`;
    const o = { diagrams: DEFAULT_DIAGRAMS, casesUrl: CASES_URL };
    const slack = renderBlockKit(answer(lang), o);
    expect(checkBlockKitLimits(slack)).toEqual([]);
    expect(JSON.stringify(slack.blocks)).toContain(`<${file}|ecommerce.yaml>`);
    const teams = renderAdaptiveCard(answer(lang), o);
    expect(parserEvents(teams)).toEqual([]);
    expect(JSON.stringify(teams.body)).toContain(`[ecommerce.yaml](${file})`);
    expect(renderText(answer(lang), { ...o, color: false })).toContain(`ecommerce.yaml (${file})`);
    expect(JSON.stringify(slack.blocks)).toContain(lang === 'zh' ? '案例文件' : 'Case file');
  });

  it('also on a section view; and without CASES_URL there is no link at all', () => {
    const o = { diagrams: DEFAULT_DIAGRAMS };
    expect(
      JSON.stringify(renderBlockKit(answer('en', 'solutions'), { ...o, casesUrl: CASES_URL })),
    ).toContain('ecommerce.yaml>');
    expect(JSON.stringify(renderBlockKit(answer('en'), o))).not.toContain('.yaml');
    expect(JSON.stringify(renderAdaptiveCard(answer('en'), o))).not.toContain('.yaml');
  });
});
