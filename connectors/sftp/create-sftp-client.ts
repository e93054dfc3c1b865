import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { ValidationError } from '../../src/errors/validation-error.js';
import { describeInput } from '../../src/internal/describe-input.js';
import { clientSettings } from './client-settings.js';
import { createSftpSession, type OperationSpec } from './create-sftp-session.js';
import { compilePattern } from './glob-pattern.js';
import { loadSftpPeer } from './load-sftp-peer.js';
import type { SftpConnection } from './open-sftp-connection.js';
import { displayPath, fileNameProblem, joinRemote, resolveRemotePath } from './remote-path.js';
import { resolveSftpOptions } from './resolve-sftp-options.js';
import { call, type SftpAttributes, sftpStatus } from './sftp-channel.js';
import type { SftpFileInfo } from './sftp-file-info.js';
import { typeOfMode } from './sftp-file-info.js';
import type { SftpClientOptions } from './sftp-options.js';
import { type PutSource, readChunks, readWhole, sourceChunks, writeChunks } from './transfer.js';

/** The options of {@link SftpClient.put}. */
export interface SftpPutOptions {
  /**
   * Upload under a temporary hidden name in the target directory (`.name.<random>.part`), then
   * rename it onto the target in one step (`posix-rename@openssh.com`, which replaces an
   * existing file atomically), so no reader ever sees a partial file under the target name.
   * @default true
   */
  readonly atomic?: boolean;
}

/** The options of {@link SftpClient.list}. */
export interface SftpListOptions {
  /**
   * Only names that match: a glob (`*.idoc`, `LOIPRO_??.xml`, `[A-Z]*.csv`; `*` does not match a
   * leading `.`) or a RegExp.
   * @default every name
   */
  readonly pattern?: string | RegExp;
}

/** The options of {@link SftpClient.move}. */
export interface SftpMoveOptions {
  /**
   * Replace an existing file at the target atomically (`posix-rename@openssh.com`). Off, the
   * move fails with `FAILURE` when the target exists (SFTP's own rename), which makes a move
   * a safe claim: of several clients moving one file, exactly one succeeds.
   * @default false
   */
  readonly overwrite?: boolean;
}

/** The options of {@link SftpClient.mkdir}. */
export interface SftpMkdirOptions {
  /** Create missing parents too, and accept a directory that exists. @default false */
  readonly recursive?: boolean;
}

/**
 * An SFTP client: one SSH connection, used by one operation at a time in call order, opened on
 * the first operation and opened again (with backoff) after it dropped. Every path is resolved
 * inside `rootDir` and refused when it holds `..` or control characters.
 */
export interface SftpClient {
  /**
   * Uploads a local file (its path), bytes or a stream to `remotePath`, with the client's
   * `fileMode`; atomically by default (see {@link SftpPutOptions.atomic}).
   * @throws {SftpError} e.g. `NO_SUCH_FILE` when the directory does not exist, `INVALID_PATH`.
   */
  put(source: PutSource, remotePath: string, options?: SftpPutOptions): Promise<void>;
  /**
   * Downloads a whole file into memory.
   * @throws {SftpError} e.g. `NO_SUCH_FILE`.
   */
  get(remotePath: string): Promise<Buffer>;
  /**
   * Opens a file for reading as a stream. The connection is reserved for the stream until it
   * ends or is destroyed: read it to its end or destroy it, or later operations wait.
   * @throws {SftpError} when the file cannot be opened; read errors are emitted by the stream.
   */
  getStream(remotePath: string): Promise<Readable>;
  /**
   * Lists a directory (without `.` and `..`), sorted by name. Entries whose names are not plain
   * file names (control characters such as line breaks, `/`) are left out and logged as a warning.
   * @throws {SftpError} e.g. `NO_SUCH_FILE`.
   * @throws {ValidationError} at `/pattern` for a pattern that is neither a string nor a RegExp.
   */
  list(remoteDir: string, options?: SftpListOptions): Promise<SftpFileInfo[]>;
  /**
   * The attributes of one file or directory (links are followed).
   * @throws {SftpError} `NO_SUCH_FILE` when it does not exist.
   */
  stat(remotePath: string): Promise<SftpFileInfo>;
  /**
   * Renames or moves a file on the server, in one step.
   * @throws {SftpError} `NO_SUCH_FILE` when the source is gone, `FAILURE` when the target
   *   exists and `overwrite` is off.
   */
  move(from: string, to: string, options?: SftpMoveOptions): Promise<void>;
  /**
   * Removes a file.
   * @throws {SftpError} `NO_SUCH_FILE` when it does not exist.
   */
  remove(remotePath: string): Promise<void>;
  /**
   * Creates a directory (mode 0750).
   * @throws {SftpError} `FAILURE` when it exists (unless `recursive`), `NO_SUCH_FILE` when its
   *   parent does not exist (unless `recursive`).
   */
  mkdir(remotePath: string, options?: SftpMkdirOptions): Promise<void>;
  /**
   * Waits for the operation in hand (at most `closeTimeoutMs`), fails the waiting ones with
   * `CLIENT_CLOSED`, and closes the connection. Later calls fail with `CLIENT_CLOSED`.
   */
  close(): Promise<void>;
}

/**
 * Creates an SFTP client on ssh2-sftp-client (an optional peer dependency) with secure
 * defaults: the server's host key is verified (required option), uploads are atomic and get
 * mode 0640, keepalives detect a dead server, every operation is bounded by
 * `operationTimeoutMs`, dropped connections are replaced with backoff, operations run one at a
 * time, paths stay inside `rootDir`, and no credential reaches an error, a log line or the
 * console. Nothing connects before the first operation.
 *
 * @returns the client.
 * @throws {ValidationError} when an option is invalid, e.g. `hostKey` is missing.
 * @throws {MillwrightError} code `MISSING_PEER_DEPENDENCY` when ssh2-sftp-client is not installed.
 * @example
 * const sftp = createSftpClient({
 *   host: 'sftp.plant-de01.example',
 *   username: 'mes',
 *   privateKey: readFileSync('/run/secrets/sftp_ed25519'),
 *   hostKey: { knownHostsFile: '/etc/millwright/known_hosts' },
 * });
 * await sftp.put('./out/confirmations.csv', '/inbound/confirmations.csv');
 * await sftp.close();
 */
export function createSftpClient(options: SftpClientOptions): SftpClient {
  const resolved = resolveSftpOptions(options);
  const session = createSftpSession(resolved, loadSftpPeer());
  const { rootDir, fileMode, logger } = resolved;
  if (resolved.hostKey.type === 'insecure') {
    logger.warn('sftp: host key verification is OFF (insecureAcceptAnyHostKey); use it for tests only', {
      origin: resolved.origin,
    });
  }

  /** Resolves a caller's path in the jail, or throws `INVALID_PATH`. */
  const pathFor = (operation: string, path: string): string => {
    const result = resolveRemotePath(rootDir, path);
    if ('problem' in result) {
      throw session.error('INVALID_PATH', `${result.problem}: ${JSON.stringify(displayPath(String(path)))}`, {
        operation,
        retry: 'unsent',
      });
    }
    return result.path;
  };
  const guarded = <T>(connection: SftpConnection, start: Parameters<typeof call<T>>[0]): Promise<T> =>
    connection.guard(call<T>(start));
  const closeQuietly = async (connection: SftpConnection, handle: Buffer): Promise<void> => {
    await guarded(connection, (done) => connection.channel.close(handle, done)).catch(() => {});
  };
  const statOn = (connection: SftpConnection, path: string): Promise<SftpAttributes> =>
    guarded<SftpAttributes>(connection, (done) => connection.channel.stat(path, done));
  const infoOf = (path: string, attributes: SftpAttributes): SftpFileInfo => ({
    name: posix.basename(path),
    path,
    type: typeOfMode(attributes.mode),
    size: attributes.size,
    mtime: attributes.mtime,
    mode: attributes.mode & 0o7777,
  });
  /** Renames with the semantics asked for; SFTP's own rename does not replace an existing file. */
  const renameOn = async (
    connection: SftpConnection,
    from: string,
    to: string,
    overwrite: boolean,
  ): Promise<void> => {
    const { channel } = connection;
    if (!overwrite) return guarded(connection, (done) => channel.rename(from, to, done));
    try {
      await guarded(connection, (done) => channel.ext_openssh_rename(from, to, done));
    } catch (error) {
      if (!/does not support/i.test(String((error as Error).message))) throw error;
      // A server without posix-rename: remove the target, then rename (not atomic, never partial).
      await guarded(connection, (done) => channel.unlink(to, done)).catch((unlinkError: unknown) => {
        if (sftpStatus(unlinkError) !== 2) throw unlinkError;
      });
      await guarded(connection, (done) => channel.rename(from, to, done));
    }
  };

  const client: SftpClient = {
    async put(source, remotePath, putOptions = {}) {
      const target = pathFor('PUT', remotePath);
      const atomic = putOptions.atomic ?? true;
      // One temporary name for every attempt, so a retry replaces a half-written one.
      const temporary = atomic
        ? joinRemote(
            posix.dirname(target),
            `.${posix.basename(target)}.${randomBytes(6).toString('hex')}.part`,
          )
        : target;
      const spec: OperationSpec = {
        operation: 'PUT',
        path: target,
        retry: typeof source === 'string' || source instanceof Uint8Array ? 'safe' : 'unsent',
      };
      await session.run(spec, async ({ connection, sent }) => {
        const { channel } = connection;
        const handle = await guarded<Buffer>(connection, (done) =>
          channel.open(temporary, 'w', { mode: fileMode }, done),
        );
        try {
          await writeChunks(connection, handle, sourceChunks(source, sent));
          // Explicitly: ssh2 and servers' umasks would otherwise decide the mode.
          await guarded(connection, (done) => channel.fchmod(handle, fileMode, done));
        } catch (error) {
          await closeQuietly(connection, handle);
          if (atomic && connection.alive)
            await guarded(connection, (done) => channel.unlink(temporary, done)).catch(() => {});
          throw error;
        }
        await guarded(connection, (done) => channel.close(handle, done));
        if (atomic) await renameOn(connection, temporary, target, true);
      });
    },
    async get(remotePath) {
      const path = pathFor('GET', remotePath);
      return session.run({ operation: 'GET', path, retry: 'safe' }, async ({ connection }) => {
        const { channel } = connection;
        const handle = await guarded<Buffer>(connection, (done) => channel.open(path, 'r', {}, done));
        try {
          const { size } = await guarded<SftpAttributes>(connection, (done) => channel.fstat(handle, done));
          return await readWhole(connection, handle, size);
        } finally {
          await closeQuietly(connection, handle);
        }
      });
    },
    async getStream(remotePath) {
      const path = pathFor('GET', remotePath);
      const spec: OperationSpec = { operation: 'GET', path, retry: 'safe' };
      return session.hold(spec, async ({ connection }) => {
        const { channel } = connection;
        const handle = await guarded<Buffer>(connection, (done) => channel.open(path, 'r', {}, done));
        let size: number;
        try {
          ({ size } = await guarded<SftpAttributes>(connection, (done) => channel.fstat(handle, done)));
        } catch (error) {
          await closeQuietly(connection, handle);
          throw error;
        }
        async function* chunks(): AsyncGenerator<Buffer> {
          try {
            yield* readChunks(connection, handle, size);
          } catch (error) {
            throw session.convert(error, spec);
          } finally {
            await closeQuietly(connection, handle);
          }
        }
        const stream = Readable.from(chunks(), { objectMode: false, highWaterMark: 256 * 1024 });
        const released = new Promise<void>((resolve) => stream.once('close', resolve));
        return { value: stream, released };
      });
    },
    async list(remoteDir, listOptions = {}) {
      const directory = pathFor('LIST', remoteDir);
      const matches = listMatcher(listOptions);
      const entries = await session.run(
        { operation: 'LIST', path: directory, retry: 'safe' },
        async ({ connection }) => {
          const { channel } = connection;
          // readdir of ssh2 reads the whole directory (every READDIR batch) and closes it.
          return guarded<{ filename: string; attrs: SftpAttributes }[]>(connection, (done) =>
            channel.readdir(directory, done),
          );
        },
      );
      const files: SftpFileInfo[] = [];
      for (const entry of entries) {
        if (entry.filename === '.' || entry.filename === '..') continue;
        const problem = fileNameProblem(entry.filename);
        if (problem !== null) {
          logger.warn('sftp: listing entry refused', {
            directory,
            name: JSON.stringify(entry.filename),
            problem,
          });
          continue;
        }
        if (!matches(entry.filename)) continue;
        files.push(infoOf(joinRemote(directory, entry.filename), entry.attrs));
      }
      return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async stat(remotePath) {
      const path = pathFor('STAT', remotePath);
      const attributes = await session.run({ operation: 'STAT', path, retry: 'safe' }, ({ connection }) =>
        statOn(connection, path),
      );
      return infoOf(path, attributes);
    },
    async move(from, to, moveOptions = {}) {
      const source = pathFor('RENAME', from);
      const target = pathFor('RENAME', to);
      const spec: OperationSpec = {
        operation: 'RENAME',
        path: source,
        detail: ` (to ${displayPath(target)})`,
        retry: 'unsent',
      };
      await session.run(spec, async ({ connection, sent }) => {
        sent();
        await renameOn(connection, source, target, moveOptions.overwrite ?? false);
      });
    },
    async remove(remotePath) {
      const path = pathFor('REMOVE', remotePath);
      let tries = 0;
      await session.run({ operation: 'REMOVE', path, retry: 'safe' }, async ({ connection }) => {
        tries += 1;
        try {
          await guarded(connection, (done) => connection.channel.unlink(path, done));
        } catch (error) {
          // A retry after a lost answer finds the file gone: the first attempt removed it.
          if (tries > 1 && sftpStatus(error) === 2) return;
          throw error;
        }
      });
    },
    async mkdir(remotePath, mkdirOptions = {}) {
      const path = pathFor('MKDIR', remotePath);
      await session.run({ operation: 'MKDIR', path, retry: 'safe' }, async ({ connection }) => {
        const make = (directory: string): Promise<void> =>
          guarded(connection, (done) => connection.channel.mkdir(directory, { mode: 0o750 }, done));
        if (mkdirOptions.recursive !== true) return make(path);
        const segments = path.split('/').filter(Boolean);
        for (let index = 1; index <= segments.length; index += 1) {
          const directory = `/${segments.slice(0, index).join('/')}`;
          try {
            await make(directory);
          } catch (error) {
            const attributes = await statOn(connection, directory).catch(() => undefined);
            if (attributes === undefined || typeOfMode(attributes.mode) !== 'directory') throw error;
          }
        }
      });
    },
    close: () => session.close(),
  };
  clientSettings.set(client, { rootDir, logger });
  return client;
}

/**
 * The file name test of `list`'s options, each read once.
 * @throws {ValidationError} at `/pattern` for a pattern that is neither a string nor a RegExp,
 *   `invalid_input` for options that cannot be read.
 */
function listMatcher(options: SftpListOptions): (name: string) => boolean {
  let pattern: unknown;
  try {
    pattern = options?.pattern;
  } catch (cause) {
    throw new ValidationError([{ path: '/pattern', code: 'invalid_input', message: 'could not be read' }], {
      schema: 'SftpListOptions',
      cause,
    });
  }
  if (pattern === undefined) return () => true;
  if (typeof pattern !== 'string' && !(pattern instanceof RegExp)) {
    throw new ValidationError(
      [
        {
          path: '/pattern',
          code: 'invalid_type',
          message: `must be a glob string or a RegExp, not ${describeInput(pattern)}`,
        },
      ],
      { schema: 'SftpListOptions' },
    );
  }
  return compilePattern(pattern);
}
