import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { API_ORIGIN, type ApiCall, type Harness, startHarness } from '../adapters/slack/harness.js';
import { casebot } from '../helpers/cli-in-process.js';

/*
 * "Draft a case from this thread" on Slack, end to end: the message shortcut as Slack posts it,
 * the thread read with conversations.replies, the draft sent as a file into the picker's DM with
 * files.uploadV2 (nock as Slack), and `casebot validate` refusing it until its TODOs are written.
 */
const OWN = path.resolve(import.meta.dirname, '../fixtures/casebook-own');
const THREAD = '1700000100.000100';
const NAMES: Record<string, string> = {
  U0ASKER01: 'Ana',
  U0BOB0001: 'Bob Builder',
  U0CAROL01: 'Carol',
};

let h: Harness;
let uploaded: string[];
let dir: string;

beforeEach(async () => {
  uploaded = [];
  dir = await mkdtemp(path.join(tmpdir(), 'casebot-draft-'));
  await cp(OWN, dir, { recursive: true });
  h = await startHarness({
    casesDir: OWN,
    replies: {
      'conversations.replies': {
        ok: true,
        messages: [
          {
            user: 'U0ASKER01',
            ts: THREAD,
            text: 'How do we run chaos experiments on <https://kafka.apache.org|Kafka> safely?',
          },
          {
            user: 'U0BOB0001',
            ts: '1700000101.000100',
            thread_ts: THREAD,
            text: 'We ran Litmus against a staging cluster first &amp; kept min.insync.replicas=2',
          },
          {
            bot_id: 'B0CASEBOT',
            ts: '1700000102.000100',
            thread_ts: THREAD,
            text: 'No case is about that.',
          },
          {
            user: 'U0CAROL01',
            ts: '1700000103.000100',
            thread_ts: THREAD,
            text: 'Ask <@U0BOB0001>, he wrote the runbook.',
          },
          { user: 'U0ASKER01', ts: '1700000104.000100', thread_ts: THREAD, text: 'Thanks!' },
        ],
      },
      'users.info': (call: ApiCall) => ({
        ok: true,
        user: { id: call.user, real_name: NAMES[String(call.user)] },
      }),
      'conversations.open': { ok: true, channel: { id: 'D0PICKER1' } },
      'files.getUploadURLExternal': {
        ok: true,
        upload_url: `${API_ORIGIN}/upload/F0DRAFT`,
        file_id: 'F0DRAFT',
      },
      'files.completeUploadExternal': { ok: true, files: [{ id: 'F0DRAFT' }] },
    },
  });
  nock(API_ORIGIN)
    .persist()
    .post('/upload/F0DRAFT')
    .reply((_uri, body) => {
      uploaded.push(typeof body === 'string' ? body : JSON.stringify(body));
      return [200, 'OK'];
    });
});
afterEach(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

/** The file's bytes in the multipart body the Web API client uploads. */
function filePart(body: string): string {
  const start = body.indexOf('\r\n\r\n') + 4;
  const end = body.lastIndexOf('\r\n--');
  return body.slice(start, end);
}

/** The shortcut, as Slack posts it, used on a reply in the thread. */
async function useShortcut(): Promise<void> {
  const payload = {
    type: 'message_action',
    callback_id: 'casebot_draft_case',
    trigger_id: '123.456.abc',
    response_url: 'https://hooks.slack.com/app/T0001/1/draft',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0PICKER1', name: 'pat' },
    channel: { id: 'C2147483705', name: 'platform' },
    message: {
      type: 'message',
      user: 'U0BOB0001',
      ts: '1700000101.000100',
      thread_ts: THREAD,
      text: 'We ran Litmus',
    },
  };
  const res = await h.postForm(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  );
  expect(res.status).toBe(200);
  await h.settled();
}

describe('Draft a case from this thread (Slack)', () => {
  it('reads that thread and sends the picker a draft file privately, with the people who answered as owners', async () => {
    await useShortcut();
    expect(h.calls['conversations.replies']).toEqual([
      expect.objectContaining({ channel: 'C2147483705', ts: THREAD }),
    ]);
    expect(h.calls['conversations.open']?.[0]).toMatchObject({ users: 'U0PICKER1' });
    expect(h.calls['files.getUploadURLExternal']?.[0]).toMatchObject({
      filename: 'run-chaos-experiments-kafka-safely.yaml',
    });
    expect(h.calls['files.completeUploadExternal']?.[0]).toMatchObject({ channel_id: 'D0PICKER1' });
    expect(h.responses).toEqual([
      expect.objectContaining({
        response_type: 'ephemeral',
        text: expect.stringMatching(/sent you a draft case/),
      }),
    ]);

    expect(uploaded).toHaveLength(1);
    const yaml = filePart(uploaded[0]!);
    const draft = parse(yaml) as Record<string, unknown>;
    expect(draft.id).toBe('run-chaos-experiments-kafka-safely');
    expect(String(draft.summary)).toMatch(
      /^TODO: .*How do we run chaos experiments on Kafka \(https:\/\/kafka\.apache\.org\) safely\?/,
    );
    expect(draft.background).toEqual([
      'TODO: Bob Builder wrote: We ran Litmus against a staging cluster first & kept min.insync.replicas=2',
      'TODO: Carol wrote: Ask @U0BOB0001, he wrote the runbook.',
      'TODO: Ana wrote: Thanks!',
    ]);
    expect(draft.owners).toEqual([
      { name: 'Bob Builder', slack: 'U0BOB0001' },
      { name: 'Carol', slack: 'U0CAROL01' },
    ]);
    expect(yaml).not.toContain('No case is about that');
    // The casebook's own principles, one row each.
    expect((draft.solutions as { principle: string }[]).map((s) => s.principle)).toEqual([
      'observability',
      'security',
      'cost',
    ]);

    // `casebot validate` refuses it, naming every TODO; written out, it is a valid case.
    const file = path.join(dir, 'run-chaos-experiments-kafka-safely.yaml');
    await writeFile(file, yaml);
    const refused = await casebot(['validate', '--cases', dir]);
    expect(refused.code).toBe(1);
    for (const at of [
      'title',
      'summary',
      'background[0]',
      'background[2]',
      'challenges[0]',
      'solutions[0].measures',
    ]) {
      expect(refused.stderr).toContain(
        `run-chaos-experiments-kafka-safely.yaml: ${at}: still a "TODO: …" placeholder`,
      );
    }
    const written = JSON.parse(JSON.stringify(draft), (_k, v) =>
      typeof v === 'string' && v.startsWith('TODO:') ? `Written: ${v.slice(6, 40)}` : v,
    );
    await writeFile(file, stringify(written));
    const valid = await casebot(['validate', '--cases', dir]);
    expect(valid.code, valid.stderr).toBe(0);
  });

  it('a thread it cannot read gets a polite answer, and no file', async () => {
    h.failNext('conversations.replies', { body: { ok: false, error: 'not_in_channel' } });
    await useShortcut();
    expect(h.calls['files.getUploadURLExternal']).toBeUndefined();
    expect(JSON.stringify(h.responses)).toContain('/invite @casebot');
  });

  it('when no file can be sent, the draft comes as text only the picker sees', async () => {
    h.failNext('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
    await useShortcut();
    expect(h.responses).toHaveLength(1);
    const reply = JSON.stringify(h.responses[0]);
    expect(reply).toContain('couldn’t send the draft as a file');
    expect(reply).toContain('id: run-chaos-experiments-kafka-safely');
    expect(h.responses[0]).toMatchObject({ response_type: 'ephemeral' });
  });
});
