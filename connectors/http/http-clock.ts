import { watchAbort } from './abort/watch-abort.js';
import { MAX_DURATION_MS } from './resolve-http-options.js';

/**
 * The time a client reads and waits on: OAuth2 token expiry and the rate limit. The system clock
 * serves every client; tests give one of their own, so that they assert behaviour, not timing.
 */
export interface HttpClock {
  /** Milliseconds on a monotonic scale (only differences count). */
  now(): number;
  /** Resolves after `ms` milliseconds, however many, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * `performance.now()` and timers. A wait longer than a timer can hold (2^31 - 1 ms, which
 * Node.js would fire at once) is slept in parts, so a slow rate limit never turns into none; an
 * aborted signal ends the wait and clears its timer, so it does not keep the process alive.
 */
export const systemClock: HttpClock = {
  now: () => performance.now(),
  async sleep(ms, signal) {
    for (let left = ms; left > 0 && signal?.aborted !== true; left -= MAX_DURATION_MS) {
      await new Promise<void>((resolve) => {
        const unwatch = signal === undefined ? undefined : watchAbort(signal, () => end());
        const timer = setTimeout(() => end(), Math.min(left, MAX_DURATION_MS));
        function end(): void {
          clearTimeout(timer);
          unwatch?.();
          resolve();
        }
      });
    }
  },
};
