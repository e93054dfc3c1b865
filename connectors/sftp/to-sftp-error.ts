import { SftpError, type SftpErrorCode, SftpHostKeyError } from '../../src/errors/sftp-error.js';
import { sanitizeError } from '../http/errors/sanitize-error.js';
import type { SecretRedactor } from '../http/errors/secret-redactor.js';
import type { HostKeyRejection } from './host-key-verifier.js';
import { displayPath } from './remote-path.js';
import { sftpStatus } from './sftp-channel.js';

/** The operation an error is about. */
export interface OperationContext {
  /** `CONNECT`, `PUT`, `GET`, `LIST`, `STAT`, `RENAME`, `REMOVE`, `MKDIR`. */
  readonly operation: string;
  /** The remote path concerned. */
  readonly path?: string;
  /** `sftp://host:port`. */
  readonly origin: string;
  /** How many attempts were made. */
  readonly attempts?: number;
  readonly redactor: SecretRedactor;
}

/** The SFTP status codes (draft-ietf-secsh-filexfer-02) and what millwright makes of them. */
const STATUS: Readonly<Record<number, readonly [SftpErrorCode, string, string]>> = {
  1: ['FAILURE', 'SSH_FX_EOF', 'unexpected end of file'],
  2: ['NO_SUCH_FILE', 'SSH_FX_NO_SUCH_FILE', 'no such file'],
  3: ['PERMISSION_DENIED', 'SSH_FX_PERMISSION_DENIED', 'permission denied'],
  4: ['FAILURE', 'SSH_FX_FAILURE', 'the server refused the operation'],
  5: ['FAILURE', 'SSH_FX_BAD_MESSAGE', 'the server could not read the request'],
  6: ['CONNECTION_LOST', 'SSH_FX_NO_CONNECTION', 'no connection'],
  7: ['CONNECTION_LOST', 'SSH_FX_CONNECTION_LOST', 'the connection was lost'],
  8: ['UNSUPPORTED', 'SSH_FX_OP_UNSUPPORTED', 'the server does not support the operation'],
};

/** Failures that may be cured by a new connection. */
export function isRetryable(error: SftpError): boolean {
  return error.code === 'CONNECT_FAILED' || error.code === 'CONNECTION_LOST' || error.code === 'TIMEOUT';
}

/** Makes an {@link SftpError} for an operation; the details hold no secret. */
export function sftpError(
  code: SftpErrorCode,
  reason: string,
  context: OperationContext,
  options?: { readonly systemCode?: string; readonly cause?: unknown },
): SftpError {
  const path = context.path === undefined ? undefined : displayPath(context.path);
  return new SftpError(
    code,
    {
      method: context.operation,
      url: `${context.origin}${path ?? ''}`,
      ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
      ...(path === undefined ? {} : { path }),
      ...(options?.systemCode === undefined ? {} : { systemCode: options.systemCode }),
      reason: context.redactor.redact(reason),
    },
    options?.cause === undefined ? undefined : { cause: sanitizeError(options.cause, context.redactor) },
  );
}

/**
 * Turns whatever ssh2 or ssh2-sftp-client threw into an {@link SftpError} (or an
 * {@link SftpHostKeyError} when the host key check refused the server), keeping the server's
 * status as `systemCode` and a sanitised copy of the original as `cause`.
 *
 * @param phase - `connect` while connecting, `operation` after.
 */
export function toSftpError(
  error: unknown,
  context: OperationContext,
  phase: 'connect' | 'operation',
  rejection?: HostKeyRejection,
): SftpError {
  if (error instanceof SftpError) return error;
  if (rejection !== undefined) {
    return new SftpHostKeyError(
      {
        method: context.operation,
        url: context.origin,
        ...(context.attempts === undefined ? {} : { attempts: context.attempts }),
        ...rejection,
      },
      { cause: sanitizeError(error, context.redactor) },
    );
  }
  const options = { cause: error };
  const status = sftpStatus(error);
  const known = status === undefined ? undefined : STATUS[status];
  if (known !== undefined) {
    const [code, systemCode, reason] = known;
    return sftpError(code, reason, context, { systemCode, ...options });
  }
  const raw = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = typeof raw['message'] === 'string' ? raw['message'] : String(error);
  const level = raw['level'];
  const systemCode = typeof raw['code'] === 'string' ? raw['code'] : undefined;
  const withCode = { ...options, ...(systemCode === undefined ? {} : { systemCode }) };
  if (level === 'client-authentication' || /authentication methods failed/i.test(message)) {
    return sftpError(
      'AUTH_FAILED',
      'the server refused the login (user, key, password or passphrase)',
      context,
      withCode,
    );
  }
  if (/privateKey|private key|passphrase/i.test(message)) {
    return sftpError(
      'AUTH_FAILED',
      'the private key cannot be read (wrong format, or a wrong or missing passphrase)',
      context,
      withCode,
    );
  }
  if (/keepalive timeout/i.test(message)) {
    return sftpError('CONNECTION_LOST', 'the server stopped answering keepalives', context, withCode);
  }
  if (phase === 'connect') {
    return sftpError('CONNECT_FAILED', `cannot connect: ${message}`, context, withCode);
  }
  if (
    /no response from server|not connected|unexpected (end|close)|ECONNRESET|EPIPE|socket/i.test(message) ||
    level === 'client-socket'
  ) {
    return sftpError('CONNECTION_LOST', `the connection was lost (${message})`, context, withCode);
  }
  return sftpError('FAILURE', message, context, withCode);
}
