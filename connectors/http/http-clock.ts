import { MAX_DURATION_MS } from './resolve-http-options.js';

/**
 * The time a client reads and waits on: OAuth2 token expiry and the rate limit. The system clock
 * serves every client; tests give one of their own, so that they assert behaviour, not timing.
 */
export interface HttpClock {
  /** Milliseconds on a monotonic scale (only differences count). */
  now(): number;
  /** Resolves after `ms` milliseconds, however many. */
  sleep(ms: number): Promise<void>;
}

/**
 * `performance.now()` and timers. A wait longer than a timer can hold (2^31 - 1 ms, which
 * Node.js would fire at once) is slept in parts, so a slow rate limit never turns into none.
 */
export const systemClock: HttpClock = {
  now: () => performance.now(),
  async sleep(ms) {
    for (let left = ms; left > 0; left -= MAX_DURATION_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, MAX_DURATION_MS)));
    }
  },
};
