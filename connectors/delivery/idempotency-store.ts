/** The options of {@link IdempotencyStore.add}. */
export interface IdempotencyAddOptions {
  /**
   * How long the key is kept, in milliseconds; after that it counts as absent and is pruned.
   * @default kept until the store's `maxEntries` pushes it out (oldest first)
   */
  readonly ttlMs?: number;
}

/**
 * Remembers which messages or files were already handled, so that a consumer handles each
 * once even when it crashes and starts again: add the key of a unit of work before its effect
 * becomes final, skip work whose key is present. Every implementation keeps a bounded number
 * of keys and prunes the oldest and the expired ones first.
 *
 * Keys are non-empty strings of your choice, e.g. `${name}:${size}:${mtime}` for a file.
 *
 * @example
 * const store: IdempotencyStore = createFileIdempotencyStore('./state/confirmations.json');
 * if (await store.add(message.id, { ttlMs: 7 * 24 * 3_600_000 })) await post(message);
 */
export interface IdempotencyStore {
  /**
   * Whether the key is present and not expired.
   * @throws {ValidationError} when the key is not a non-empty string.
   * @throws {StoreError} when a persistent store cannot be read.
   */
  has(key: string): Promise<boolean>;
  /**
   * Adds the key; once the promise resolves the key is durable (a file store has written and
   * synced it to disk).
   * @returns true when the key was new (absent or expired), false when it was present; a
   *   present key keeps its time to live.
   * @throws {ValidationError} when the key is not a non-empty string or `ttlMs` is not a
   *   positive integer.
   * @throws {StoreError} when a persistent store cannot be read or written; the key is then
   *   not added.
   */
  add(key: string, options?: IdempotencyAddOptions): Promise<boolean>;
  /**
   * Removes the key, e.g. to allow a retry after a failure.
   * @returns true when the key was present.
   * @throws {ValidationError} when the key is not a non-empty string.
   * @throws {StoreError} when a persistent store cannot be read or written; the key is then kept.
   */
  delete(key: string): Promise<boolean>;
}
