import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../connectors/http/middleware/token-bucket.js';

describe('createTokenBucket', () => {
  it('serves a burst at once, then one token per interval, in order', () => {
    let now = 0;
    const bucket = createTokenBucket(10, 3, () => now);
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 0]);
    expect(bucket.reserve()).toBeCloseTo(100);
    expect(bucket.reserve()).toBeCloseTo(200);
    now = 200;
    expect(bucket.reserve()).toBeCloseTo(100);
  });

  it('refills up to the burst and no further', () => {
    let now = 0;
    const bucket = createTokenBucket(1, 2, () => now);
    bucket.reserve();
    bucket.reserve();
    now = 60_000;
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    expect(bucket.reserve()).toBeCloseTo(1000);
  });
});
