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

/** Schema errors and parser events of a card, as readable lines; empty when the card is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  const errors = validate(card)
    ? []
    : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message}`);
  return [...errors, ...parserEvents(card)];
}

interface ParserModule {
  CardElement: { langProperty: { regEx: RegExp } };
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: { message: string }[] };
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
}

/**
 * Microsoft's own parser (the `adaptivecards` package Teams' renderer is built from): the events
 * it raises while parsing and validating a card, as card-shots prints them. Empty for a clean card.
 */
export function parserEvents(card: unknown): string[] {
  const AC = require('adaptivecards/dist/adaptivecards.min.js') as ParserModule;
  // The `lang` check is a global regex: it keeps `lastIndex` between parses.
  AC.CardElement.langProperty.regEx.lastIndex = 0;
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) events.push(e.message);
  return events;
}
