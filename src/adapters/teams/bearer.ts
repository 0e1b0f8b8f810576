/** Far above any Bot Framework token (~1-2 KB), far below Node's 16 KB for all headers. */
const MAX_TOKEN_CHARS = 8 * 1024;
const JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

function jsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Why an `Authorization` header cannot carry a Bot Framework token, or null when it may: the
 * Bot Framework signs every request to a bot with credentials with `Bearer <JWT>` (a JSON header
 * naming its algorithm, a JSON payload, a signature). Looked at before the body is read, so a
 * request without one costs no body; botbuilder still verifies the signature, issuer and
 * audience of any token that passes.
 */
export function bearerProblem(header: string | string[] | undefined): string | null {
  if (header === undefined || header === '') return 'no Authorization header';
  if (Array.isArray(header)) return 'more than one Authorization header';
  if (header.length > MAX_TOKEN_CHARS) return 'Authorization header too long';
  const parts = JWT.exec(header);
  if (!parts) return 'Authorization is not "Bearer" and a JWT';
  const head = jsonObject(parts[1]!);
  if (!head || typeof head.alg !== 'string') return 'the token header is not a JWT header';
  if (!jsonObject(parts[2]!)) return 'the token payload is not JSON';
  return null;
}
