import type { Readable } from 'node:stream';
import { isMillwrightError } from '../../src/errors/millwright-error.js';
import { SftpError } from '../../src/errors/sftp-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { readOptionsOnce } from '../../src/internal/read-options-once.js';
import { createMemoryIdempotencyStore } from '../delivery/create-memory-idempotency-store.js';
import type { IdempotencyStore } from '../delivery/idempotency-store.js';
import { abortableSleep } from './abortable-sleep.js';
import { type Claim, claimOf, parseClaimName } from './claim-name.js';
import { settingsOf } from './client-settings.js';
import type { SftpClient } from './create-sftp-client.js';
import { compilePattern } from './glob-pattern.js';
import type { PollSftpOptions, SftpConsumer, SftpFileHandler, SftpPolledFile } from './poll-sftp-options.js';
import { joinRemote } from './remote-path.js';
import { resolvePollOptions } from './resolve-poll-options.js';
import { createReadySelector } from './select-ready-files.js';
import type { SftpFileInfo } from './sftp-file-info.js';

/** The longest error message kept in a `.error.json`. */
const MESSAGE_LIMIT = 4_096;

/** An SFTP failure after which the connection, not the file, is the problem. */
function isConnectionFailure(error: unknown): boolean {
  return (
    error instanceof SftpError &&
    ['CONNECTION_LOST', 'TIMEOUT', 'CONNECT_FAILED', 'CLIENT_CLOSED'].includes(error.code)
  );
}

function hasCode(error: unknown, code: SftpError['code']): boolean {
  return error instanceof SftpError && error.code === code;
}

/**
 * Polls an SFTP folder and hands each complete file to `handler` once, as Camel's file
 * consumer does, safe with several consumers (processes or machines) on one folder and no
 * shared store:
 *
 * 1. A file is taken only when its read lock says it is complete (stable size and time, or a
 *    done file), oldest first, at most `maxFilesPerPoll` per poll.
 * 2. It is claimed by an atomic rename on the server to a hidden name naming this consumer
 *    (`.<name>.<consumerId>.<time>.<attempt>.claim`); the consumer that loses the race skips
 *    it. A claim older than `claimTimeoutMs` whose consumer died is returned to the folder; a
 *    consumer's own claims are resumed when it polls again (after a crash as the next attempt,
 *    up to `maxAttempts`, so a file that crashes the process cannot do so forever).
 * 3. On success the key `<name>:<size>:<mtime>` is added to the idempotency store, then the
 *    file moves to `archiveDir`: after a crash between the two, the file is archived without
 *    a second handling. The listing's size and time are used: a rename keeps them.
 * 4. When the handler fails, the key is marked failed, the file moves to `errorDir`, then
 *    `<name>.error.json` (code, message, time, attempts) is written next to it; the file is
 *    never handled again and never deleted. A name that exists in the target folder gets the
 *    claim time appended (`<name>.<ms>`).
 *
 * A lost connection is not a handler failure: the file stays claimed and the next poll resumes
 * it. The consumer does not close the client.
 *
 * @returns the running consumer; `stop()` finishes the file in hand, then stops.
 * @throws {ValidationError} when an option is invalid.
 * @example
 * const consumer = pollSftp(sftp, {
 *   dir: '/outbound/DE01', pattern: '*.idoc',
 *   readLock: { type: 'done-file', suffix: '.done' },
 *   archiveDir: '/outbound/DE01/archive', errorDir: '/outbound/DE01/error',
 *   idempotency: createFileIdempotencyStore('./state/sftp-de01.json'),
 * }, async (file) => {
 *   for await (const idoc of parseIdocStream(await file.stream())) await publish(idoc);
 * });
 * process.once('SIGTERM', () => void consumer.stop().then(() => sftp.close()));
 */
export function pollSftp(sftp: SftpClient, options: PollSftpOptions, handler: SftpFileHandler): SftpConsumer {
  if (!isClient(sftp)) {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: 'pollSftp needs the client createSftpClient made' }],
      { schema: 'pollSftp' },
    );
  }
  if (typeof options === 'object' && options !== null) {
    options = readOptionsOnce(options, POLL_OPTION_NAMES, 'PollSftpOptions');
  }
  const settings = resolvePollOptions(options, handler);
  const { dir, archiveDir, errorDir, consumerId, claimTimeoutMs, maxAttempts, maxFilesPerPoll } = settings;
  const logger = options.logger ?? settingsOf(sftp).logger;
  const store: IdempotencyStore = options.idempotency ?? createMemoryIdempotencyStore();
  const matches = compilePattern(settings.pattern);
  const doneSuffix = settings.readLock.type === 'done-file' ? settings.readLock.suffix : undefined;
  const readLock = createReadySelector(settings.readLock);
  // A failure marker outlives every claim and resumption it serves.
  const failedTtlMs = Math.max(claimTimeoutMs * 4, 7 * 24 * 3_600_000);
  const stopping = new AbortController();
  /** Names this consumer cannot claim (the server refused the rename), skipped until it stops. */
  const unclaimable = new Set<string>();
  /** Claims whose attempt ended with a lost connection, not a crash: resumed without counting an attempt. */
  const interrupted = new Set<string>();
  let directoriesReady = false;

  const exists = async (path: string): Promise<boolean> => {
    try {
      await sftp.stat(path);
      return true;
    } catch (error) {
      if (hasCode(error, 'NO_SUCH_FILE')) return false;
      throw error;
    }
  };
  /** Moves a file; when the connection failed in the middle, finds out whether the move happened. */
  const moveSettled = async (from: string, to: string): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await sftp.move(from, to);
        return;
      } catch (error) {
        if (!isConnectionFailure(error) || attempt >= 3) throw error;
        if (!(await exists(from)) && (await exists(to))) return;
      }
    }
  };
  /** Moves a claimed file into a folder under its name, or `<name>.<claimedAt>` when the name is taken. */
  const moveInto = async (claim: Claim, directory: string): Promise<string> => {
    const from = joinRemote(dir, claim.claimName);
    try {
      await moveSettled(from, joinRemote(directory, claim.name));
      return claim.name;
    } catch (error) {
      if (!hasCode(error, 'FAILURE')) throw error;
      const other = `${claim.name}.${claim.claimedAt}`;
      await moveSettled(from, joinRemote(directory, other));
      return other;
    }
  };
  const removeDoneFile = async (name: string): Promise<void> => {
    if (doneSuffix === undefined) return;
    await sftp.remove(joinRemote(dir, `${name}${doneSuffix}`)).catch((error: unknown) => {
      if (!hasCode(error, 'NO_SUCH_FILE')) throw error;
    });
  };

  const archive = async (claim: Claim): Promise<void> => {
    const archived = await moveInto(claim, archiveDir);
    await removeDoneFile(claim.name);
    logger.debug('sftp consumer: file archived', {
      dir,
      name: claim.name,
      archived: joinRemote(archiveDir, archived),
    });
  };

  /**
   * Moves a claimed file to the error folder, then writes its `.error.json`; `failure` is
   * undefined when a crash lost the details (the file was marked failed, not yet moved).
   */
  const fail = async (
    claim: Claim,
    file: SftpFileInfo,
    key: string,
    failure: { code: string; message: string; attempts: number } | undefined,
  ): Promise<void> => {
    await store.add(`${key}#failed`, { ttlMs: failedTtlMs });
    const moved = await moveInto(claim, errorDir);
    const details = failure ?? {
      code: 'HANDLER_FAILED',
      message:
        'this file (its name, size and modification time) was marked failed before: a consumer stopped ' +
        'before it recorded why (see its log), or the failed file was put back unchanged; to process it ' +
        'again, put it back under a new name or with a new modification time',
      attempts: claim.attempt,
    };
    const report = {
      file: claim.name,
      dir,
      size: file.size,
      mtime: file.mtime,
      code: details.code,
      message: details.message.slice(0, MESSAGE_LIMIT),
      time: new Date().toISOString(),
      attempts: details.attempts,
      consumerId,
    };
    await sftp.put(
      Buffer.from(`${JSON.stringify(report, null, 2)}\n`),
      joinRemote(errorDir, `${moved}.error.json`),
    );
    await removeDoneFile(claim.name);
    logger.error('sftp consumer: file moved to the error folder', {
      dir,
      name: claim.name,
      moved: joinRemote(errorDir, moved),
      code: details.code,
    });
  };

  /**
   * Handles a claimed file, or finishes what an earlier attempt left: a file whose key is
   * stored is archived, one marked failed goes to the error folder, and one whose earlier
   * attempt was cut short by a crash is tried again under a new claim (attempt + 1), up to
   * `maxAttempts`.
   */
  const processClaim = async (first: Claim, file: SftpFileInfo, resumed: boolean): Promise<void> => {
    let claim = first;
    const key = `${claim.name}:${file.size}:${file.mtime}`;
    if (await store.has(`${key}#failed`)) return fail(claim, file, key, undefined);
    if (await store.has(key)) {
      logger.info('sftp consumer: file handled before, archiving it without handling it again', {
        dir,
        name: claim.name,
      });
      return archive(claim);
    }
    if (resumed && !interrupted.delete(claim.claimName)) {
      if (claim.attempt >= maxAttempts) {
        const message = `taken up ${claim.attempt} times without finishing (the consumer stopped each time); not tried again`;
        return fail(claim, file, key, { code: 'TOO_MANY_ATTEMPTS', message, attempts: claim.attempt });
      }
      const next = claimOf(claim.name, consumerId, Date.now(), claim.attempt + 1);
      await moveSettled(joinRemote(dir, claim.claimName), joinRemote(dir, next.claimName));
      claim = next;
    }
    const path = joinRemote(dir, claim.claimName);
    const opened: Readable[] = [];
    let transportFailure: unknown;
    const noteFailure = (error: unknown): void => {
      if (isConnectionFailure(error)) transportFailure ??= error;
    };
    const polled: SftpPolledFile = {
      name: claim.name,
      dir,
      size: file.size,
      mtime: file.mtime,
      key,
      attempt: claim.attempt,
      stream: async () => {
        const stream = await sftp.getStream(path).catch((error: unknown) => {
          noteFailure(error);
          throw error;
        });
        opened.push(stream);
        stream.on('error', noteFailure);
        return stream;
      },
      buffer: () =>
        sftp.get(path).catch((error: unknown) => {
          noteFailure(error);
          throw error;
        }),
    };
    try {
      await handler(polled);
    } catch (error) {
      if (transportFailure !== undefined || isConnectionFailure(error)) {
        // The connection failed, not the file: the claim stays and the next poll resumes it.
        interrupted.add(claim.claimName);
        throw transportFailure ?? error;
      }
      return fail(claim, file, key, { ...describeFailure(error), attempts: claim.attempt });
    } finally {
      for (const stream of opened) stream.destroy();
    }
    await store.add(key);
    await archive(claim);
  };

  /** Claims a file by renaming it; undefined when another consumer was first. */
  const claimFile = async (file: SftpFileInfo): Promise<Claim | undefined> => {
    const claim = claimOf(file.name, consumerId, Date.now(), 1);
    const claimPath = joinRemote(dir, claim.claimName);
    try {
      await sftp.move(file.path, claimPath);
      return claim;
    } catch (error) {
      if (hasCode(error, 'NO_SUCH_FILE')) return undefined;
      // Did the rename happen before the connection went? The claim name is ours alone.
      if (isConnectionFailure(error)) return (await exists(claimPath)) ? claim : undefined;
      if (hasCode(error, 'FAILURE')) {
        unclaimable.add(file.name);
        logger.error('sftp consumer: the server refused to rename the file to claim it; skipping it', {
          dir,
          name: file.name,
          reason: (error as SftpError).reason,
        });
        return undefined;
      }
      throw error;
    }
  };

  /** Own claims to resume; other consumers' claims past their timeout returned to the folder. */
  const scanClaims = async (listing: readonly SftpFileInfo[]): Promise<[Claim, SftpFileInfo][]> => {
    const own: [Claim, SftpFileInfo][] = [];
    for (const entry of listing) {
      if (entry.type !== 'file' || !entry.name.startsWith('.')) continue;
      const claim = parseClaimName(entry.name);
      if (claim === undefined) continue;
      if (claim.consumerId === consumerId) {
        own.push([claim, entry]);
        continue;
      }
      if (Date.now() - claim.claimedAt <= claimTimeoutMs) continue;
      try {
        await sftp.move(entry.path, joinRemote(dir, claim.name));
        logger.warn('sftp consumer: returned a file whose claim timed out to the folder', {
          dir,
          name: claim.name,
          claimedBy: claim.consumerId,
        });
      } catch (error) {
        if (hasCode(error, 'NO_SUCH_FILE')) continue;
        if (!hasCode(error, 'FAILURE')) throw error;
        logger.warn('sftp consumer: cannot return a timed-out claim, the folder has a file of its name', {
          dir,
          name: claim.name,
        });
      }
    }
    return own.sort(([a], [b]) => a.claimedAt - b.claimedAt);
  };

  const candidatesOf = (listing: readonly SftpFileInfo[]): SftpFileInfo[] => {
    const names = new Set(listing.map((entry) => entry.name));
    return listing.filter(
      (entry) =>
        entry.type === 'file' &&
        !entry.name.startsWith('.') &&
        matches(entry.name) &&
        !unclaimable.has(entry.name) &&
        (doneSuffix === undefined ||
          (!entry.name.endsWith(doneSuffix) && names.has(`${entry.name}${doneSuffix}`))),
    );
  };

  /** One poll; true when it left files for the next poll (maxFilesPerPoll reached). */
  const pollOnce = async (): Promise<boolean> => {
    if (!directoriesReady) {
      await sftp.mkdir(archiveDir, { recursive: true });
      await sftp.mkdir(errorDir, { recursive: true });
      directoriesReady = true;
    }
    const listing = await sftp.list(dir);
    let taken = 0;
    for (const [claim, file] of await scanClaims(listing)) {
      if (stopping.signal.aborted || taken >= maxFilesPerPoll) return true;
      logger.info('sftp consumer: resuming a file this consumer had claimed', { dir, name: claim.name });
      await processClaim(claim, file, true);
      taken += 1;
    }
    const relist = async (): Promise<SftpFileInfo[]> => candidatesOf(await sftp.list(dir));
    const ready = await readLock.select(candidatesOf(listing), relist, stopping.signal);
    ready.sort((a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1));
    for (const file of ready) {
      if (stopping.signal.aborted) return false;
      if (taken >= maxFilesPerPoll) return true;
      readLock.forget(file.name);
      const claim = await claimFile(file);
      if (claim === undefined) continue;
      // A rename keeps the size and time the listing showed.
      await processClaim(claim, file, false);
      taken += 1;
    }
    return false;
  };

  const running = (async () => {
    while (!stopping.signal.aborted) {
      let more = false;
      try {
        more = await pollOnce();
      } catch (error) {
        const fields = isMillwrightError(error) ? error.toJSON() : { name: (error as Error)?.name };
        logger.warn('sftp consumer: poll failed; trying again at the next poll', { dir, error: fields });
      }
      if (!more) await abortableSleep(settings.intervalMs, stopping.signal);
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}

/** The `code` and `message` of a handler's failure, for the `.error.json`. */
function describeFailure(error: unknown): { code: string; message: string } {
  if (isMillwrightError(error)) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { code: typeof code === 'string' && code !== '' ? code : 'HANDLER_FAILED', message };
}

/** Every option of a consumer, each read once. */
const POLL_OPTION_NAMES = [
  'dir',
  'pattern',
  'intervalMs',
  'readLock',
  'archiveDir',
  'errorDir',
  'maxFilesPerPoll',
  'idempotency',
  'claimTimeoutMs',
  'consumerId',
  'maxAttempts',
  'logger',
] as const satisfies readonly (keyof PollSftpOptions)[];

/** Whether a value can serve as the consumer's client: an object with the client's methods. */
function isClient(value: unknown): value is SftpClient {
  try {
    const client = value as Partial<Record<keyof SftpClient, unknown>> | null;
    return (
      typeof client === 'object' &&
      client !== null &&
      typeof client.list === 'function' &&
      typeof client.move === 'function'
    );
  } catch {
    return false;
  }
}
