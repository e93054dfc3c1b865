import type { IdempotencyStore } from './idempotency-store.js';
import { checkAdd, checkKey, createKeyTable, resolveMaxEntries } from './key-table.js';

/** The options of {@link createMemoryIdempotencyStore}. */
export interface MemoryIdempotencyStoreOptions {
  /** The most keys kept; beyond it the expired keys go first, then the oldest. @default 10_000 */
  readonly maxEntries?: number;
  /** The clock that times to live are measured with, in ms since the epoch. @default Date.now */
  readonly now?: () => number;
}

/**
 * Creates an {@link IdempotencyStore} that keeps its keys in memory: fast, bounded, and lost
 * when the process ends, so it suits tests and work whose duplicates after a restart are
 * harmless. Use {@link createFileIdempotencyStore} to survive restarts.
 *
 * @returns the store.
 * @throws {ValidationError} when `maxEntries` is not an integer >= 1.
 * @example
 * const seen = createMemoryIdempotencyStore({ maxEntries: 1_000 });
 * if (await seen.add(event.id, { ttlMs: 3_600_000 })) await handle(event);
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const table = createKeyTable(
    resolveMaxEntries(options.maxEntries, 10_000, 'MemoryIdempotencyStoreOptions'),
  );
  const now = options.now ?? Date.now;
  return {
    async has(key) {
      checkKey(key);
      return table.has(key, now());
    },
    async add(key, addOptions) {
      const time = now();
      const expiresAt = checkAdd(key, addOptions, time);
      if (table.has(key, time)) return false;
      table.set(key, expiresAt, time);
      return true;
    },
    async delete(key) {
      checkKey(key);
      const present = table.has(key, now());
      table.delete(key);
      return present;
    },
  };
}
