import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/core/unprompted-judge.js';
import { type AutoAnswerReport, evaluateAutoAnswer, formatReport } from './auto-answer-eval.js';

/** The development set: batches 1–9, then batches 10–18 written after those were tuned on. */
const DEV_SET = ['test/fixtures/auto-answer-dev.yaml', 'test/fixtures/auto-answer-dev-2.yaml'];

/**
 * The least the judgement must score on its development set: what it reaches there, so a change
 * that makes it answer chatter, miss questions or lose a thread's context fails here.
 */
const FLOORS = {
  /** At most this share of must-stay-silent messages get a reply (reached: 5 of 877). */
  silentReplyRate: 0.006,
  /** Questions answered with the right case (reached: 417/425). */
  answer: 0.975,
  /** … and the right section, where one is asked (reached: 171/174). */
  answerSection: 0.975,
  /** Follow-ups that ask for a part of the thread's case get it (reached: 239/242). */
  followUpSection: 0.985,
  /** Follow-ups clearly about another case switch to it (reached: 45/45). */
  followUpSwitch: 0.97,
  /** Follow-ups that ask nothing get nothing (reached: 103/103). */
  followUpSilent: 0.98,
};

describe(`the unprompted judgement on its development set (${DEV_SET.join(' + ')})`, () => {
  let report: AutoAnswerReport;

  beforeAll(async () => {
    report = await evaluateAutoAnswer(DEV_SET);
    console.log(formatReport(report));
  });

  it('has enough messages and follow-ups to say something', () => {
    expect(report.messages).toBeGreaterThanOrEqual(1200);
    expect(report.followUps).toBeGreaterThanOrEqual(380);
    expect(report.silent.n).toBeGreaterThan(report.answer.n);
  });

  it(`replies to at most ${FLOORS.silentReplyRate * 100} % of the messages that must stay silent`, () => {
    expect(report.silentReplyRate).toBeLessThanOrEqual(FLOORS.silentReplyRate);
  });

  it(`answers ≥ ${FLOORS.answer * 100} % of the casebook's questions with the right case`, () => {
    expect(report.answer.rate).toBeGreaterThanOrEqual(FLOORS.answer);
    expect(report.answerSection.rate).toBeGreaterThanOrEqual(FLOORS.answerSection);
  });

  it('follows a thread: the part asked for, a switch when another case is named, nothing for thanks', () => {
    expect(report.followUpSection.rate).toBeGreaterThanOrEqual(FLOORS.followUpSection);
    expect(report.followUpSwitch.rate).toBeGreaterThanOrEqual(FLOORS.followUpSwitch);
    expect(report.followUpSilent.rate).toBeGreaterThanOrEqual(FLOORS.followUpSilent);
  });
});

describe('the evaluation itself', () => {
  let dir: string;
  let set: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'casebot-auto-answer-'));
    set = path.join(dir, 'set.yaml');
    await writeFile(
      set,
      [
        'messages:',
        '  - { text: "how do shops survive flash sales?", expect: answer, case: ecommerce, kind: question }',
        '  - { text: "what did the bank use?", expect: answer, case: finance, section: solutions, kind: question }',
        '  - { text: "deploy done", expect: silent, kind: status }',
        '  - { text: "lunch?", expect: silent, kind: chatter }',
        'follow_ups:',
        '  - { thread_case: edge, text: "metrics?", expect: answer, case: edge, section: metrics, kind: terse }',
        '  - { thread_case: edge, text: "the bank one?", expect: answer, case: finance, section: null, kind: terse }',
        '  - { thread_case: edge, text: "thanks", expect: silent, kind: chatter }',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('scores a judgement that always answers with the ecommerce overview as the failure it is', async () => {
    const always: Verdict = {
      speak: true,
      caseId: 'ecommerce',
      section: null,
      score: 1,
      evidence: [],
      basis: 'match',
    };
    const r = await evaluateAutoAnswer(set, { judge: () => always });
    expect(r.silentReplyRate).toBe(1);
    expect(r.answer).toEqual({ n: 2, ok: 1, rate: 0.5 });
    expect(r.answerSection).toEqual({ n: 1, ok: 0, rate: 0 });
    expect(r.followUpSection).toEqual({ n: 1, ok: 0, rate: 0 });
    expect(r.followUpSwitch).toEqual({ n: 1, ok: 0, rate: 0 });
    expect(r.followUpSilent).toEqual({ n: 1, ok: 0, rate: 0 });
    expect(r.byKind.status).toEqual({ n: 1, ok: 0, rate: 0 });
    expect(r.failures).toHaveLength(6);
  });

  it('reads several files as one set', async () => {
    const second = path.join(dir, 'second.yaml');
    await writeFile(
      second,
      [
        'messages:',
        '  - { text: "standup: done", expect: silent, kind: standup }',
        'follow_ups:',
        '  - { thread_case: edge, text: "ok", expect: silent, kind: chatter }',
      ].join('\n'),
    );
    const r = await evaluateAutoAnswer([set, second], {
      judge: () => ({ speak: false, reason: 'not-a-question' }),
    });
    expect(r.messages).toBe(5);
    expect(r.followUps).toBe(4);
    expect(r.silent).toEqual({ n: 3, ok: 3, rate: 1 });
    expect(r.set).toBe(`${set} + ${second}`);
  });

  it('scores a judgement that never answers as perfectly quiet and useless', async () => {
    const r = await evaluateAutoAnswer(set, {
      judge: () => ({ speak: false, reason: 'not-a-question' }),
    });
    expect(r.silentReplyRate).toBe(0);
    expect(r.answer.rate).toBe(0);
    expect(r.followUpSilent.rate).toBe(1);
  });
});
