/**
 * An ack body that was already serialised (a cached answer): the receiver writes these bytes
 * instead of serialising the same card again for every request.
 */
const SERIALIZED = Symbol('casebot.serialized');

export type Serialized<T extends object> = T & { readonly [SERIALIZED]: Buffer };

export function serialized<T extends object>(body: T): Serialized<T> {
  return Object.assign(Object.create(null), body, {
    [SERIALIZED]: Buffer.from(JSON.stringify(body), 'utf8'),
  }) as Serialized<T>;
}

export function serializedBytes(body: unknown): Buffer | undefined {
  return body && typeof body === 'object'
    ? (body as { [SERIALIZED]?: Buffer })[SERIALIZED]
    : undefined;
}
