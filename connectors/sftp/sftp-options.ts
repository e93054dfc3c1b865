import type { HttpLogger, RetryOptions } from '../http/http-options.js';

/**
 * How the client verifies the server's host key; required, so that a connection to an
 * impostor is refused before a credential is sent:
 * - `{ sha256: 'SHA256:...' }`: the key's fingerprint as `ssh-keygen -lf` prints it (run it on
 *   the server's `/etc/ssh/ssh_host_ed25519_key.pub`, or `ssh-keyscan -t ed25519 host |
 *   ssh-keygen -lf -`). Several fingerprints are accepted during a key rotation. ssh2 prefers
 *   the server's ed25519 key, then ECDSA, then RSA: pin the one it negotiates.
 * - `{ knownHostsFile: '/path/known_hosts' }`: an OpenSSH known_hosts file, read at every
 *   connection; plain and hashed (`ssh-keygen -H`) names, `[host]:port` entries, wildcards and
 *   `@revoked` keys are understood. The client offers the key types the file holds for the host.
 * - `{ insecureAcceptAnyHostKey: true }`: no check at all, for tests against throw-away servers
 *   only; the client logs a warning when it is created.
 */
export type SftpHostKey =
  | { readonly sha256: string | readonly string[] }
  | { readonly knownHostsFile: string }
  | { readonly insecureAcceptAnyHostKey: true };

/**
 * How often a failed SFTP operation is tried again, with the backoff of the HTTP clients
 * (exponential, full jitter). Retried: connecting (refused, reset, unknown host...) and, on a
 * new connection, operations that are safe to repeat (`put` of a path or a buffer, `get`,
 * `list`, `stat`, `remove`, `mkdir`) when the connection dropped or stalled. A `move` whose
 * request was sent, a `put` of a stream that was read from, host key and login failures and
 * the server's refusals (no such file, permission denied) are never retried.
 * @example
 * const retry: SftpRetryOptions = { attempts: 6, baseDelayMs: 1_000, maxDelayMs: 30_000 };
 */
export type SftpRetryOptions = Pick<RetryOptions, 'attempts' | 'baseDelayMs' | 'maxDelayMs'>;

/**
 * Where the SFTP client, consumer and outbox write their logs: the four-method logger of the
 * HTTP clients (console, pino, winston fit). Fields never hold a credential.
 */
export type SftpLogger = HttpLogger;

/**
 * The options of {@link createSftpClient}. `host`, `username`, a credential and `hostKey` are
 * required; every other default is listed with its option.
 * @example
 * const options: SftpClientOptions = {
 *   host: 'sftp.plant-de01.example',
 *   username: 'mes',
 *   privateKey: readFileSync('/run/secrets/sftp_ed25519'),
 *   hostKey: { sha256: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
 *   rootDir: '/outbound',
 * };
 */
export interface SftpClientOptions {
  /** The server's host name or IP address. */
  readonly host: string;
  /** The server's port. @default 22 */
  readonly port?: number;
  /** The user to log in as. */
  readonly username: string;
  /** An OpenSSH, PEM or PuTTY private key (its content, not its path). Preferred over a password. */
  readonly privateKey?: string | Buffer;
  /** The passphrase of an encrypted `privateKey`. */
  readonly passphrase?: string;
  /** A password, when the server allows password logins. */
  readonly password?: string;
  /** How the server's host key is verified: required; see {@link SftpHostKey}. */
  readonly hostKey: SftpHostKey;
  /**
   * The directory every path must lie in: relative paths are taken from it, absolute paths
   * outside it and paths with `..` segments are refused (`INVALID_PATH`).
   * @default '/' (any absolute path, still without `..`)
   */
  readonly rootDir?: string;
  /** How often an idle connection sends an SSH keepalive. @default 5_000 */
  readonly keepaliveIntervalMs?: number;
  /** Unanswered keepalives after which the connection counts as lost. @default 3 */
  readonly keepaliveCountMax?: number;
  /** The time limit of connecting, handshake and login included. @default 20_000 */
  readonly connectTimeoutMs?: number;
  /**
   * The time an operation may go without progress: a listing, rename or removal must finish in
   * it, a transfer must move data at least that often. The connection is then closed (a stalled
   * server may never answer) and the operation fails with `TIMEOUT`, or is retried.
   * @default 60_000
   */
  readonly operationTimeoutMs?: number;
  /** How long `close()` waits for the operation in hand before it cuts the connection. @default 10_000 */
  readonly closeTimeoutMs?: number;
  /**
   * The permissions uploads get, set explicitly after the file is created, so neither the
   * server's umask nor ssh2's default (0666, world-writable) decides them.
   * @default 0o640
   */
  readonly fileMode?: number;
  /** Retries with backoff; see {@link SftpRetryOptions}. @default { attempts: 4, baseDelayMs: 200, maxDelayMs: 30_000 } */
  readonly retry?: SftpRetryOptions;
  /** Where to log reconnects, retries and refused listing entries. @default silent */
  readonly logger?: SftpLogger;
}
