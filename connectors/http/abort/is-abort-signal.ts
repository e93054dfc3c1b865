/**
 * Whether a value is an `AbortSignal`, judged by its shape so that a signal of another realm
 * or a polyfill passes too.
 * @returns true for an object with a boolean `aborted` and the listener methods.
 */
export function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof value !== 'object' || value === null) return false;
  const signal = value as Partial<AbortSignal>;
  return (
    typeof signal.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  );
}
