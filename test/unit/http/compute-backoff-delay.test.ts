import { describe, expect, it } from 'vitest';
import { computeBackoffDelay } from '../../../connectors/http/middleware/compute-backoff-delay.js';

describe('computeBackoffDelay', () => {
  it('doubles the ceiling with each retry, up to maxDelayMs (full jitter: random * ceiling)', () => {
    const almostOne = () => 0.999_999;
    expect(
      [1, 2, 3, 4, 5, 6, 7, 8].map((retry) => computeBackoffDelay(retry, 200, 10_000, almostOne)),
    ).toEqual([199, 399, 799, 1599, 3199, 6399, 9999, 9999]);
  });

  it('can wait nothing at all, and never the full ceiling', () => {
    expect(computeBackoffDelay(3, 200, 30_000, () => 0)).toBe(0);
    for (let i = 0; i < 1000; i += 1) {
      const delay = computeBackoffDelay(4, 100, 30_000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(800);
      expect(Number.isInteger(delay)).toBe(true);
    }
  });

  it('stays finite for very late retries', () => {
    expect(computeBackoffDelay(5000, 200, 30_000, () => 0.5)).toBe(15_000);
  });
});
