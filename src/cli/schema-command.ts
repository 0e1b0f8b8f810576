import { caseJsonSchema } from '../catalog/json-schema.js';
import { type CliIo, EXIT, out } from './io.js';

/** `casebot schema`: the JSON Schema of a case file, for YAML editors. */
export async function schemaCommand(_argv: string[], io: CliIo): Promise<number> {
  out(io, JSON.stringify(caseJsonSchema(), null, 2));
  return EXIT.ok;
}
