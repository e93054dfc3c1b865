import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMillwrightError, MillwrightError } from '../../src/errors/millwright-error.js';
import { SftpError } from '../../src/errors/sftp-error.js';
import { StoreError } from '../../src/errors/store-error.js';
import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { syncDirectory, writeFileAtomically } from '../delivery/write-file-atomically.js';
import { computeBackoffDelay } from '../http/middleware/compute-backoff-delay.js';
import { MAX_DURATION_MS } from '../http/resolve-http-options.js';
import { abortableSleep } from './abortable-sleep.js';
import { settingsOf } from './client-settings.js';
import type { SftpClient } from './create-sftp-client.js';
import { fileNameProblem, joinRemote } from './remote-path.js';
import type { SftpLogger } from './sftp-options.js';

/**
 * The options of {@link createSftpOutbox}.
 * @example
 * const options: SftpOutboxOptions = { dir: './outbox/erp', sftp, remoteDir: '/inbound/DE01' };
 */
export interface SftpOutboxOptions {
  /** The local directory that holds the files until they are delivered (created when missing). */
  readonly dir: string;
  /** The client that delivers them. The outbox does not close it. */
  readonly sftp: SftpClient;
  /** The remote directory the files are delivered to (created when missing). */
  readonly remoteDir: string;
  /** The backoff between failed deliveries: full jitter up to min(maxDelayMs, baseDelayMs × 2^n). @default { baseDelayMs: 1_000, maxDelayMs: 60_000 } */
  readonly retry?: { readonly baseDelayMs?: number; readonly maxDelayMs?: number };
  /** Where to log failed deliveries. @default the client's logger */
  readonly logger?: SftpLogger;
}

/**
 * A store-and-forward queue of files for one remote directory. Files are kept on local disk
 * until they are delivered, in the order they were added, each exactly once under its name.
 */
export interface SftpOutbox {
  /**
   * Queues a file; once the promise resolves it is on local disk (written, synced) and will be
   * delivered, even after a crash or a kill of the process.
   * @param name - the file name at the destination: a plain name, no `/` or control characters.
   * @throws {ValidationError} when the name is not a plain file name.
   * @throws {StoreError} when the file cannot be written to the local directory.
   * @throws {MillwrightError} code `OUTBOX_CLOSED` after `close()`.
   */
  add(name: string, content: string | Uint8Array): Promise<void>;
  /**
   * Waits until every file added before the call is delivered.
   * @throws {MillwrightError} code `OUTBOX_CLOSED` when the outbox is closed first.
   */
  flush(): Promise<void>;
  /** How many files wait for delivery. */
  pending(): number;
  /** Stops delivering after the file in hand; the others stay on disk for the next outbox on `dir`. */
  close(): Promise<void>;
}

interface Entry {
  /** `<sequence>.<random>`, unique and in order. */
  readonly id: string;
  readonly name: string;
  /** Settles when the file is on local disk. */
  readonly stored: Promise<void>;
  readonly delivered: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

const QUEUE = 'queue';
const UPLOADED = 'uploaded';
const LOCAL_NAME = /^(\d{16}\.[0-9a-f]{8})\.(.+)$/s;

/**
 * Creates a store-and-forward outbox for plants with intermittent links: `add()` writes each
 * file to local disk (temporary file, fsync, rename, fsync of the directory) before it
 * resolves; a relay delivers the files in order whenever the server is reachable, retrying
 * with backoff, and each arrives exactly once under its name:
 *
 * 1. it is uploaded under a hidden temporary name fixed for this file (`.<name>.<id>.part`);
 * 2. a local marker records that the upload is complete;
 * 3. the temporary file is renamed onto the name in one step (`posix-rename`);
 * 4. the local file and marker are removed.
 *
 * A kill at any point repeats only what is safe: an upload without a marker is redone over the
 * same temporary file; a marker whose temporary file is gone means the rename was done. So no
 * reader ever sees a partial file, and no file arrives twice. Files left on disk are delivered
 * by the next outbox created on the same `dir`. One outbox per `dir` at a time.
 *
 * @returns the outbox; it starts delivering what `dir` holds at once.
 * @throws {ValidationError} when an option is invalid.
 * @example
 * const outbox = createSftpOutbox({ dir: './outbox/erp', sftp, remoteDir: '/inbound/DE01' });
 * await outbox.add(`CONF_${confirmation.id}.xml`, toXml(confirmation)); // safe on disk now
 */
export function createSftpOutbox(options: SftpOutboxOptions): SftpOutbox {
  const { dir, sftp, remoteDir, baseDelayMs, maxDelayMs } = resolveOutboxOptions(options);
  const logger = options.logger ?? settingsOf(sftp).logger;
  const queueDir = join(dir, QUEUE);
  const uploadedDir = join(dir, UPLOADED);
  const entries: Entry[] = [];
  let sequence = 0;
  let closed = false;
  let wake: (() => void) | undefined;
  const stop = new AbortController();

  const newEntry = (id: string, name: string, stored: Promise<void>): Entry => {
    let resolve: () => void = () => {};
    let reject: (error: unknown) => void = () => {};
    const delivered = new Promise<void>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    delivered.catch(() => {});
    return { id, name, stored, delivered, resolve, reject };
  };
  const remove = (entry: Entry): void => {
    const index = entries.indexOf(entry);
    if (index !== -1) entries.splice(index, 1);
  };
  const ready = (async () => {
    try {
      await mkdir(queueDir, { recursive: true });
      await mkdir(uploadedDir, { recursive: true });
      for (const file of (await readdir(queueDir)).sort()) {
        // A file whose add() was cut short by a crash was never acknowledged: drop its temporary.
        if (file.startsWith('.') && file.endsWith('.tmp')) {
          await rm(join(queueDir, file), { force: true });
          continue;
        }
        const match = LOCAL_NAME.exec(file);
        if (match === null) continue;
        const [, id, name] = match as unknown as [string, string, string];
        entries.push(newEntry(id, name, Promise.resolve()));
        sequence = Math.max(sequence, Number(id.slice(0, 16)));
      }
      // Markers of files delivered just before a crash removed the marker too.
      const waiting = new Set(entries.map((entry) => `${entry.id}.${entry.name}`));
      for (const marker of await readdir(uploadedDir)) {
        if (!waiting.has(marker)) await rm(join(uploadedDir, marker), { force: true });
      }
    } catch (error) {
      throw storeError(dir, 'read', error);
    }
  })();
  ready.catch(() => {});

  const deliver = async (entry: Entry): Promise<void> => {
    const local = join(queueDir, `${entry.id}.${entry.name}`);
    const marker = join(uploadedDir, `${entry.id}.${entry.name}`);
    const temporary = joinRemote(remoteDir, `.${entry.name}.${entry.id}.part`);
    const target = joinRemote(remoteDir, entry.name);
    const uploaded = await stat(marker).then(
      () => true,
      () => false,
    );
    if (!uploaded) {
      await sftp.put(local, temporary, { atomic: false });
      await writeFile(marker, '', { mode: 0o600 });
      await syncDirectory(uploadedDir);
    }
    try {
      await sftp.move(temporary, target, { overwrite: true });
    } catch (error) {
      // The marker says the upload was complete: a temporary file that is gone was renamed.
      if (!(error instanceof SftpError && error.code === 'NO_SUCH_FILE')) throw error;
      logger.info('sftp outbox: file found delivered by an earlier run', { remoteDir, name: entry.name });
    }
    await rm(local, { force: true });
    await rm(marker, { force: true });
    await syncDirectory(queueDir);
    await syncDirectory(uploadedDir);
  };

  const relay = (async () => {
    try {
      await ready;
    } catch (error) {
      logger.error('sftp outbox: cannot read its directory', { dir, error: describe(error) });
      return;
    }
    let remoteReady = false;
    let failures = 0;
    while (!closed) {
      const entry = entries[0];
      if (entry === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      try {
        await entry.stored;
      } catch {
        remove(entry); // add() reports the failure.
        continue;
      }
      try {
        if (!remoteReady) {
          await sftp.mkdir(remoteDir, { recursive: true });
          remoteReady = true;
        }
        await deliver(entry);
        entries.shift();
        entry.resolve();
        failures = 0;
      } catch (error) {
        failures += 1;
        const delayMs = computeBackoffDelay(failures, baseDelayMs, maxDelayMs);
        logger.warn('sftp outbox: delivery failed; trying again', {
          remoteDir,
          name: entry.name,
          failures,
          delayMs,
          error: describe(error),
        });
        await abortableSleep(delayMs, stop.signal);
      }
    }
  })();

  const closedError = (): MillwrightError =>
    new MillwrightError('OUTBOX_CLOSED', `the SFTP outbox on ${dir} is closed`);

  return {
    async add(name, content) {
      if (closed) throw closedError();
      const problem = typeof name === 'string' ? fileNameProblem(name) : 'the name is not a string';
      if (problem !== null || (typeof content !== 'string' && !(content instanceof Uint8Array))) {
        const issues: ValidationIssue[] = [];
        if (problem !== null) issues.push({ path: '/name', code: 'invalid_value', message: problem });
        if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
          issues.push({ path: '/content', code: 'invalid_type', message: 'must be a string or bytes' });
        }
        throw new ValidationError(issues, { schema: 'SftpOutboxFile' });
      }
      await ready;
      sequence += 1;
      const id = `${String(sequence).padStart(16, '0')}.${randomBytes(4).toString('hex')}`;
      const stored = writeFileAtomically(join(queueDir, `${id}.${name}`), content).catch((error: unknown) => {
        throw storeError(dir, 'written', error);
      });
      const entry = newEntry(id, name, stored);
      entries.push(entry);
      wake?.();
      try {
        await stored;
      } catch (error) {
        remove(entry);
        entry.reject(error);
        throw error;
      }
    },
    async flush() {
      await ready;
      const last = entries.at(-1);
      if (last !== undefined) await last.delivered;
    },
    pending: () => entries.length,
    async close() {
      if (closed) return relay;
      closed = true;
      stop.abort();
      wake?.();
      await relay;
      for (const entry of entries) entry.reject(closedError());
    },
  };
}

function resolveOutboxOptions(options: SftpOutboxOptions): {
  dir: string;
  sftp: SftpClient;
  remoteDir: string;
  baseDelayMs: number;
  maxDelayMs: number;
} {
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ path, code: 'invalid_value', message });
  };
  const given = (
    typeof options === 'object' && options !== null ? options : {}
  ) as Partial<SftpOutboxOptions>;
  check(typeof given.dir === 'string' && given.dir !== '', '/dir', 'must be a local directory path');
  check(
    typeof given.remoteDir === 'string' && given.remoteDir !== '',
    '/remoteDir',
    'must be a remote directory path',
  );
  check(
    typeof given.sftp === 'object' && given.sftp !== null && typeof given.sftp.put === 'function',
    '/sftp',
    'must be an SftpClient (createSftpClient)',
  );
  const baseDelayMs = given.retry?.baseDelayMs ?? 1_000;
  const maxDelayMs = given.retry?.maxDelayMs ?? 60_000;
  for (const [key, value] of [
    ['baseDelayMs', baseDelayMs],
    ['maxDelayMs', maxDelayMs],
  ] as const) {
    check(
      Number.isInteger(value) && value >= 0 && value <= MAX_DURATION_MS,
      `/retry/${key}`,
      `must be an integer from 0 to ${MAX_DURATION_MS}`,
    );
  }
  if (issues.length > 0) throw new ValidationError(issues, { schema: 'SftpOutboxOptions' });
  return {
    dir: given.dir as string,
    sftp: given.sftp as SftpClient,
    remoteDir: given.remoteDir as string,
    baseDelayMs,
    maxDelayMs,
  };
}

function storeError(dir: string, action: string, cause: unknown): StoreError {
  const code = (cause as { code?: unknown } | null)?.code;
  const systemCode = typeof code === 'string' ? code : undefined;
  return new StoreError(
    'STORE_IO_FAILED',
    `the SFTP outbox ${dir} could not be ${action}${systemCode === undefined ? '' : ` (${systemCode})`}`,
    { path: dir, ...(systemCode === undefined ? {} : { systemCode }) },
    { cause },
  );
}

function describe(error: unknown): unknown {
  return isMillwrightError(error) ? error.toJSON() : { name: (error as Error | null)?.name };
}
