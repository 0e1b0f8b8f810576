import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';
import { cardOf, connector, fixture, type Harness, startTeams } from '../adapters/teams/harness.js';
import { CASEBOOKS, ENGLISH_ONLY_NOTE_ZH } from './casebooks.js';

describe.each(CASEBOOKS)('Teams end to end, serving $name', (book) => {
  let teams: Harness;
  beforeAll(async () => {
    teams = await startTeams({ casesDir: book.dir });
  });
  afterAll(() => teams.close());
  afterEach(() => nock.cleanAll());

  /** Posts an activity as Teams would; the one card casebot sent back. */
  async function ask(activity: Record<string, unknown>) {
    const { sent } = connector();
    const res = await teams.post(activity);
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]!.body);
    expect(cardSchemaErrors(card)).toEqual([]);
    return { card, json: JSON.stringify(card) };
  }

  const inChannel = (text: string) => ({
    ...fixture('channel-mention'),
    text: `<at>casebot</at> ${text}`,
  });

  it('answers a channel mention in English from this casebook', async () => {
    const { json } = await ask(inChannel(book.english.question));
    for (const s of book.english.shows) expect(json).toContain(s);
    expect(json).not.toMatch(/undefined|English only|只有英文/);
  });

  it('answers a Chinese personal message, with the note when the case is English only', async () => {
    const { card, json } = await ask({
      ...fixture('personal-message'),
      text: book.chinese.question,
    });
    expect(card.lang).toBe('zh');
    for (const s of book.chinese.shows) expect(json).toContain(s);
    if (book.noteInChinese) expect(json).toContain(ENGLISH_ONLY_NOTE_ZH);
    else expect(json).not.toMatch(/只有英文|只有中文/);
  });

  it('lists this casebook and no other', async () => {
    const { json } = await ask(inChannel('list'));
    for (const s of book.listed) expect(json).toContain(s);
    for (const s of book.notListed) expect(json).not.toContain(s);
  });
});
