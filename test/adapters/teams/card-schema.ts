import { createRequire } from 'node:module';
import { Ajv, type AnySchemaObject, type ErrorObject } from 'ajv';

/**
 * Microsoft's Adaptive Card JSON schema as the `adaptivecards-designer` package ships it
 * (draft-06, `lib/adaptive-card-schema.js`), compiled once with ajv.
 */
const require = createRequire(import.meta.url);
const { adaptiveCardSchema } = require('adaptivecards-designer/lib/adaptive-card-schema.js') as {
  adaptiveCardSchema: Record<string, unknown>;
};
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true });
ajv.addMetaSchema(draft06);
// The schema names itself with draft-04's `id`; ajv 8 reads draft-06's `$id`.
const { id, ...rest } = adaptiveCardSchema;
const validate = ajv.compile({ ...rest, $id: String(id) } as AnySchemaObject);

export function schemaVersion(): string {
  return String(adaptiveCardSchema.$schema);
}

/** Schema errors of a card, as readable lines; empty when the card is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
}
