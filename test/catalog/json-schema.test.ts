import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CASE_SCHEMA_FILE, caseJsonSchema } from '../../src/catalog/json-schema.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const CASES = path.join(ROOT, 'cases');
const SCHEMA_LINE = `# yaml-language-server: $schema=./${CASE_SCHEMA_FILE}`;

async function caseFiles(): Promise<string[]> {
  const names = await readdir(CASES);
  return names.filter((n) => n.endsWith('.yaml') && n !== 'overview.yaml' && n !== 'tips.yaml');
}

describe('the case file JSON Schema for YAML editors', () => {
  it('`casebot schema` prints exactly the schema file kept in cases/', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    const kept = await readFile(path.join(CASES, CASE_SCHEMA_FILE), 'utf8');
    expect(run.stdout, 'regenerate: node dist/cli.js schema > cases/case.schema.json').toBe(kept);
  });

  it('every shipped case file points its editor at the schema, and passes it', async () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(caseJsonSchema());
    const files = await caseFiles();
    expect(files).toHaveLength(4);
    for (const file of files) {
      const text = await readFile(path.join(CASES, file), 'utf8');
      expect(text.split('\n')[0], file).toBe(SCHEMA_LINE);
      const ok = validate(parse(text));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('flags what the loader refuses: a missing summary and an unknown field', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(caseJsonSchema());
    expect(validate({ id: 'x', title: { en: 'X', zh: 'X' } })).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('summary');
  });
});
