/** A token bucket that hands out reservations: callers learn how long to wait for their turn. */
export interface TokenBucket {
  /** Takes one token, now or in the future. @returns how many milliseconds to wait before using it; 0 for now. */
  reserve(): number;
  /**
   * Gives back a token reserved but not used (its caller gave up waiting), so that the callers
   * after it do not wait for it; the bucket never holds more than `burst`.
   */
  release(): void;
}

/**
 * Creates a token bucket holding up to `burst` tokens, refilled at `perSecond`. A reservation
 * when the bucket is empty takes a token from the future, so waiting callers are served in
 * the order they asked, with no queue to keep.
 *
 * @param perSecond - tokens added per second.
 * @param burst - the bucket's size, and its content at the start.
 * @param now - a monotonic clock in milliseconds, e.g. `() => performance.now()`.
 * @returns the bucket.
 * @example
 * const bucket = createTokenBucket(10, 2, () => performance.now());
 * bucket.reserve(); bucket.reserve(); // 0, 0
 * bucket.reserve(); // about 100
 */
export function createTokenBucket(perSecond: number, burst: number, now: () => number): TokenBucket {
  const msPerToken = 1000 / perSecond;
  let tokens = burst;
  let last = now();
  return {
    reserve() {
      const time = now();
      tokens = Math.min(burst, tokens + (time - last) / msPerToken) - 1;
      last = time;
      return tokens >= 0 ? 0 : -tokens * msPerToken;
    },
    release() {
      tokens = Math.min(burst, tokens + 1);
    },
  };
}
