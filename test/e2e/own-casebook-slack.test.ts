import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fixture,
  type Harness,
  slashCommandBody,
  startHarness,
  until,
} from '../adapters/slack/harness.js';
import { checkBlockKitLimits } from '../render/blockkit-limits.js';
import { CASEBOOKS, ENGLISH_ONLY_NOTE_ZH } from './casebooks.js';

type EventBody = { event_id: string; event: Record<string, unknown> };

describe.each(CASEBOOKS)('Slack end to end, serving $name', (book) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ casesDir: book.dir });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => h.reset());

  /** `/case TEXT` as Slack sends it; the ephemeral reply, inline or through the response_url. */
  async function slash(text: string) {
    const res = await h.postForm(slashCommandBody({ text }));
    expect(res.status).toBe(200);
    const ack = await res.text();
    if (!ack) await until(() => h.responses.length > 0, 5_000, 'the response_url reply');
    await h.settled();
    const reply = (ack ? JSON.parse(ack) : h.responses[0]) as {
      text: string;
      blocks: { type: string }[];
    };
    expect(checkBlockKitLimits(reply)).toEqual([]);
    return JSON.stringify(reply);
  }

  let counter = 0;
  /** `@casebot TEXT` in a channel; the message casebot posted in the thread. */
  async function mention(text: string) {
    const body = fixture<EventBody>('app-mention.json');
    const res = await h.postJson({
      ...body,
      event_id: `${body.event_id}-own-${++counter}`,
      event: { ...body.event, text: `<@UBOT123> ${text}` },
    });
    expect(res.status).toBe(200);
    await h.settled();
    const posts = h.calls['chat.postMessage'] ?? [];
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe('1515449438.000011');
    return JSON.stringify(posts[0]);
  }

  const noNote = (json: string) => expect(json).not.toMatch(/English only|只有英文|只有中文/);

  it('/case answers an English question from this casebook', async () => {
    const json = await slash(book.english.question);
    for (const s of book.english.shows) expect(json).toContain(s);
    expect(json).not.toContain('undefined');
    noNote(json);
  });

  it('/case answers a Chinese question, with the language note when the case is English only', async () => {
    const json = await slash(book.chinese.question);
    for (const s of book.chinese.shows) expect(json).toContain(s);
    if (book.noteInChinese) expect(json).toContain(ENGLISH_ONLY_NOTE_ZH);
    else noNote(json);
  });

  it('answers an @mention in its thread, in either language', async () => {
    const en = await mention(book.english.question);
    expect(en).toContain(book.english.shows[0]);
    noNote(en);
    h.reset();
    const zh = await mention(book.chinese.question);
    expect(zh).toContain(book.chinese.shows[0]);
    if (book.noteInChinese) expect(zh).toContain(ENGLISH_ONLY_NOTE_ZH);
  });

  it('/case list shows this casebook and no other', async () => {
    const json = await slash('list');
    for (const s of book.listed) expect(json).toContain(s);
    for (const s of book.notListed) expect(json).not.toContain(s);
    expect(json).not.toContain('undefined');
  });
});
