import { abortableSleep } from './abortable-sleep.js';
import type { ResolvedPollOptions } from './resolve-poll-options.js';
import type { SftpFileInfo } from './sftp-file-info.js';

/** Picks the files of a listing that a read lock lets the consumer take. */
export interface ReadySelector {
  /**
   * The complete files among the listed candidates. The stable lock remembers what it saw
   * across calls, and waits (re-listing with `relist`) up to its `timeoutMs` for files to settle.
   */
  select(
    candidates: readonly SftpFileInfo[],
    relist: () => Promise<SftpFileInfo[]>,
    signal: AbortSignal,
  ): Promise<SftpFileInfo[]>;
  /** Forgets a name (taken by this consumer or another). */
  forget(name: string): void;
}

/** Creates the read lock of one consumer. */
export function createReadySelector(readLock: ResolvedPollOptions['readLock']): ReadySelector {
  /** Size and time of each name, and since when they have not changed. */
  const seen = new Map<string, { size: number; mtime: number; since: number }>();
  return {
    async select(first, relist, signal) {
      if (readLock.type !== 'stable') return [...first];
      const deadline = Date.now() + readLock.timeoutMs;
      let candidates = first;
      for (;;) {
        const now = Date.now();
        const ready: SftpFileInfo[] = [];
        const current = new Set<string>();
        for (const file of candidates) {
          current.add(file.name);
          const before = seen.get(file.name);
          if (before !== undefined && before.size === file.size && before.mtime === file.mtime) {
            if (now - before.since >= readLock.checkIntervalMs) ready.push(file);
          } else {
            seen.set(file.name, { size: file.size, mtime: file.mtime, since: now });
          }
        }
        for (const name of seen.keys()) if (!current.has(name)) seen.delete(name);
        if (ready.length > 0 || candidates.length === 0 || now >= deadline || signal.aborted) return ready;
        await abortableSleep(Math.min(readLock.checkIntervalMs, deadline - now), signal);
        if (signal.aborted) return [];
        candidates = await relist();
      }
    },
    forget: (name) => {
      seen.delete(name);
    },
  };
}
