import { z } from 'zod';

/**
 * What a Slack request body must look like before Bolt or a listener sees it. Only the fields
 * that Bolt's routing and our listeners read are checked; everything else passes through as
 * Slack sent it. A body that does not fit is refused with a short reason (a 400), so no
 * listener ever meets a `null` event, a missing user or a field given twice.
 */

const str = z.string();
const record = z.looseObject({});
/** Bolt reads `event.user.id` when `user` is an object, and `'creator' in event.channel`. */
const stringOrRecord = z.union([str, record]);
/**
 * A workspace or organisation id (`T…`, `E…`). Bolt keys a plain object of Web API clients by
 * it, so one like `constructor` or `__proto__` would find Object's own members there.
 */
const slackId = z.string().regex(/^[A-Z0-9]{1,64}$/, 'not a Slack id');

const team = z.looseObject({ id: slackId, enterprise_id: slackId.nullish() }).nullish();
const enterprise = z.looseObject({ id: slackId }).nullish();
/** Bolt reads `channel.id` whenever a payload has a `channel`. */
const payloadChannel = z.looseObject({ id: str }).optional();
/** A view opened from another workspace of a Slack Connect channel names the installing one. */
const viewInstall = { app_installed_team_id: slackId.nullish() };

/** Any event: the fields Bolt's routing dereferences, whatever the event type. */
const anyEvent = z.looseObject({
  type: str,
  channel: stringOrRecord.optional(),
  channel_id: str.optional(),
  user: stringOrRecord.optional(),
  item: record.optional(),
  subteam: record.optional(),
});

/** The events we answer, with the fields their listeners read (a Map: keys are Slack's types). */
const listenedEvents = new Map<string, z.ZodType>(
  Object.entries({
    app_mention: z.looseObject({
      type: z.literal('app_mention'),
      channel: str,
      ts: str,
      text: str.optional(),
      user: str.optional(),
      thread_ts: str.optional(),
      bot_id: str.nullish(),
      subtype: str.optional(),
    }),
    message: z.looseObject({
      type: z.literal('message'),
      channel: str,
      ts: str,
      channel_type: str.optional(),
      subtype: str.optional(),
      text: str.optional(),
      user: str.optional(),
      thread_ts: str.optional(),
      bot_id: str.nullish(),
    }),
    link_shared: z.looseObject({
      type: z.literal('link_shared'),
      channel: str,
      message_ts: str,
      user: str.optional(),
      unfurl_id: str.optional(),
      source: str.optional(),
      links: z.array(z.looseObject({ url: str, domain: str.optional() })).max(100),
    }),
    app_home_opened: z.looseObject({
      type: z.literal('app_home_opened'),
      user: str,
      channel: str.optional(),
      tab: str.optional(),
    }),
  }),
);

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event: anyEvent,
  event_id: str.optional(),
  api_app_id: str.optional(),
  team_id: slackId.optional(),
  enterprise_id: slackId.nullish(),
  is_ext_shared_channel: z.boolean().optional(),
  authorizations: z
    .array(
      z.looseObject({
        team_id: slackId.nullish(),
        enterprise_id: slackId.nullish(),
        is_enterprise_install: z.boolean().optional(),
      }),
    )
    .optional(),
});

const jsonBodies = new Map<string, z.ZodType>([
  ['event_callback', eventCallback],
  ['url_verification', z.looseObject({ type: z.literal('url_verification'), challenge: str })],
  ['app_rate_limited', z.looseObject({ type: z.literal('app_rate_limited') })],
]);

/** Every interactive payload names who clicked (Bolt reads `user.id` for all of them). */
const interactive = z.looseObject({
  type: str,
  api_app_id: str.optional(),
  user: z.looseObject({ id: str, team_id: slackId.nullish() }),
  team,
  enterprise,
  channel: payloadChannel,
  view: z.looseObject(viewInstall).optional(),
});

const interactiveBodies = new Map<string, z.ZodType>(
  Object.entries({
    block_actions: interactive.extend({
      actions: z
        .array(
          z.looseObject({
            type: str,
            action_id: str,
            block_id: str.optional(),
            value: str.optional(),
          }),
        )
        .min(1),
      container: z.looseObject({ type: str.optional(), is_ephemeral: z.boolean().optional() }),
      view: z.looseObject({ id: str, ...viewInstall }).optional(),
      response_url: str.optional(),
    }),
    /** A message shortcut ("Draft a case from this thread"): the message it was used on. */
    message_action: interactive.extend({
      callback_id: str,
      channel: z.looseObject({ id: str }),
      message: z.looseObject({ ts: str, thread_ts: str.optional() }),
      response_url: str.optional(),
    }),
    view_submission: interactive.extend({ view: z.looseObject(viewInstall) }),
    view_closed: interactive.extend({ view: z.looseObject(viewInstall) }),
  }),
);

/** A slash command as Slack posts it (every value a string: repeated fields never get here). */
const slashCommand = z.looseObject({
  command: str.regex(/^\/\S+$/),
  text: str.default(''),
  user_id: str.min(1),
  channel_id: str.min(1),
  api_app_id: str.optional(),
  team_id: slackId.optional(),
  /** Empty outside Enterprise Grid. */
  enterprise_id: slackId.or(z.literal('')).optional(),
  response_url: str.min(1),
});

export type BodyCheck =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string };

const refuse = (reason: string): BodyCheck => ({ ok: false, reason });

function check(schema: z.ZodType, value: unknown, where: string): BodyCheck {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, body: result.data as Record<string, unknown> };
  const issue = result.error.issues[0];
  const path = [where, ...(issue?.path ?? [])].filter((p) => p !== '').join('.');
  return refuse(`${path || 'body'}: ${issue?.message ?? 'invalid'}`);
}

function typeOf(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

function parseJson(text: string, where: string): { value: unknown } | BodyCheck {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return refuse(`${where} is not JSON`);
  }
}

function checkEventCallback(value: unknown): BodyCheck {
  const envelope = check(eventCallback, value, '');
  if (!envelope.ok) return envelope;
  const event = envelope.body.event as { type: string };
  const schema = listenedEvents.get(event.type);
  if (!schema) return envelope;
  const checked = check(schema, event, 'event');
  return checked.ok ? { ok: true, body: { ...envelope.body, event: checked.body } } : checked;
}

function checkJson(text: string): BodyCheck {
  const parsed = parseJson(text, 'body');
  if (!('value' in parsed)) return parsed;
  const type = typeOf(parsed.value);
  if (type === undefined) return refuse('body: expected a JSON object with a string "type"');
  if (type === 'event_callback') return checkEventCallback(parsed.value);
  const schema = jsonBodies.get(type);
  return schema ? check(schema, parsed.value, '') : refuse(`body: unknown type "${short(type)}"`);
}

function checkPayload(text: string): BodyCheck {
  const parsed = parseJson(text, 'payload');
  if (!('value' in parsed)) return parsed;
  const type = typeOf(parsed.value);
  if (type === undefined) return refuse('payload: expected a JSON object with a string "type"');
  return check(interactiveBodies.get(type) ?? interactive, parsed.value, 'payload');
}

function checkForm(text: string): BodyCheck {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (fields.has(name)) return refuse(`form field "${short(name)}" is repeated`);
    fields.set(name, value);
  }
  const payload = fields.get('payload');
  if (payload !== undefined) return checkPayload(payload);
  if (fields.has('command')) return check(slashCommand, Object.fromEntries(fields), '');
  return refuse('form: neither a slash command nor an interactive payload');
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The body of a request whose signature is already verified, decoded (UTF-8, strictly) and
 * checked: a form (slash command or `payload=` interactivity) or JSON (Events API).
 */
export function checkSlackBody(raw: Uint8Array, contentType: string): BodyCheck {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return refuse('body is not valid UTF-8');
  }
  return contentType.startsWith('application/x-www-form-urlencoded')
    ? checkForm(text)
    : checkJson(text);
}
