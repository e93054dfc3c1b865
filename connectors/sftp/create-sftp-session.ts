import { SftpError, SftpHostKeyError } from '../../src/errors/sftp-error.js';
import { createSecretRedactor, type SecretRedactor } from '../http/errors/secret-redactor.js';
import { computeBackoffDelay } from '../http/middleware/compute-backoff-delay.js';
import { abortableSleep } from './abortable-sleep.js';
import type { SftpClientPeerClass } from './load-sftp-peer.js';
import { openSftpConnection, type SftpConnection } from './open-sftp-connection.js';
import type { ResolvedSftpOptions } from './resolve-sftp-options.js';
import { isRetryable, type OperationContext, sftpError, toSftpError } from './to-sftp-error.js';

/** What an operation is, for its errors and its retries. */
export interface OperationSpec {
  /** `PUT`, `GET`, `LIST`, `STAT`, `RENAME`, `REMOVE`, `MKDIR`. */
  readonly operation: string;
  /** The remote path concerned. */
  readonly path?: string;
  /** Appended to the reason of every error, e.g. ` (to /archive/a.idoc)`. */
  readonly detail?: string;
  /**
   * `safe`: retried on a new connection after the connection dropped or stalled; `unsent`:
   * retried only while {@link Attempt.sent} was not called.
   */
  readonly retry: 'safe' | 'unsent';
}

/** One attempt of an operation: the connection to use. */
export interface Attempt {
  readonly connection: SftpConnection;
  /** Marks an `unsent` operation as sent: it is no longer retried. */
  sent(): void;
}

/**
 * The connection of one client: operations run one at a time, in order (ssh2 is unreliable
 * with parallel operations on one connection); a dropped connection is replaced on the next
 * operation, with backoff between attempts.
 */
export interface SftpSession {
  /** Runs one operation alone on the connection, with retries as its spec allows. */
  run<T>(spec: OperationSpec, body: (attempt: Attempt) => Promise<T>): Promise<T>;
  /**
   * Like {@link run}, but the connection stays reserved after `body` until `released` settles
   * (for a stream the caller reads at its own pace).
   */
  hold<T>(
    spec: OperationSpec,
    body: (attempt: Attempt) => Promise<{ value: T; released: Promise<unknown> }>,
  ): Promise<T>;
  /** Makes an error of an operation. */
  error(code: SftpError['code'], reason: string, spec: OperationSpec): SftpError;
  /** Converts what an operation threw. */
  convert(error: unknown, spec: OperationSpec): SftpError;
  /** Fails the waiting operations, lets the one in hand finish within `closeTimeoutMs`, then ends the connection. */
  close(): Promise<void>;
  readonly closed: boolean;
  readonly options: ResolvedSftpOptions;
}

/** Creates the session of a client; nothing connects before the first operation. */
export function createSftpSession(options: ResolvedSftpOptions, Peer: SftpClientPeerClass): SftpSession {
  const redactor: SecretRedactor = createSecretRedactor(options.secrets);
  const { logger } = options;
  let connection: SftpConnection | undefined;
  let everConnected = false;
  let closed = false;
  let closing: Promise<void> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  const shutdown = new AbortController();

  const context = (spec: OperationSpec, attempts?: number): OperationContext => ({
    operation: spec.operation,
    ...(spec.path === undefined ? {} : { path: spec.path }),
    origin: options.origin,
    ...(attempts === undefined ? {} : { attempts }),
    redactor,
  });
  const error = (
    code: SftpError['code'],
    reason: string,
    spec: OperationSpec,
    attempts?: number,
  ): SftpError => sftpError(code, `${reason}${spec.detail ?? ''}`, context(spec, attempts));
  const closedError = (spec: OperationSpec): SftpError =>
    error('CLIENT_CLOSED', 'the client is closed', spec);

  const connect = async (spec: OperationSpec): Promise<SftpConnection> => {
    if (connection?.alive) return connection;
    connection = undefined;
    const opened = await openSftpConnection(options, Peer, redactor);
    if (closed) {
      // close() did not wait for this connection: it must not outlive the client.
      opened.abort(closedError(spec));
      throw closedError(spec);
    }
    connection = opened;
    if (everConnected) logger.info('sftp: reconnected', { origin: options.origin });
    everConnected = true;
    return connection;
  };

  /** Runs the attempts of one operation in its turn; `keep` holds the turn after it. */
  const attempts = <T>(spec: OperationSpec, body: (attempt: Attempt) => Promise<T>): Promise<T> =>
    (async () => {
      for (let attempt = 1; ; attempt += 1) {
        if (closed) throw closedError(spec);
        let sent = false;
        let used: SftpConnection | undefined;
        try {
          used = await connect(spec);
          return await body({ connection: used, sent: () => (sent = true) });
        } catch (thrown) {
          const failure = convert(thrown, spec, used === undefined ? 'connect' : 'operation');
          if (used?.alive && isRetryable(failure)) used.abort(failure);
          const retry =
            isRetryable(failure) &&
            !(failure instanceof SftpHostKeyError) &&
            attempt < options.retry.attempts &&
            !closed &&
            (spec.retry === 'safe' || !sent);
          if (!retry)
            throw closed && isRetryable(failure) ? closedError(spec) : withAttempts(failure, attempt);
          const delayMs = computeBackoffDelay(attempt, options.retry.baseDelayMs, options.retry.maxDelayMs);
          logger.warn('sftp: retrying', {
            operation: spec.operation,
            origin: options.origin,
            code: failure.code,
            reason: failure.reason,
            attempt,
            delayMs,
          });
          await abortableSleep(delayMs, shutdown.signal);
        }
      }
    })();

  const convert = (
    thrown: unknown,
    spec: OperationSpec,
    phase: 'connect' | 'operation' = 'operation',
  ): SftpError => {
    if (thrown instanceof SftpError) return thrown;
    const converted = toSftpError(thrown, context(spec), phase);
    return spec.detail === undefined
      ? converted
      : sftpError(converted.code, `${converted.reason}${spec.detail}`, context(spec), {
          ...(converted.systemCode === undefined ? {} : { systemCode: converted.systemCode }),
          cause: thrown,
        });
  };

  /** Queues a task behind the others; the queue moves on when `done` settles. */
  const enqueue = <T>(task: () => Promise<{ value: T; done: Promise<unknown> }>): Promise<T> => {
    const result = tail.then(task);
    tail = result.then(
      ({ done }) => done.catch(() => {}),
      () => {},
    );
    return result.then(({ value }) => value);
  };

  return {
    options,
    get closed() {
      return closed;
    },
    run(spec, body) {
      if (closed) return Promise.reject(closedError(spec));
      return enqueue(async () => {
        const value = await attempts(spec, body);
        return { value, done: Promise.resolve() };
      });
    },
    hold(spec, body) {
      if (closed) return Promise.reject(closedError(spec));
      return enqueue(async () => {
        const { value, released } = await attempts(spec, body);
        return { value, done: released };
      });
    },
    error,
    convert: (thrown, spec) => convert(thrown, spec),
    close() {
      if (closing !== undefined) return closing;
      closed = true;
      shutdown.abort();
      closing = (async () => {
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          tail.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), options.closeTimeoutMs);
          }),
        ]);
        clearTimeout(timer);
        const spec: OperationSpec = { operation: 'CLOSE', retry: 'unsent' };
        if (timedOut) {
          logger.warn('sftp: close timed out waiting for the operation in hand; cutting the connection', {
            origin: options.origin,
            timeoutMs: options.closeTimeoutMs,
          });
          connection?.abort(closedError(spec));
        } else {
          await connection?.end(Math.min(options.closeTimeoutMs, 5_000));
        }
        connection = undefined;
      })();
      return closing;
    },
  };
}

/** The same error, stating how many attempts were made. */
function withAttempts(error: SftpError, attempts: number): SftpError {
  if (error.attempts === attempts) return error;
  const details = {
    method: error.method,
    url: error.url,
    attempts,
    ...(error.path === undefined ? {} : { path: error.path }),
    ...(error.systemCode === undefined ? {} : { systemCode: error.systemCode }),
  };
  const options = error.cause === undefined ? undefined : { cause: error.cause };
  if (error instanceof SftpHostKeyError) {
    const { fingerprint, keyType, problem, expected } = error;
    return new SftpHostKeyError({ ...details, fingerprint, keyType, problem, expected }, options);
  }
  return new SftpError(error.code, { ...details, reason: error.reason }, options);
}
