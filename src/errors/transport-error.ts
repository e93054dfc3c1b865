import { redactUrl } from '../internal/redact-url.js';
import { MillwrightError, type MillwrightErrorOptions } from './millwright-error.js';

/** The request a transport error is about; nothing in it is secret. */
export interface TransportErrorDetails {
  /** The HTTP method, upper case, e.g. `POST`; for SFTP the operation, e.g. `PUT`, `RENAME`. */
  readonly method: string;
  /**
   * The URL that was called. The error keeps it without user info and with the values of
   * secret-looking query parameters (`token`, `api_key`, `signature`...) replaced by `[REDACTED]`.
   */
  readonly url: string;
  /** The `x-correlation-id` the request carried, to find it in the server's logs. */
  readonly correlationId?: string;
  /**
   * How many requests the call had sent when it failed: its attempts, and the re-send after a
   * 401 with a fresh OAuth2 token. 0 when nothing was sent.
   */
  readonly attempts?: number;
}

/**
 * The transport failed: a request did not produce a usable response. The base class of
 * {@link HttpError}, {@link TimeoutError}, {@link NetworkError}, {@link CircuitOpenError},
 * {@link AbortedError} and {@link SftpError}, kept apart from the "data was rejected" family ({@link ValidationError},
 * {@link MappingError}): catch `TransportError` to decide whether to try again later,
 * `ValidationError` to fix data.
 *
 * Its fields and `toJSON()` never hold a credential: the URL is redacted, and the connectors
 * that throw it wrap a lower error only as a sanitised copy.
 *
 * @example
 * try { await client.post('/confirmations', confirmation); }
 * catch (error) {
 *   if (error instanceof TransportError) deadLetter.push({ confirmation, error: error.toJSON() });
 *   else throw error;
 * }
 */
export class TransportError<Code extends string = string> extends MillwrightError<Code> {
  /** The HTTP method, upper case (for SFTP the operation). */
  readonly method: string;
  /** The URL without user info and without the values of secret query parameters. */
  readonly url: string;
  /** The `x-correlation-id` the request carried. */
  readonly correlationId: string | undefined;
  /** How many requests the call had sent when it failed; undefined when the error was made outside a call. */
  readonly attempts: number | undefined;

  /**
   * @param code - the stable code of this failure.
   * @param message - human-readable text; it must not contain a secret.
   * @param details - the request; its URL is redacted here.
   * @param options - `cause`: a sanitised lower error.
   */
  constructor(code: Code, message: string, details: TransportErrorDetails, options?: MillwrightErrorOptions) {
    super(code, message, options);
    this.method = details.method;
    this.url = redactUrl(details.url);
    this.correlationId = details.correlationId;
    this.attempts = details.attempts;
  }

  override get name(): string {
    return 'TransportError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { method, url, correlationId, attempts } = this;
    return { method, url, correlationId, attempts };
  }
}

/** `GET https://host/path`, with the URL redacted: the subject of every transport error message. */
export function describeRequest(details: TransportErrorDetails): string {
  return `${details.method} ${redactUrl(details.url)}`;
}

/** ` after 1 attempt`, ` after 3 attempts`, or nothing when the count is unknown: for error messages. */
export function describeAttempts(attempts: number | undefined): string {
  if (attempts === undefined) return '';
  return ` after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
}
