import { randomUUID } from 'node:crypto';
import { CasebotError, type ErrorCode } from '../errors.js';
import type { TipClaim } from './store.js';

/** The part of a pino logger the store and the tips need (structural, so pino fits as is). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Longest question kept as a miss; longer ones are cut (a miss is a hint, not an archive). */
export const MISS_MAX_LENGTH = 200;

/** Stored event ids are purged at most this often (per store instance). */
export const EVENT_PURGE_INTERVAL_MS = 10 * 60_000;

export const DEFAULT_STATS_LIMIT = 10;

/** Rows one purge statement deletes at most: each is a short write, with a pause between. */
export const PURGE_BATCH = 1_000;
/** How long casebot remembers the case of a thread it answered (follow-ups without a mention). */
export const THREAD_MEMORY_MS = 24 * 60 * 60_000;

/** The window of `takeAnswerSlot`. */
export const ANSWER_SLOT_WINDOW_MS = 60 * 60_000;

/**
 * The times of a channel's recent unprompted answers after taking one at `now`, or null when
 * `maxPerHour` were taken in the hour before `now`. `recent` is oldest first and keeps at most
 * `maxPerHour` times, so whether one more fits is whether the oldest of them left the window.
 */
export function nextAnswerSlots(
  recent: readonly number[],
  now: number,
  maxPerHour: number,
): number[] | null {
  if (maxPerHour < 1) return null;
  const kept = recent.slice(Math.max(0, recent.length - maxPerHour));
  if (kept.length >= maxPerHour && (kept[0] ?? 0) > now - ANSWER_SLOT_WINDOW_MS) return null;
  return [...kept, now].slice(-maxPerHour);
}
/** The most rows a listing (`listFeedback`, `listHandoffs`) returns unless told otherwise. */
export const DEFAULT_LIST_LIMIT = 200;

/**
 * A question as it is counted among misses: NFKC, trimmed, inner whitespace collapsed, lower case,
 * at most MISS_MAX_LENGTH characters. Empty when nothing is left.
 */
export function normaliseMissQuery(query: string): string {
  const flat = query.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return Array.from(flat).slice(0, MISS_MAX_LENGTH).join('').trim();
}

/**
 * The question column of a recorded miss: the normalised question, '' for one recorded without
 * its text, null when there is nothing to record (a blank question).
 */
export function missColumn(query: string | null): string | null {
  if (query === null) return '';
  return normaliseMissQuery(query) || null;
}

/** '' in the question column: a miss recorded without its text. */
export function missQueryOf(column: string): string | null {
  return column === '' ? null : column;
}

export function newId(): string {
  return randomUUID();
}

/** Decides when the next purge of old event ids is due. */
export class PurgeTimer {
  private last = Number.NEGATIVE_INFINITY;

  due(now: Date): boolean {
    if (now.getTime() - this.last < EVENT_PURGE_INTERVAL_MS) return false;
    this.last = now.getTime();
    return true;
  }
}

export function storeError(code: ErrorCode, message: string, cause: unknown): CasebotError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new CasebotError(code, `${message}${detail}`, { cause });
}

/** A claim its holder no longer owns: another pass took it over, or it was closed already. */
export function claimLost(op: string, claim: TipClaim): CasebotError {
  return new CasebotError(
    'tip_claim_lost',
    `${op}: the claim on ${claim.subscriptionId} for ${claim.day} is no longer held by this pass`,
  );
}

/** A vector as stored: 32-bit floats, little-endian, whatever the machine's byte order. */
export function vectorBytes(vector: Float32Array): Uint8Array {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(i * 4, vector[i]!, true);
  return bytes;
}

/** The vector `vectorBytes` stored. */
export function bytesVector(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < vector.length; i++) vector[i] = view.getFloat32(i * 4, true);
  return vector;
}
