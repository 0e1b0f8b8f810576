import type { IncomingMessage } from 'node:http';
import type { Activity } from 'botbuilder';

/** The Bot Framework caps activities well below this; anything larger is not from Teams. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type ReadResult =
  | { readonly ok: true; readonly activity: Activity }
  | { readonly ok: false; readonly status: 400 | 413; readonly error: string };

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads and parses the request body ourselves (botbuilder expects express or restify to have
 * done it): malformed JSON, or JSON that is not an activity, is a 400 before botbuilder sees it.
 * The content type is not checked: a body that parses as an activity is judged as one.
 */
export async function readActivity(req: IncomingMessage): Promise<ReadResult> {
  const body = await readBody(req);
  if (body === null) return { ok: false, status: 413, error: 'body too large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, status: 400, error: 'malformed JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, status: 400, error: 'the body is not an activity' };
  }
  const activity = parsed as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') {
    return { ok: false, status: 400, error: 'missing activity type' };
  }
  // As botbuilder's own validateAndFixActivity: timestamps become dates.
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const raw = activity[key];
    if (typeof raw === 'string') {
      activity[`raw${key[0]!.toUpperCase()}${key.slice(1)}`] = raw;
      activity[key] = new Date(raw);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
