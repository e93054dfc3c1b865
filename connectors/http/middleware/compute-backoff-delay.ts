/**
 * The wait before a retry: exponential backoff with full jitter, a random time between 0 and
 * `min(maxDelayMs, baseDelayMs * 2^(retry - 1))`. Full jitter spreads the retries of many
 * clients that failed together, so they do not hit the recovering server in waves.
 *
 * @param retry - which retry this is: 1 for the first.
 * @param baseDelayMs - the ceiling of the first retry's wait.
 * @param maxDelayMs - the highest ceiling.
 * @param random - a source of numbers in [0, 1). @default Math.random
 * @returns the wait in whole milliseconds, from 0 up to (not including) the ceiling.
 * @example
 * computeBackoffDelay(3, 200, 30_000); // between 0 and 799
 */
export function computeBackoffDelay(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
