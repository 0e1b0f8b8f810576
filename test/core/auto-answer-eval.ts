import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { loadCatalog } from '../../src/catalog/load.js';
import type { Section } from '../../src/catalog/model.js';
import {
  type JudgeDeps,
  judgeMessage,
  type ThreadContext,
  type Verdict,
} from '../../src/core/unprompted-judge.js';
import { buildIndex } from '../../src/search/index.js';

/**
 * The auto-answer evaluation: a set of channel messages and thread replies (the format of
 * `test/fixtures/auto-answer-dev.yaml`) judged over a casebook, scored the way issue #20 judges
 * it (precision first). Reusable for any set in that format: `evaluateAutoAnswer(path)`.
 */

type Expect = 'answer' | 'silent' | 'either';

interface SetMessage {
  readonly text: string;
  readonly lang?: string;
  readonly expect: Expect;
  readonly case?: string;
  readonly section?: Section | null;
  readonly kind?: string;
}

interface SetFollowUp extends SetMessage {
  readonly thread_case: string;
}

interface AutoAnswerSet {
  readonly messages?: readonly SetMessage[];
  readonly follow_ups?: readonly SetFollowUp[];
}

/** How many of `n` came out right; `rate` is null ("n/a") when there were none. */
export interface Tally {
  readonly n: number;
  readonly ok: number;
  readonly rate: number | null;
}

export interface AutoAnswerReport {
  readonly set: string;
  readonly messages: number;
  readonly followUps: number;
  /** Share of must-stay-silent messages that got a reply (lower is better; the target is ≤ 1 %). */
  readonly silentReplyRate: number | null;
  /** Messages that must stay silent: `ok` = stayed silent. */
  readonly silent: Tally;
  /** Questions the casebook answers: `ok` = a reply with the right case (target ≥ 85 %). */
  readonly answer: Tally;
  /** Those of them that name a section: `ok` = right case and right section. */
  readonly answerSection: Tally;
  /** `either` messages: `ok` = silent, or a reply with the right case. */
  readonly either: Tally;
  /** Thread replies asking for a part of the thread's case: `ok` = that case and that part (target ≥ 90 %). */
  readonly followUpSection: Tally;
  /** Thread replies asking about the thread's case as a whole: `ok` = its overview. */
  readonly followUpOverview: Tally;
  /** Thread replies clearly about another case: `ok` = a reply with that case. */
  readonly followUpSwitch: Tally;
  /** Thread replies that ask nothing: `ok` = silent. */
  readonly followUpSilent: Tally;
  /** Per `kind` of message (follow-ups as `follow-up:<kind>`): how many came out right. */
  readonly byKind: Readonly<Record<string, Tally>>;
  /** Per `lang` (en, zh, mixed), messages and follow-ups together: how many came out right. */
  readonly byLang: Readonly<Record<string, Tally>>;
  /** Every message that came out wrong, with what was expected and what the judge said. */
  readonly failures: readonly string[];
}

/** A judgement to evaluate: `judgeMessage` unless a baseline is given. */
export type Judge = (text: string, deps: JudgeDeps, context?: ThreadContext) => Verdict;

export interface EvaluateOptions {
  /** The casebook folder; the shipped `cases/` by default. */
  readonly casesDir?: string;
  readonly judge?: Judge;
}

class Counter {
  n = 0;
  ok = 0;
  add(ok: boolean): void {
    this.n++;
    if (ok) this.ok++;
  }
  get tally(): Tally {
    return { n: this.n, ok: this.ok, rate: this.n === 0 ? null : this.ok / this.n };
  }
}

const said = (v: Verdict) =>
  v.speak
    ? `${v.caseId}/${v.section ?? 'overview'} (${v.basis}, ${v.score})`
    : `silent: ${v.reason}${v.detail ? ` (${v.detail})` : ''}`;

const wanted = (m: SetMessage) =>
  m.expect === 'answer' ? `${m.case}/${m.section ?? 'any'}` : m.expect;

function sectionOk(m: SetMessage, v: Verdict & { speak: true }): boolean {
  return m.section === undefined || v.section === m.section;
}

/** Several set files read as one set (a development set written in more than one file). */
async function readSets(paths: readonly string[]): Promise<AutoAnswerSet> {
  const sets = await Promise.all(
    paths.map(async (p) => parse(await readFile(p, 'utf8')) as AutoAnswerSet),
  );
  return {
    messages: sets.flatMap((s) => s.messages ?? []),
    follow_ups: sets.flatMap((s) => s.follow_ups ?? []),
  };
}

export async function evaluateAutoAnswer(
  setPath: string | readonly string[],
  options: EvaluateOptions = {},
): Promise<AutoAnswerReport> {
  const paths = typeof setPath === 'string' ? [setPath] : setPath;
  const set = await readSets(paths);
  const catalog = await loadCatalog(options.casesDir ?? 'cases');
  const deps: JudgeDeps = { catalog, index: buildIndex(catalog.cases) };
  const judge = options.judge ?? judgeMessage;

  const silent = new Counter();
  const answer = new Counter();
  const answerSection = new Counter();
  const either = new Counter();
  const followUpSection = new Counter();
  const followUpOverview = new Counter();
  const followUpSwitch = new Counter();
  const followUpSilent = new Counter();
  const kinds = new Map<string, Counter>();
  const langs = new Map<string, Counter>();
  const failures: string[] = [];
  const counter = (map: Map<string, Counter>, name: string) => {
    const c = map.get(name) ?? new Counter();
    map.set(name, c);
    return c;
  };
  const kind = (name: string) => counter(kinds, name);
  const lang = (name: string | undefined) => counter(langs, name ?? 'unknown');

  const messages = set.messages ?? [];
  for (const m of messages) {
    const v = judge(m.text, deps);
    let ok: boolean;
    if (m.expect === 'silent') {
      ok = !v.speak;
      silent.add(ok);
    } else if (m.expect === 'either') {
      ok = !v.speak || v.caseId === m.case;
      either.add(ok);
    } else {
      const rightCase = v.speak && v.caseId === m.case;
      answer.add(rightCase);
      if (m.section) answerSection.add(v.speak && rightCase && sectionOk(m, v));
      ok = rightCase && (!m.section || (v.speak && sectionOk(m, v)));
    }
    kind(m.kind ?? 'unknown').add(ok);
    lang(m.lang).add(ok);
    if (!ok) failures.push(`message want ${wanted(m)}, got ${said(v)}: ${JSON.stringify(m.text)}`);
  }

  const followUps = set.follow_ups ?? [];
  for (const f of followUps) {
    const v = judge(f.text, deps, { caseId: f.thread_case });
    const wantCase = f.case ?? f.thread_case;
    let ok: boolean;
    if (f.expect === 'silent') {
      ok = !v.speak;
      followUpSilent.add(ok);
    } else if (f.expect === 'either') {
      ok = !v.speak || v.caseId === wantCase;
    } else if (wantCase !== f.thread_case) {
      ok = v.speak && v.caseId === wantCase;
      followUpSwitch.add(ok);
    } else if (f.section) {
      ok = v.speak && v.caseId === wantCase && v.section === f.section;
      followUpSection.add(ok);
    } else {
      ok = v.speak && v.caseId === wantCase && v.section === null;
      followUpOverview.add(ok);
    }
    kind(`follow-up:${f.kind ?? 'unknown'}`).add(ok);
    lang(f.lang).add(ok);
    if (!ok) {
      failures.push(
        `follow-up in ${f.thread_case} want ${wanted(f)}, got ${said(v)}: ${JSON.stringify(f.text)}`,
      );
    }
  }

  const s = silent.tally;
  return {
    set: paths.join(' + '),
    messages: messages.length,
    followUps: followUps.length,
    silentReplyRate: s.rate === null ? null : 1 - s.rate,
    silent: s,
    answer: answer.tally,
    answerSection: answerSection.tally,
    either: either.tally,
    followUpSection: followUpSection.tally,
    followUpOverview: followUpOverview.tally,
    followUpSwitch: followUpSwitch.tally,
    followUpSilent: followUpSilent.tally,
    byKind: Object.fromEntries([...kinds].sort().map(([k, c]) => [k, c.tally])),
    byLang: Object.fromEntries([...langs].sort().map(([k, c]) => [k, c.tally])),
    failures,
  };
}

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);
const tally = (t: Tally) => `${t.ok}/${t.n} (${pct(t.rate)})`;

/** The report as lines a person reads (the test prints it). */
export function formatReport(r: AutoAnswerReport): string {
  return [
    `${r.set}: ${r.messages} messages, ${r.followUps} follow-ups`,
    `  silent messages that got a reply: ${pct(r.silentReplyRate)} (${r.silent.n - r.silent.ok}/${r.silent.n})`,
    `  questions answered with the right case: ${tally(r.answer)}`,
    `  … and the right section, where one is asked: ${tally(r.answerSection)}`,
    `  either: ${tally(r.either)}`,
    `  follow-ups, the part asked for: ${tally(r.followUpSection)}`,
    `  follow-ups, the case overview: ${tally(r.followUpOverview)}`,
    `  follow-ups, switched to another case: ${tally(r.followUpSwitch)}`,
    `  follow-ups that ask nothing, left alone: ${tally(r.followUpSilent)}`,
    '  by kind:',
    ...Object.entries(r.byKind).map(([k, t]) => `    ${k.padEnd(28)} ${tally(t)}`),
    '  by language:',
    ...Object.entries(r.byLang).map(([k, t]) => `    ${k.padEnd(28)} ${tally(t)}`),
    ...r.failures.map((f) => `  FAIL ${f}`),
  ].join('\n');
}
