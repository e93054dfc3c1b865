import { ValidationError } from '../../src/errors/validation-error.js';
import type { IdempotencyAddOptions } from './idempotency-store.js';

/**
 * The keys of an idempotency store with their expiry times (ms since the epoch, or null for
 * none), oldest first, bounded to `maxEntries`: the in-memory part the memory and the file
 * stores share.
 */
export interface KeyTable {
  has(key: string, now: number): boolean;
  /** Sets the key (the newest); evicts expired keys, then the oldest, beyond `maxEntries`. */
  set(key: string, expiresAt: number | null, now: number): void;
  /** The key's expiry, or undefined when it is absent (expired or not). */
  get(key: string): number | null | undefined;
  delete(key: string): boolean;
  /** Every key and expiry, oldest first. */
  entries(): IterableIterator<[string, number | null]>;
  /** Drops the expired keys. */
  prune(now: number): void;
}

/**
 * Creates an empty key table.
 * @param maxEntries - the most keys kept.
 */
export function createKeyTable(maxEntries: number): KeyTable {
  const keys = new Map<string, number | null>();
  // The earliest expiry set since the last sweep: no sweep is needed before it.
  let earliestExpiry = Number.POSITIVE_INFINITY;
  const table: KeyTable = {
    has(key, now) {
      const expiresAt = keys.get(key);
      if (expiresAt === undefined) return false;
      if (expiresAt !== null && expiresAt <= now) {
        keys.delete(key);
        return false;
      }
      return true;
    },
    set(key, expiresAt, now) {
      keys.delete(key);
      keys.set(key, expiresAt);
      if (expiresAt !== null && expiresAt < earliestExpiry) earliestExpiry = expiresAt;
      if (keys.size <= maxEntries) return;
      if (earliestExpiry <= now) table.prune(now);
      for (const oldest of keys.keys()) {
        if (keys.size <= maxEntries) break;
        keys.delete(oldest);
      }
    },
    get: (key) => keys.get(key),
    delete: (key) => keys.delete(key),
    entries: () => keys.entries(),
    prune(now) {
      earliestExpiry = Number.POSITIVE_INFINITY;
      for (const [key, expiresAt] of keys) {
        if (expiresAt === null) continue;
        if (expiresAt <= now) keys.delete(key);
        else if (expiresAt < earliestExpiry) earliestExpiry = expiresAt;
      }
    },
  };
  return table;
}

/**
 * Checks a key and the options of `add`, and computes the expiry.
 * @returns the expiry time, or null for a key without time to live.
 * @throws {ValidationError} when the key is not a non-empty string or `ttlMs` is not a positive integer.
 */
export function checkAdd(
  key: unknown,
  options: IdempotencyAddOptions | undefined,
  now: number,
): number | null {
  checkKey(key);
  const ttlMs = options?.ttlMs;
  if (ttlMs === undefined) return null;
  if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) {
    throw new ValidationError(
      [{ path: '/ttlMs', code: 'invalid_value', message: 'must be an integer >= 1' }],
      {
        schema: 'IdempotencyAddOptions',
      },
    );
  }
  return now + ttlMs;
}

/**
 * @throws {ValidationError} when the key is not a non-empty string.
 */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') {
    throw new ValidationError([{ path: '', code: 'invalid_type', message: 'must be a non-empty string' }], {
      schema: 'IdempotencyKey',
    });
  }
}

/**
 * Checks the bound of a store's options.
 * @returns `maxEntries`, or the default.
 * @throws {ValidationError} when it is not an integer >= 1.
 */
export function resolveMaxEntries(value: unknown, defaultValue: number, schema: string): number {
  if (value === undefined) return defaultValue;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ValidationError(
      [{ path: '/maxEntries', code: 'invalid_value', message: 'must be an integer >= 1' }],
      { schema },
    );
  }
  return value;
}
