/** The calls that watch one caller signal, and the single listener that tells them. */
interface Watch {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const watches = new WeakMap<AbortSignal, Watch>();

/**
 * Calls `callback` once when `signal` aborts. However many calls and steps watch one signal (a
 * shutdown signal shared by every call of a service), the signal gets one listener, so Node.js
 * never warns of a listener leak, and the listener is removed when the last watcher stops.
 *
 * @param signal - the caller's signal, not aborted yet.
 * @returns a function that stops watching; call it when the call settles.
 */
export function watchAbort(signal: AbortSignal, callback: () => void): () => void {
  let watch = watches.get(signal);
  if (watch === undefined) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      watches.delete(signal);
      for (const notify of [...callbacks]) notify();
    };
    watch = { callbacks, listener };
    watches.set(signal, watch);
    signal.addEventListener('abort', listener, { once: true });
  }
  const current = watch;
  // A wrapper of its own, so that one callback watching twice is two entries.
  const entry = (): void => callback();
  current.callbacks.add(entry);
  return () => {
    current.callbacks.delete(entry);
    if (current.callbacks.size === 0 && watches.get(signal) === current) {
      watches.delete(signal);
      signal.removeEventListener('abort', current.listener);
    }
  };
}
