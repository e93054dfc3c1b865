import type { Readable } from 'node:stream';
import type { IdempotencyStore } from '../delivery/idempotency-store.js';
import type { SftpLogger } from './sftp-options.js';

/**
 * How the consumer tells that a file is completely written before it reads it:
 * - `stable`: its size and modification time did not change for `checkIntervalMs` (across
 *   polls, or within one poll for at most `timeoutMs`). Suits writers that write in one go.
 * - `done-file`: a marker file `<name><suffix>` (e.g. `order-1.idoc.done`) exists; the writer
 *   creates it after the data file. The marker is removed once the file is archived or moved
 *   to the error folder.
 */
export type SftpReadLock =
  | {
      readonly type: 'stable';
      /** @default 1_000 */
      readonly checkIntervalMs?: number;
      /** How long one poll waits for changing files to settle. @default 10_000 */
      readonly timeoutMs?: number;
    }
  | {
      readonly type: 'done-file';
      /** @default '.done' */
      readonly suffix?: string;
    };

/** A file handed to the handler of {@link pollSftp}. */
export interface SftpPolledFile {
  /** The file's name in the polled folder. */
  readonly name: string;
  /** The polled folder. */
  readonly dir: string;
  /** The size in bytes. */
  readonly size: number;
  /** The time of the last modification, in whole seconds since the epoch. */
  readonly mtime: number;
  /** The idempotency key: `<name>:<size>:<mtime>`. */
  readonly key: string;
  /** Which attempt this is: 1, or more after a consumer stopped in the middle of handling it. */
  readonly attempt: number;
  /**
   * The content as a stream; read it to its end (or destroy it) before the handler returns.
   * @throws {SftpError} when the file cannot be opened.
   */
  stream(): Promise<Readable>;
  /**
   * The whole content.
   * @throws {SftpError} when the file cannot be read.
   */
  buffer(): Promise<Buffer>;
}

/** Handles one file; a rejection moves the file to the error folder. */
export type SftpFileHandler = (file: SftpPolledFile) => Promise<void>;

/**
 * The options of {@link pollSftp}.
 * @example
 * const options: PollSftpOptions = {
 *   dir: '/outbound/DE01',
 *   pattern: '*.idoc',
 *   readLock: { type: 'done-file', suffix: '.done' },
 *   archiveDir: '/outbound/DE01/archive',
 *   errorDir: '/outbound/DE01/error',
 *   idempotency: createFileIdempotencyStore('./state/sftp-de01.json'),
 *   consumerId: 'mes-bridge-1',
 * };
 */
export interface PollSftpOptions {
  /** The folder to poll. */
  readonly dir: string;
  /** Which names to take: a glob (`*.idoc`) or a RegExp; hidden names never. @default '*' */
  readonly pattern?: string | RegExp;
  /** The wait between polls that found nothing more to do. @default 5_000 */
  readonly intervalMs?: number;
  /** How a complete file is told from one being written. @default { type: 'stable' } */
  readonly readLock?: SftpReadLock;
  /** Where handled files go (created when missing). */
  readonly archiveDir: string;
  /** Where files whose handler failed go, each with a `<name>.error.json` (created when missing). */
  readonly errorDir: string;
  /** The most files taken by one poll, oldest first. @default 100 */
  readonly maxFilesPerPoll?: number;
  /**
   * Remembers handled files by `<name>:<size>:<mtime>`, written before a file is archived, so a
   * crash between the two never leads to a second handling; failed files are marked in it too.
   * Give a file store (`createFileIdempotencyStore`) to survive restarts.
   * @default a memory store (lost on restart)
   */
  readonly idempotency?: IdempotencyStore;
  /**
   * After how long a file claimed by another consumer counts as abandoned (its consumer died)
   * and is returned to the folder. Longer than the longest handling, and than the clock
   * difference between the consumers' machines.
   * @default 600_000
   */
  readonly claimTimeoutMs?: number;
  /**
   * This consumer's name in claims: letters, digits, `_`, `-`. Give each consumer a stable one
   * of its own (e.g. the host name and the instance number): after a restart it then resumes its
   * own claims at once. It must be unique among the consumers running at one time: two running
   * consumers with one id take each other's claims for their own and handle those files twice
   * (there is no liveness check behind a claim, by design: no shared store is needed).
   * @default a random id per pollSftp call
   */
  readonly consumerId?: string;
  /**
   * How many times a consumer may take up a file before it goes to the error folder without
   * another try. An attempt ends unfinished only when the consumer stops in the middle (a crash:
   * its own claim is then resumed as the next attempt); a lost connection does not count. A
   * claim returned to the folder after `claimTimeoutMs` starts again at attempt 1: give
   * consumers stable ids so that they resume their own claims.
   * @default 3
   */
  readonly maxAttempts?: number;
  /** Where to log. @default the client's logger */
  readonly logger?: SftpLogger;
}

/** A running consumer. */
export interface SftpConsumer {
  /** Stops polling; resolves once the file in hand is finished (archived or moved to the error folder). */
  stop(): Promise<void>;
}
