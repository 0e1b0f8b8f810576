import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CASE_SCHEMA_FILE, caseJsonSchema } from '../catalog/json-schema.js';
import type { CliIo } from './io.js';

/**
 * The casebook folder a command writes into: `--cases DIR`, else `CASES_DIR`, else `./cases`
 * (never the casebook shipped inside the package).
 */
export function writableCasebookDir(option: string | undefined, io: CliIo): string {
  return option ?? (io.env.CASES_DIR || 'cases');
}

/** The schema file as `casebot schema` prints it. */
export function caseSchemaText(): string {
  return `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
}

/**
 * Writes `case.schema.json` beside the case files unless one is there, so the files' editor line
 * (`# yaml-language-server: $schema=./case.schema.json`) finds it. True when it wrote one.
 */
export async function ensureSchemaFile(dir: string): Promise<boolean> {
  try {
    await writeFile(path.join(dir, CASE_SCHEMA_FILE), caseSchemaText(), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
