import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError } from '../../src/errors/store-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { checkAdd, checkKey, createKeyTable, type KeyTable, resolveMaxEntries } from './key-table.js';
import { removeStaleTemporaries, writeFileAtomically } from './write-file-atomically.js';

/** The options of {@link createFileIdempotencyStore}. */
export interface FileIdempotencyStoreOptions {
  /**
   * The most keys kept; beyond it the expired keys go first, then the oldest. Every change
   * rewrites the whole file, so keep it to what a restart needs (a few days of work).
   * @default 10_000
   */
  readonly maxEntries?: number;
  /** The clock that times to live are measured with, in ms since the epoch. @default Date.now */
  readonly now?: () => number;
}

/** What the file holds: a marker, a version and the keys oldest first with their expiry (or null). */
interface StoreFile {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly entries: readonly (readonly [string, number | null])[];
}

const FORMAT = 'millwright.idempotency-store';

/**
 * Creates an {@link IdempotencyStore} kept in one JSON file, for one process: the keys survive
 * restarts and crashes. Each change is written atomically (a temporary file in the same
 * directory, fsync, rename, fsync of the directory) before `add` or `delete` resolves, so the
 * file always holds a complete state; changes made while a write is under way are written
 * together by the next one. Expired keys, and the oldest beyond `maxEntries`, are pruned.
 *
 * The file is read on first use; its directory is created when missing. A file that is not
 * what the store writes is refused with a {@link StoreError} `STORE_CORRUPT` naming it, on
 * every call until it is repaired or moved away: it is never emptied, since an empty store
 * would let every file be handled again. Several processes must not share one file; give each
 * its own, or use a shared store (PostgreSQL, Redis).
 *
 * @param path - the JSON file, e.g. `./state/sftp-de01.json`.
 * @returns the store.
 * @throws {ValidationError} when `path` is not a non-empty string or `maxEntries` is not an integer >= 1.
 * @example
 * const processed = createFileIdempotencyStore('./state/sftp-de01.json', { maxEntries: 50_000 });
 * if (await processed.has(key)) return;
 */
export function createFileIdempotencyStore(
  path: string,
  options: FileIdempotencyStoreOptions = {},
): IdempotencyStore {
  if (typeof path !== 'string' || path === '') {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: 'must be a non-empty file path' }],
      {
        schema: 'FileIdempotencyStorePath',
      },
    );
  }
  const maxEntries = resolveMaxEntries(options.maxEntries, 10_000, 'FileIdempotencyStoreOptions');
  const now = options.now ?? Date.now;
  let loading: Promise<KeyTable> | undefined;
  /** Keys set or deleted in memory whose write has not finished. */
  const unsaved = new Set<string>();
  const writer = createCoalescingWriter(async (table) => {
    const file: StoreFile = { format: FORMAT, version: 1, entries: [...table.entries()] };
    try {
      await writeFileAtomically(path, `${JSON.stringify(file)}\n`);
    } catch (error) {
      throw ioError(path, 'written', error);
    }
  });

  const table = (): Promise<KeyTable> => {
    loading ??= load(path, maxEntries, now()).catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  /** Waits until a key changed by another call is on disk (or its change is rolled back). */
  const settled = async (key: string): Promise<void> => {
    while (unsaved.has(key)) await writer.current()?.catch(() => {});
  };
  /** Writes the table with the change made; the change is undone when the write fails. */
  const save = async (loaded: KeyTable, key: string, undo: () => void): Promise<void> => {
    unsaved.add(key);
    try {
      loaded.prune(now());
      await writer.write(loaded, undo);
    } finally {
      unsaved.delete(key);
    }
  };

  return {
    async has(key) {
      checkKey(key);
      const loaded = await table();
      await settled(key);
      return loaded.has(key, now());
    },
    async add(key, addOptions) {
      const expiresAt = checkAdd(key, addOptions, now());
      const loaded = await table();
      await settled(key);
      if (loaded.has(key, now())) return false;
      loaded.set(key, expiresAt, now());
      await save(loaded, key, () => {
        if (loaded.get(key) === expiresAt) loaded.delete(key);
      });
      return true;
    },
    async delete(key) {
      checkKey(key);
      const loaded = await table();
      await settled(key);
      if (!loaded.has(key, now())) return false;
      const expiresAt = loaded.get(key) ?? null;
      loaded.delete(key);
      await save(loaded, key, () => loaded.set(key, expiresAt, now()));
      return true;
    },
  };
}

/** Reads the store's file; a missing file is an empty store. */
async function load(path: string, maxEntries: number, now: number): Promise<KeyTable> {
  const table = createKeyTable(maxEntries);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw ioError(path, 'read', error);
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (mkdirError) {
      throw ioError(dirname(path), 'created', mkdirError);
    }
    return table;
  }
  await removeStaleTemporaries(path);
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, text === '' ? 'the file is empty' : 'the file is not JSON', error);
  }
  const { format, version, entries } = (typeof file === 'object' && file !== null ? file : {}) as Record<
    string,
    unknown
  >;
  if (format !== FORMAT || version !== 1 || !Array.isArray(entries)) {
    throw corrupt(path, `the file is not a version 1 ${FORMAT} file`);
  }
  entries.forEach((entry: unknown, index) => {
    const [key, expiresAt] = Array.isArray(entry) ? entry : [];
    const valid =
      Array.isArray(entry) &&
      entry.length === 2 &&
      typeof key === 'string' &&
      key !== '' &&
      (expiresAt === null || Number.isSafeInteger(expiresAt));
    if (!valid) throw corrupt(path, `entry ${index} is not [key, expiresAt | null]`);
    table.set(key, expiresAt, now);
  });
  return table;
}

function corrupt(path: string, reason: string, cause?: unknown): StoreError {
  return new StoreError(
    'STORE_CORRUPT',
    `the idempotency store ${path} is corrupt: ${reason}; repair it or move it away (it is never emptied automatically)`,
    { path },
    cause === undefined ? undefined : { cause },
  );
}

function ioError(path: string, action: 'read' | 'written' | 'created', cause: unknown): StoreError {
  const code = (cause as { code?: unknown }).code;
  const systemCode = typeof code === 'string' ? code : undefined;
  return new StoreError(
    'STORE_IO_FAILED',
    `the idempotency store ${path} could not be ${action}${systemCode === undefined ? '' : ` (${systemCode})`}`,
    { path, ...(systemCode === undefined ? {} : { systemCode }) },
    { cause },
  );
}

/**
 * Serialises the writes of a table and merges the changes made while one is under way into a
 * single next write (group commit): many concurrent `add` calls cost two writes, not many. When
 * a write fails, the changes it carried are undone before the next write starts, so a change
 * whose call failed is never written later by accident.
 */
function createCoalescingWriter(write: (table: KeyTable) => Promise<void>): {
  /** A write that includes every change made so far; `undo` reverts this caller's change if it fails. */
  write(table: KeyTable, undo: () => void): Promise<void>;
  /** The write in progress or scheduled, if any. */
  current(): Promise<void> | undefined;
} {
  let running: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;
  let undos: (() => void)[] = [];
  return {
    write(table, undo) {
      undos.push(undo);
      next ??= running
        .catch(() => {})
        .then(() => {
          next = undefined;
          const batch = undos;
          undos = [];
          running = write(table).catch((error: unknown) => {
            for (const revert of batch.reverse()) revert();
            throw error;
          });
          return running;
        });
      return next;
    },
    current: () => next ?? running,
  };
}
