import { z } from 'zod';
import { casebookSchemas } from './schema.js';

/** Where the shipped case files point their YAML language server (`cases/case.schema.json`). */
export const CASE_SCHEMA_FILE = 'case.schema.json';

/**
 * The JSON Schema of one case file, generated from the zod schema the loader checks with, so
 * YAML editors (VS Code's YAML extension and other yaml-language-server clients) complete and
 * check the same fields `casebot validate` does.
 */
export function caseJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(casebookSchemas().caseFile, {
    io: 'input',
    unrepresentable: 'any',
  });
  return {
    ...schema,
    title: 'casebot case file',
    description:
      'One case of a casebot casebook (cases/<id>.yaml). Check a folder with `casebot validate --cases DIR`.',
  };
}
