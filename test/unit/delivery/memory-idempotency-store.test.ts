import { ValidationError } from 'millwright';
import { createMemoryIdempotencyStore } from 'millwright/delivery';
import { describe, expect, it } from 'vitest';
import { describeIdempotencyStoreContract } from './idempotency-store-contract.js';

describeIdempotencyStoreContract('createMemoryIdempotencyStore', async (options) =>
  createMemoryIdempotencyStore(options),
);

describe('createMemoryIdempotencyStore', () => {
  it('refuses a maxEntries that is not an integer >= 1', () => {
    for (const maxEntries of [0, 1.5, -3]) {
      expect(() => createMemoryIdempotencyStore({ maxEntries })).toThrow(ValidationError);
    }
  });
});
