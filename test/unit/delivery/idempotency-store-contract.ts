// The contract every IdempotencyStore keeps, run against each implementation.
import { ValidationError } from 'millwright';
import type { IdempotencyStore } from 'millwright/delivery';
import { describe, expect, it } from 'vitest';

/** Makes a fresh store with the given bound and clock. */
export type StoreFactory = (options: {
  maxEntries?: number;
  now?: () => number;
}) => Promise<IdempotencyStore>;

export function describeIdempotencyStoreContract(name: string, create: StoreFactory): void {
  describe(`${name}: the IdempotencyStore contract`, () => {
    it('adds a key once: add is true the first time, false after, and has sees it', async () => {
      const store = await create({});
      expect(await store.has('a')).toBe(false);
      expect(await store.add('a')).toBe(true);
      expect(await store.add('a')).toBe(false);
      expect(await store.has('a')).toBe(true);
      expect(await store.has('b')).toBe(false);
    });

    it('deletes a key, so it can be added again', async () => {
      const store = await create({});
      await store.add('a');
      expect(await store.delete('a')).toBe(true);
      expect(await store.delete('a')).toBe(false);
      expect(await store.has('a')).toBe(false);
      expect(await store.add('a')).toBe(true);
    });

    it('forgets a key when its time to live has passed, and not before', async () => {
      let now = 1_000_000;
      const store = await create({ now: () => now });
      await store.add('short', { ttlMs: 100 });
      await store.add('forever');
      now += 99;
      expect(await store.has('short')).toBe(true);
      now += 1;
      expect(await store.has('short')).toBe(false);
      expect(await store.has('forever')).toBe(true);
      expect(await store.add('short', { ttlMs: 100 })).toBe(true);
    });

    it('keeps at most maxEntries keys, pruning expired keys first, then the oldest', async () => {
      let now = 0;
      const store = await create({ maxEntries: 3, now: () => now });
      await store.add('old');
      await store.add('expiring', { ttlMs: 10 });
      await store.add('mid');
      now = 50;
      await store.add('new');
      expect(await store.has('old')).toBe(true);
      expect(await store.has('expiring')).toBe(false);
      await store.add('newest');
      expect(await store.has('old')).toBe(false);
      expect([await store.has('mid'), await store.has('new'), await store.has('newest')]).toEqual([
        true,
        true,
        true,
      ]);
    });

    it('answers concurrent adds of one key with exactly one true', async () => {
      const store = await create({});
      const results = await Promise.all(Array.from({ length: 20 }, () => store.add('same')));
      expect(results.filter(Boolean)).toHaveLength(1);
      const many = await Promise.all(Array.from({ length: 200 }, (_, i) => store.add(`k${i}`)));
      expect(many.every(Boolean)).toBe(true);
      for (let i = 0; i < 200; i += 1) expect(await store.has(`k${i}`)).toBe(true);
    });

    it('keeps keys of any text: unicode, quotes, line breaks', async () => {
      const store = await create({});
      const keys = ['ä€😀', 'a"b\\c', 'line\nbreak', 'x'.repeat(2_000)];
      for (const key of keys) await store.add(key);
      for (const key of keys) expect(await store.has(key)).toBe(true);
    });

    it('refuses keys that are not non-empty strings and bad times to live with a ValidationError', async () => {
      const store = await create({});
      for (const key of ['', 1, null, undefined] as unknown[]) {
        await expect(store.has(key as string)).rejects.toBeInstanceOf(ValidationError);
        await expect(store.add(key as string)).rejects.toBeInstanceOf(ValidationError);
        await expect(store.delete(key as string)).rejects.toBeInstanceOf(ValidationError);
      }
      for (const ttlMs of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        await expect(store.add('k', { ttlMs })).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          issues: [{ path: '/ttlMs' }],
        });
      }
      expect(await store.has('k')).toBe(false);
    });
  });
}
