import { caseSchemaText } from './casebook-dir.js';
import { type CliIo, EXIT } from './io.js';

/** `casebot schema`: the JSON Schema of a case file, for YAML editors. */
export async function schemaCommand(_argv: string[], io: CliIo): Promise<number> {
  io.stdout.write(caseSchemaText());
  return EXIT.ok;
}
