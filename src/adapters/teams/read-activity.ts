import type { Activity } from 'botbuilder';

export type ReadResult =
  | { readonly ok: true; readonly activity: Activity }
  | { readonly ok: false; readonly status: 400; readonly error: string };

/**
 * Parses the request body ourselves (botbuilder expects express or restify to have done it):
 * malformed JSON, or JSON that is not an activity, is a 400 before botbuilder sees it. The
 * content type is not checked: a body that parses as an activity is judged as one.
 */
export function parseActivity(body: Buffer): ReadResult {
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
