import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/load.js';
import { createCore } from '../../src/core/core.js';
import { agentGreeting, MAX_PROMPTS, searchingStatus } from '../../src/render/agent-dm.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const own = await loadCatalog(path.resolve(import.meta.dirname, '../fixtures/casebook-own'));
const core = createCore({
  catalog: own,
  store: new MemoryStore(),
  defaultLocale: 'en',
  now: () => new Date(),
});

describe('the agent DM greeting', () => {
  it.each(['en', 'zh'] as const)(
    '%s: a team’s own casebook of three cases: a prompt per case, then “what can I ask”',
    async (lang) => {
      const greeting = agentGreeting(own.cases, lang);
      expect(greeting.prompts).toHaveLength(Math.min(MAX_PROMPTS, own.cases.length + 1));
      expect(greeting.intro).toMatch(lang === 'zh' ? /案例库/ : /casebook/);
      const last = greeting.prompts.at(-1)!;
      expect(last.title).toBe(lang === 'zh' ? '可以问什么？' : 'What can I ask?');
      for (const [i, prompt] of greeting.prompts.entries()) {
        const answer = await core.handle({
          id: 'r',
          platform: 'slack',
          text: prompt.message,
          lang,
        });
        if (i < own.cases.length) {
          expect(answer.kind === 'case' && answer.case.id).toBe(own.cases[i]!.id);
        } else expect(answer.kind).toBe('help');
      }
    },
  );

  it('says it is searching in both languages', () => {
    expect(searchingStatus('en')).toBe('is searching the casebook…');
    expect(searchingStatus('zh')).toBe('正在查找案例库…');
  });
});
