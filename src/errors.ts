/**
 * One error type for the whole bot, with a machine-readable `code` and the original `cause`.
 * Modelled on bolt-js' CodedError: anything thrown is normalised with `asCasebotError()`.
 */
export type ErrorCode =
  | 'config_invalid'
  | 'listen_failed'
  | 'case_file_invalid'
  | 'catalog_invalid'
  /** The store cannot be reached (down, unreachable, cannot be opened). */
  | 'store_unavailable'
  /**
   * The store is there but did not keep a write (disk full, read-only, locked by another writer
   * past the wait): nothing was changed, and trying again later may work.
   */
  | 'store_write_failed'
  | 'store_failed'
  | 'tip_claim_lost'
  | 'platform_failed'
  /** Sent, but whether the platform took it is unknown (a reset, a timeout, a 5xx): never resent. */
  | 'delivery_unknown'
  | 'request_invalid'
  | 'embeddings_failed'
  | 'unexpected';

export class CasebotError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CasebotError';
    this.code = code;
  }
}

export function asCasebotError(error: unknown): CasebotError {
  if (error instanceof CasebotError) return error;
  if (error instanceof Error)
    return new CasebotError('unexpected', error.message, { cause: error });
  return new CasebotError('unexpected', String(error), { cause: error });
}
