import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Case } from '../../src/catalog/schema.js';
import { CONCEPTS } from '../../src/search/concept-data.js';
import {
  buildConceptIndex,
  conceptKey,
  surfaceForms,
  surfaceKey,
} from '../../src/search/concepts.js';
import { buildIndex } from '../../src/search/index.js';
import { normalize } from '../../src/search/normalize.js';
import { EN_STOP_WORDS, ZH_STOP_WORDS } from '../../src/search/stop-words.js';
import { buildTermIndex } from '../../src/search/term-index.js';
import { atomize } from '../../src/search/tokenize.js';
import type { SearchIndex } from '../../src/search/types.js';

const concepts = buildConceptIndex();
const byId = new Map(CONCEPTS.map((c) => [c.id, c]));

function mentioned(text: string): string[] {
  const atoms = atomize(normalize(text));
  return concepts.find(atoms).flatMap((m) => m.concepts.map((c) => concepts.ids[c]!));
}

function ancestorsOf(id: string): string[] {
  const n = concepts.ids.indexOf(id);
  return concepts.lineage[n]!.filter((l) => l.depth > 0).map((l) => concepts.ids[l.concept]!);
}

describe('concept data', () => {
  it('has unique ids, known parents and no cycles', () => {
    expect(new Set(CONCEPTS.map((c) => c.id)).size).toBe(CONCEPTS.length);
    for (const c of CONCEPTS) {
      for (const p of c.parents ?? []) expect(byId.has(p), `${c.id} → ${p}`).toBe(true);
      expect(ancestorsOf(c.id), `${c.id} is its own ancestor`).not.toContain(c.id);
      if (c.outside) expect(c.parents ?? [], `${c.id}: outside concepts stand alone`).toEqual([]);
    }
  });

  it('has forms in both languages for every concept', () => {
    for (const c of CONCEPTS) {
      expect(c.en.trim(), c.id).not.toBe('');
      expect(c.zh.trim(), c.id).not.toBe('');
      expect(/\p{Script=Han}/u.test(c.en), `${c.id}: Chinese in the English forms`).toBe(false);
      for (const f of c.zh.split('|')) {
        expect(/\p{Script=Han}/u.test(f), `${c.id}: "${f}" has no Chinese`).toBe(true);
      }
    }
  });

  it('every surface form parses to a key; a lone word is never a stop word', () => {
    const zhStops = new Set(ZH_STOP_WORDS);
    for (const c of CONCEPTS) {
      for (const form of surfaceForms(c)) {
        const where = `${c.id}: "${form}"`;
        expect(surfaceKey(form), where).not.toBe('');
        const atoms = atomize(normalize(form));
        const stop = atoms.every((a) => (a.cjk ? zhStops.has(a.text) : EN_STOP_WORDS.has(a.raw)));
        // "goes down" is all stop words, yet a phrase; "down" alone would match everything.
        if (stop) expect(atoms.length, `${where} is a lone stop word`).toBeGreaterThan(1);
      }
    }
  });

  it('never gives one form to two concepts (after normalising and stemming)', () => {
    const owner = new Map<string, string>();
    for (const c of CONCEPTS) {
      for (const form of surfaceForms(c)) {
        const key = surfaceKey(form);
        const other = owner.get(key);
        if (other !== c.id)
          expect(other, `"${form}" (${key}) is in ${other} and ${c.id}`).toBeUndefined();
        owner.set(key, c.id);
      }
    }
  });

  describe('against the shipped casebook', () => {
    let cases: readonly Case[];
    let linked: Set<string>;
    const linkedIn = (of: readonly Case[]) => {
      const terms = buildTermIndex(of, concepts);
      return CONCEPTS.filter((c) => terms.postings.has(conceptKey(c.id))).map((c) => c.id);
    };

    beforeAll(async () => {
      cases = (await loadCatalog('cases')).cases;
      linked = new Set(linkedIn(cases));
    });

    it('links every concept of the field to a case, itself or through a narrower concept', async () => {
      // Platform concepts (builds, secrets, logs…) are for teams' own casebooks: the team
      // casebook fixture reaches them.
      const team = new Set(linkedIn((await loadCatalog('test/fixtures/casebook-own')).cases));
      const unreachable = CONCEPTS.filter(
        (c) => !c.outside && !linked.has(c.id) && !team.has(c.id),
      ).map((c) => c.id);
      expect(unreachable).toEqual([]);
    });

    it('links no case to a concept marked outside the field', () => {
      expect(CONCEPTS.filter((c) => c.outside && linked.has(c.id)).map((c) => c.id)).toEqual([]);
    });
  });
});

describe('concept matching', () => {
  it('finds everyday forms in both languages', () => {
    expect(mentioned('the checkout page dies')).toEqual(['orders', 'outage']);
    expect(mentioned('店铺搞满减活动')).toEqual(['commerce', 'sales-event']);
    expect(mentioned('客户一多系统就卡死')).toEqual(['users', 'load', 'performance']);
    expect(mentioned('the site goes down')).toEqual(['outage']);
    expect(mentioned('we push new models several times a day')).toEqual([
      'model-versions',
      'frequent-release',
    ]);
    expect(mentioned('券商系统一秒都不能停')).toEqual(['finance', 'availability']);
    expect(mentioned('shoppers pile in when the discount code goes out')).toEqual([
      'commerce',
      'traffic-peak',
      'sales-event',
    ]);
    expect(mentioned('the little boxes on the farm drop off the network')).toEqual([
      'devices',
      'flaky-network',
    ]);
  });

  it('implies the broader concepts', () => {
    expect(ancestorsOf('sales-event')).toEqual(
      expect.arrayContaining(['commerce', 'traffic-peak', 'load']),
    );
    expect(ancestorsOf('model-versions')).toEqual(
      expect.arrayContaining(['versions', 'rollout', 'ai']),
    );
  });

  it('prefers the longest form: a data warehouse is not a warehouse', () => {
    expect(mentioned('our data warehouse')).toEqual(['data-processing']);
    expect(mentioned('sensors in the warehouse')).toEqual(['devices', 'sites']);
  });

  it('keeps whole Chinese words when two forms cross: 早上|报表 is not 上报', () => {
    expect(mentioned('早上报表出不来')).toEqual(['data-processing']);
    expect(mentioned('设备数据上报很慢')).toEqual(['devices', 'data-collection', 'performance']);
  });
});

describe('search with concepts', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = buildIndex((await loadCatalog('cases')).cases);
  });
  const top = (q: string) => index.search(q).matches[0]?.caseId ?? null;

  it.each([
    ['店铺搞满减活动的时候页面全挂了', 'ecommerce'],
    ['怎么保证转账不丢钱也不重复', 'finance'],
    ['our sensors lose connection all the time out in the field', 'edge'],
    ['the bill for our graphics cards is huge', 'ai-inference'],
    ['the auditors want every change to the ledger on record', 'finance'],
  ])('understands %s', (q, want) => {
    expect(top(q)).toBe(want);
  });

  it('keeps a phrase in its sense: the stock in "stock trading" is not the shop\'s stock', () => {
    expect(index.search('our stock trading service').matches.map((m) => m.caseId)).toEqual([
      'finance',
    ]);
  });

  it('does not let "model" alone pull a banking question to AI inference', () => {
    expect(top('how should a bank model failover between two data centres')).toBe('finance');
  });

  it.each([
    'my bank card got blocked',
    'Edge browser keeps crashing',
    '双十一买什么最划算',
    'can I get a refund for my parcel',
    '孩子的玩具网上买的，坏了怎么退货',
    '机器学习入门看什么书',
    '支付宝转账限额是多少',
    'best gpu for video editing on a budget',
    'how do I transfer money to my mom abroad',
    '我最近总失眠，是不是焦虑症',
    '边缘性人格障碍怎么治疗',
    '边缘人格障碍有哪些表现',
  ])('still rejects %s', (q) => {
    expect(index.search(q).matches).toEqual([]);
  });
});

describe('outside concepts', () => {
  it('stop counting against a case once a casebook has a case about them', async () => {
    const { cases } = await loadCatalog('cases');
    const edge = cases.find((c) => c.id === 'edge')!;
    const homeText = {
      en: 'Home wifi routers at home drop the connection',
      zh: '家用路由器在家里经常断网',
    };
    const routers: Case = {
      ...edge,
      id: 'home-routers',
      title: { en: 'Home router fleet', zh: '家用路由器' },
      challenges: [homeText, ...edge.challenges],
    };
    const q = '在家上网经常断网怎么回事';
    expect(buildIndex(cases).search(q).matches).toEqual([]);
    expect(
      buildIndex([...cases.filter((c) => c.id !== 'edge'), routers]).search(q).matches[0]?.caseId,
    ).toBe('home-routers');
  });
});
