import { MillwrightError } from './millwright-error.js';

/**
 * Why a store of the delivery kit (`millwright/delivery`: idempotency stores, outboxes) failed:
 * - `STORE_CORRUPT`: the store's file is not what the store wrote (bad JSON, wrong shape,
 *   an empty file). The store never empties or rewrites such a file on its own: repair it or
 *   move it away, then start again.
 * - `STORE_IO_FAILED`: the file system refused a read or a write (permissions, a full disk, a
 *   path that is a directory); `cause` holds the system error.
 */
export type StoreErrorCode = 'STORE_CORRUPT' | 'STORE_IO_FAILED';

/** Which store failed; none of it is secret. */
export interface StoreErrorDetails {
  /** The file or directory of the store, as the caller gave it. */
  readonly path: string;
  /** The system error code of an I/O failure, e.g. `ENOSPC`, `EACCES`. */
  readonly systemCode?: string;
}

/**
 * A store of the delivery kit could not be read or written: its file is corrupt or the file
 * system refused an operation. The error names the file. A corrupt store is never silently
 * emptied, since an empty idempotency store would let every file or message be handled again.
 *
 * @example
 * try { await store.has(key); } catch (error) {
 *   if (error instanceof StoreError && error.code === 'STORE_CORRUPT') alert(`repair ${error.path}`);
 * }
 */
export class StoreError extends MillwrightError<StoreErrorCode> {
  /** The file or directory of the store. */
  readonly path: string;
  /** The system error code of an I/O failure. */
  readonly systemCode: string | undefined;

  /**
   * @param code - why the store failed.
   * @param message - human-readable text naming the path; it must not contain a secret.
   * @param details - the store's path and the system error code.
   * @param options - `cause`: the system error.
   */
  constructor(
    code: StoreErrorCode,
    message: string,
    details: StoreErrorDetails,
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, options);
    this.path = details.path;
    this.systemCode = details.systemCode;
  }

  override get name(): string {
    return 'StoreError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    return { path: this.path, systemCode: this.systemCode };
  }
}
