import type { Readable } from 'node:stream';
import { isMillwrightError } from '../../src/errors/millwright-error.js';
import { SftpError } from '../../src/errors/sftp-error.js';
import { createMemoryIdempotencyStore } from '../delivery/create-memory-idempotency-store.js';
import type { IdempotencyStore } from '../delivery/idempotency-store.js';
import { abortableSleep } from './abortable-sleep.js';
import { type Claim, claimNameOf, parseClaimName } from './claim-name.js';
import { settingsOf } from './client-settings.js';
import type { SftpClient } from './create-sftp-client.js';
import { compilePattern } from './glob-pattern.js';
import type { PollSftpOptions, SftpConsumer, SftpFileHandler, SftpPolledFile } from './poll-sftp-options.js';
import { joinRemote } from './remote-path.js';
import { resolvePollOptions } from './resolve-poll-options.js';
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
 *    (`.<name>.<consumerId>.<time>.claim`); the consumer that loses the race skips it. A claim
 *    older than `claimTimeoutMs` whose consumer died is returned to the folder; a consumer's
 *    own claims are resumed when it polls again.
 * 3. On success the key `<name>:<size>:<mtime>` is added to the idempotency store, then the
 *    file moves to `archiveDir`: after a crash between the two, the file is archived without
 *    a second handling.
 * 4. When the handler fails, the file moves to `errorDir` with `<name>.error.json` (code,
 *    message, time, attempts) and is never handled again; it is never deleted. A name that
 *    exists in the target folder gets the claim time appended (`<name>.<ms>`).
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
  const settings = resolvePollOptions(options, handler);
  const { dir, archiveDir, errorDir, consumerId, claimTimeoutMs, maxAttempts, maxFilesPerPoll } = settings;
  const logger = options.logger ?? settingsOf(sftp).logger;
  const store: IdempotencyStore = options.idempotency ?? createMemoryIdempotencyStore();
  const matches = compilePattern(settings.pattern);
  const readLock = settings.readLock;
  const doneSuffix = readLock.type === 'done-file' ? readLock.suffix : undefined;
  // Markers outlive every claim and retry they serve.
  const markerTtlMs = Math.max(claimTimeoutMs * 4, 7 * 24 * 3_600_000);
  const stopping = new AbortController();
  /** Names this consumer cannot claim (the server refused the rename), skipped until it stops. */
  const unclaimable = new Set<string>();
  /** The stable read lock's observations: size and time of each name, and since when. */
  const seen = new Map<string, { size: number; mtime: number; since: number }>();
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
  /** `name`, or `name.<claimedAt>` when the target folder has a file of that name. */
  const freeName = async (directory: string, claim: Claim): Promise<string> =>
    (await exists(joinRemote(directory, claim.name))) ? `${claim.name}.${claim.claimedAt}` : claim.name;
  const removeDoneFile = async (name: string): Promise<void> => {
    if (doneSuffix === undefined) return;
    await sftp.remove(joinRemote(dir, `${name}${doneSuffix}`)).catch((error: unknown) => {
      if (!hasCode(error, 'NO_SUCH_FILE')) throw error;
    });
  };

  const archive = async (claim: Claim): Promise<void> => {
    const target = await freeName(archiveDir, claim);
    await moveSettled(joinRemote(dir, claim.claimName), joinRemote(archiveDir, target));
    await removeDoneFile(claim.name);
    logger.debug('sftp consumer: file archived', {
      dir,
      name: claim.name,
      archived: joinRemote(archiveDir, target),
    });
  };

  /** Moves a claimed file to the error folder with its `.error.json`; `failure` undefined: details lost in a crash. */
  const fail = async (
    claim: Claim,
    key: string,
    failure: { code: string; message: string; attempts: number } | undefined,
    size: number,
    mtime: number,
  ): Promise<void> => {
    await store.add(`${key}#failed`, { ttlMs: markerTtlMs });
    const target = await freeName(errorDir, claim);
    const report = joinRemote(errorDir, `${target}.error.json`);
    if (failure !== undefined || !(await exists(report))) {
      const details = failure ?? {
        code: 'HANDLER_FAILED',
        message: 'the consumer stopped before it recorded the failure; see its log',
        attempts: 1,
      };
      const json = {
        file: claim.name,
        dir,
        size,
        mtime,
        code: details.code,
        message: details.message.slice(0, MESSAGE_LIMIT),
        time: new Date().toISOString(),
        attempts: details.attempts,
        consumerId,
      };
      await sftp.put(Buffer.from(`${JSON.stringify(json, null, 2)}\n`), report);
    }
    await moveSettled(joinRemote(dir, claim.claimName), joinRemote(errorDir, target));
    await removeDoneFile(claim.name);
    logger.error('sftp consumer: file moved to the error folder', {
      dir,
      name: claim.name,
      moved: joinRemote(errorDir, target),
      code: failure?.code,
    });
  };

  /** Handles a claimed file, or finishes what an earlier attempt left. */
  const processClaim = async (claim: Claim): Promise<void> => {
    const path = joinRemote(dir, claim.claimName);
    let info: SftpFileInfo;
    try {
      info = await sftp.stat(path);
    } catch (error) {
      // Returned to the folder by another consumer after claimTimeoutMs: nothing to do here.
      if (hasCode(error, 'NO_SUCH_FILE')) return;
      throw error;
    }
    const { size, mtime } = info;
    const key = `${claim.name}:${size}:${mtime}`;
    if (await store.has(`${key}#failed`)) return fail(claim, key, undefined, size, mtime);
    if (await store.has(key)) {
      logger.info('sftp consumer: file handled before, archiving it without handling it again', {
        dir,
        name: claim.name,
      });
      return archive(claim);
    }
    let attempt = 1;
    while (await store.has(`${key}#attempt:${attempt}`)) attempt += 1;
    if (attempt > maxAttempts) {
      const message = `taken up ${maxAttempts} times without finishing (the consumer stopped each time); not tried again`;
      return fail(claim, key, { code: 'TOO_MANY_ATTEMPTS', message, attempts: attempt - 1 }, size, mtime);
    }
    const marker = `${key}#attempt:${attempt}`;
    await store.add(marker, { ttlMs: markerTtlMs });
    const opened: Readable[] = [];
    let transportFailure: unknown;
    const noteFailure = (error: unknown): void => {
      if (isConnectionFailure(error)) transportFailure ??= error;
    };
    const file: SftpPolledFile = {
      name: claim.name,
      dir,
      size,
      mtime,
      key,
      attempt,
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
      await handler(file);
    } catch (error) {
      if (transportFailure !== undefined || isConnectionFailure(error)) {
        // The connection failed, not the file: the claim stays and the next poll resumes it.
        await store.delete(marker).catch(() => {});
        throw transportFailure ?? error;
      }
      return fail(claim, key, { ...describeFailure(error), attempts: attempt }, size, mtime);
    } finally {
      for (const stream of opened) stream.destroy();
    }
    await store.add(key);
    await archive(claim);
  };

  /** Claims a file by renaming it; undefined when another consumer was first. */
  const claimFile = async (file: SftpFileInfo): Promise<Claim | undefined> => {
    const claimedAt = Date.now();
    const claim: Claim = {
      name: file.name,
      consumerId,
      claimedAt,
      claimName: claimNameOf(file.name, consumerId, claimedAt),
    };
    const claimPath = joinRemote(dir, claim.claimName);
    try {
      await sftp.move(file.path, claimPath);
      return claim;
    } catch (error) {
      if (hasCode(error, 'NO_SUCH_FILE')) return undefined;
      if (isConnectionFailure(error)) {
        // Did the rename happen before the connection went? The claim name is ours alone.
        if (await exists(claimPath)) return claim;
        return undefined;
      }
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
  const scanClaims = async (listing: readonly SftpFileInfo[]): Promise<Claim[]> => {
    const own: Claim[] = [];
    for (const entry of listing) {
      if (entry.type !== 'file' || !entry.name.startsWith('.')) continue;
      const claim = parseClaimName(entry.name);
      if (claim === undefined) continue;
      if (claim.consumerId === consumerId) {
        own.push(claim);
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
        if (hasCode(error, 'FAILURE')) {
          logger.warn('sftp consumer: cannot return a timed-out claim, the folder has a file of its name', {
            dir,
            name: claim.name,
          });
          continue;
        }
        throw error;
      }
    }
    return own.sort((a, b) => a.claimedAt - b.claimedAt);
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

  /** The files whose size and time have not changed for checkIntervalMs, waiting up to timeoutMs. */
  const stableFiles = async (listing: readonly SftpFileInfo[]): Promise<SftpFileInfo[]> => {
    if (readLock.type !== 'stable') return candidatesOf(listing);
    const deadline = Date.now() + readLock.timeoutMs;
    let candidates = candidatesOf(listing);
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
      if (ready.length > 0 || candidates.length === 0 || now >= deadline || stopping.signal.aborted)
        return ready;
      await abortableSleep(Math.min(readLock.checkIntervalMs, deadline - now), stopping.signal);
      if (stopping.signal.aborted) return [];
      candidates = candidatesOf(await sftp.list(dir));
    }
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
    for (const claim of await scanClaims(listing)) {
      if (stopping.signal.aborted || taken >= maxFilesPerPoll) return true;
      logger.info('sftp consumer: resuming a file this consumer had claimed', { dir, name: claim.name });
      await processClaim(claim);
      taken += 1;
    }
    const ready = (await stableFiles(listing)).sort(
      (a, b) => a.mtime - b.mtime || (a.name < b.name ? -1 : 1),
    );
    for (const file of ready) {
      if (stopping.signal.aborted) return false;
      if (taken >= maxFilesPerPoll) return true;
      const claim = await claimFile(file);
      seen.delete(file.name);
      if (claim === undefined) continue;
      await processClaim(claim);
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
