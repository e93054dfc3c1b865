// The public API of `millwright/delivery`: the transport-neutral reliability kit the adapters
// share. Named exports only: `npm run api` compares the list with its committed snapshot. Its
// errors (StoreError) are exported by `millwright` itself, as every error class is.

export type { FileIdempotencyStoreOptions } from './create-file-idempotency-store.js';
export { createFileIdempotencyStore } from './create-file-idempotency-store.js';
export type { MemoryIdempotencyStoreOptions } from './create-memory-idempotency-store.js';
export { createMemoryIdempotencyStore } from './create-memory-idempotency-store.js';
export type { IdempotencyAddOptions, IdempotencyStore } from './idempotency-store.js';
