import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cardSchemaErrors } from '../adapters/teams/card-schema.js';
import { fixture, type Harness, startTeams } from '../adapters/teams/harness.js';
import { casebot } from '../helpers/cli-in-process.js';

/*
 * "Draft a case from this message" on Teams, end to end: the message action's fetchTask invoke
 * as Teams posts it, answered in the HTTP response with a dialog holding the case file.
 */
const OWN = path.resolve(import.meta.dirname, '../fixtures/casebook-own');

let teams: Harness;
let dir: string;
afterEach(async () => {
  await teams?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Draft a case from this message (Teams)', () => {
  it('answers with a dialog holding a draft from the message, its author the first owner', async () => {
    teams = await startTeams({ casesDir: OWN });
    const res = await teams.post(fixture('message-action-fetch-task'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      task: {
        type: string;
        value: { title: string; card: { contentType: string; content: Record<string, unknown> } };
      };
    };
    expect(body.task.type).toBe('continue');
    expect(body.task.value.title).toBe('Draft a case');
    const card = body.task.value.card.content as { body: Record<string, unknown>[] };
    expect(cardSchemaErrors(card)).toEqual([]);
    const box = card.body.find((e) => e.type === 'Input.Text') as {
      value: string;
      isMultiline: boolean;
    };
    expect(box.isMultiline).toBe(true);
    const yaml = box.value;
    const draft = parse(yaml) as Record<string, unknown>;
    expect(draft.id).toBe('kafka-ran-litmus-chaos-experiments');
    expect(String(draft.summary)).toContain(
      'For Kafka we ran Litmus chaos experiments against staging first & kept min.insync.replicas=2. Ask @Wei Zhang for the runbook.',
    );
    expect(draft.owners).toEqual([
      { name: 'Dana Okafor', teams: '6f1c2a4e-8b3d-4f5a-9c7e-2d1b0a9f8e7d' },
    ]);
    expect(yaml).toContain(
      'Drafted by casebot from a Teams message (https://teams.microsoft.com/l/message/',
    );

    dir = await mkdtemp(path.join(tmpdir(), 'casebot-draft-teams-'));
    await cp(OWN, dir, { recursive: true });
    await writeFile(path.join(dir, 'kafka-ran-litmus-chaos-experiments.yaml'), yaml);
    const refused = await casebot(['validate', '--cases', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'kafka-ran-litmus-chaos-experiments.yaml: background[0]: still a "TODO: …" placeholder',
    );
    expect(refused.stderr).toContain(
      'kafka-ran-litmus-chaos-experiments.yaml: summary: still a "TODO: …" placeholder',
    );
  });
});
