import {
  describeAttempts,
  describeRequest,
  TransportError,
  type TransportErrorDetails,
} from './transport-error.js';

/**
 * Why an SFTP operation failed:
 * - `CONNECT_FAILED`: no connection could be made (refused, reset, unknown host, handshake
 *   failure). Retried with backoff.
 * - `AUTH_FAILED`: the server refused the login (wrong key, password or passphrase). Never retried.
 * - `HOST_KEY_REJECTED`: the server's host key is not the expected one; see {@link SftpHostKeyError}.
 *   Never retried.
 * - `CONNECTION_LOST`: the connection dropped, or stopped answering keepalives, during the
 *   operation. Retried on a new connection when the operation is safe to repeat.
 * - `TIMEOUT`: the operation made no progress for `operationTimeoutMs`; the connection is
 *   closed, as a stalled server may never answer. Retried like `CONNECTION_LOST`.
 * - `NO_SUCH_FILE`, `PERMISSION_DENIED`: the server's answer for the path.
 * - `FAILURE`: the server refused the operation without a more precise reason (SSH_FX_FAILURE:
 *   a directory that exists or is not empty, a rename onto an existing name...).
 * - `UNSUPPORTED`: the server does not support the operation.
 * - `INVALID_PATH`: a path or file name was refused before anything was sent: it leaves the
 *   configured directory (`..`, another absolute path), or holds control characters such as a
 *   line break, or a name from a listing is not a plain file name.
 * - `CLIENT_CLOSED`: the client was closed before or during the operation.
 */
export type SftpErrorCode =
  | 'CONNECT_FAILED'
  | 'AUTH_FAILED'
  | 'HOST_KEY_REJECTED'
  | 'CONNECTION_LOST'
  | 'TIMEOUT'
  | 'NO_SUCH_FILE'
  | 'PERMISSION_DENIED'
  | 'FAILURE'
  | 'UNSUPPORTED'
  | 'INVALID_PATH'
  | 'CLIENT_CLOSED';

/**
 * The SFTP operation that failed. `method` is the operation in upper case (`CONNECT`, `PUT`,
 * `GET`, `LIST`, `STAT`, `RENAME`, `REMOVE`, `MKDIR`), `url` is `sftp://host:port/path`
 * (never with a user name or password).
 */
export interface SftpErrorDetails extends TransportErrorDetails {
  /** The remote path concerned, with control characters escaped (`\n`). */
  readonly path?: string;
  /** The code the system or the SFTP server gave the failure, e.g. `ECONNREFUSED`, `SSH_FX_NO_SUCH_FILE`. */
  readonly systemCode?: string;
  /** The reason in words, e.g. `no such file`, `keepalive timeout`; never a secret. */
  readonly reason: string;
}

/**
 * An SFTP operation of `millwright/sftp` failed. Part of the "transport failed" family
 * ({@link TransportError}): `method` holds the operation (`PUT`, `GET`...), `url` the server
 * and path as `sftp://host:port/path`, `attempts` how many times it was tried. The message,
 * fields and `toJSON()` never hold a password, private key or passphrase.
 *
 * @example
 * try { await sftp.get('/outbound/DE01/order-1.idoc'); } catch (error) {
 *   if (error instanceof SftpError && error.code === 'NO_SUCH_FILE') return undefined;
 *   throw error;
 * }
 */
export class SftpError<Code extends SftpErrorCode = SftpErrorCode> extends TransportError<Code> {
  /** The remote path concerned, with control characters escaped. */
  readonly path: string | undefined;
  /** The system's or the SFTP server's code for the failure. */
  readonly systemCode: string | undefined;
  /** The reason in words. */
  readonly reason: string;

  /**
   * @param code - why the operation failed.
   * @param details - the operation, server, path and reason; none of it may be secret.
   * @param options - `cause`: a sanitised lower error.
   */
  constructor(code: Code, details: SftpErrorDetails, options?: { readonly cause?: unknown }) {
    super(
      code,
      `${describeRequest(details)} failed${describeAttempts(details.attempts)}: ${details.reason}`,
      details,
      options,
    );
    this.path = details.path;
    this.systemCode = details.systemCode;
    this.reason = details.reason;
  }

  override get name(): string {
    return 'SftpError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { path, systemCode, reason } = this;
    return { ...super.jsonDetails(), path, systemCode, reason };
  }
}

/** The host key a server presented and why it was refused. */
export interface SftpHostKeyErrorDetails extends Omit<SftpErrorDetails, 'reason'> {
  /** The presented key's fingerprint as `ssh-keygen -lf` prints it: `SHA256:` and unpadded base64. */
  readonly fingerprint: string;
  /** The presented key's type, e.g. `ssh-ed25519`. */
  readonly keyType: string;
  /**
   * - `mismatch`: the key is not the pinned one, or not the one the known_hosts file holds for the host.
   * - `unknown-host`: the known_hosts file has no key for the host.
   * - `revoked`: the known_hosts file marks the key `@revoked`.
   * - `known-hosts-unreadable`: the known_hosts file cannot be read.
   */
  readonly problem: 'mismatch' | 'unknown-host' | 'revoked' | 'known-hosts-unreadable';
  /** Where the expected key comes from: `the pinned SHA256 fingerprint` or `known_hosts file <path>`. */
  readonly expected: string;
}

/**
 * The SFTP server presented a host key that is not the expected one (a pinned SHA256
 * fingerprint or a known_hosts file), so the connection was refused before any credential was
 * sent: the server may be an impostor. Code `HOST_KEY_REJECTED`; never retried. `fingerprint`
 * is what the server presented: compare it out of band with `ssh-keygen -lf` on the server's
 * key before trusting it.
 *
 * @example
 * catch (error) {
 *   if (error instanceof SftpHostKeyError) alert(`SFTP host key changed: ${error.fingerprint}`);
 * }
 */
export class SftpHostKeyError extends SftpError<'HOST_KEY_REJECTED'> {
  /** The presented key's fingerprint, `SHA256:...`. */
  readonly fingerprint: string;
  /** The presented key's type, e.g. `ssh-ed25519`. */
  readonly keyType: string;
  /** Why the key was refused. */
  readonly problem: SftpHostKeyErrorDetails['problem'];
  /** Where the expected key comes from. */
  readonly expected: string;

  /**
   * @param details - the server, the presented key and why it was refused.
   * @param options - `cause`: a sanitised lower error.
   */
  constructor(details: SftpHostKeyErrorDetails, options?: { readonly cause?: unknown }) {
    super('HOST_KEY_REJECTED', { ...details, reason: describeProblem(details) }, options);
    this.fingerprint = details.fingerprint;
    this.keyType = details.keyType;
    this.problem = details.problem;
    this.expected = details.expected;
  }

  override get name(): string {
    return 'SftpHostKeyError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { fingerprint, keyType, problem, expected } = this;
    return { ...super.jsonDetails(), fingerprint, keyType, problem, expected };
  }
}

function describeProblem(details: SftpHostKeyErrorDetails): string {
  const presented = `the server's host key ${details.keyType} ${details.fingerprint}`;
  switch (details.problem) {
    case 'mismatch':
      return `${presented} does not match ${details.expected}; connection refused`;
    case 'unknown-host':
      return `${details.expected} has no key for this host (${presented}); connection refused`;
    case 'revoked':
      return `${presented} is marked @revoked in ${details.expected}; connection refused`;
    case 'known-hosts-unreadable':
      return `${details.expected} cannot be read, so ${presented} cannot be verified; connection refused`;
  }
}
