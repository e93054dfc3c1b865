// The messages that travel through the HTTP middleware: one request in, one response out.
import type { Readable } from 'node:stream';
import type { TransportError } from '../../src/errors/transport-error.js';
import type { SecretRedactor } from './errors/secret-redactor.js';

/** The HTTP methods the clients send. */
export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request body ready to send: text (sent as UTF-8), bytes, or a stream read once. */
export type HttpRequestBody = string | Buffer | Readable;

/** How the transport hands over a response body: decoded UTF-8 text, the bytes, or a stream. */
export type HttpResponseType = 'text' | 'buffer' | 'stream';

/**
 * What happened to one call so far, shared by all its attempts (each attempt sees its own copy
 * of the request, but the same progress). Errors read it to say what happened.
 */
export interface CallProgress {
  /** Requests sent so far: every attempt, and the re-send after a 401 with a fresh token. */
  sent: number;
  /** The error of the last request sent that failed; undefined while none has. */
  lastFailure: TransportError | undefined;
  /** The redactor of this call's own secrets (query values, headers, body fields), made when an error needs it. */
  redactor: SecretRedactor | undefined;
}

/**
 * One HTTP call as the middleware sees it. Built once per call; the steps that run once
 * (`initialize`) and per attempt (`authenticate`, `attempt`) set headers on it, and the
 * `deadline` step hands the transport a copy with the attempt's abort signal.
 */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** The absolute URL, query string included. */
  readonly url: string;
  /** Header names in lower case; middleware adds to them. */
  readonly headers: Record<string, string>;
  /** The body, or undefined for none. */
  readonly body: HttpRequestBody | undefined;
  /** How the response body is handed over. @default 'text' */
  readonly responseType?: HttpResponseType;
  /**
   * Which statuses outside 200-299 resolve as a response instead of an `HttpError`; the caller
   * handles them (no retry, no token refresh, not counted by the circuit breaker).
   * @default none
   */
  readonly acceptStatus?: ((status: number) => boolean) | undefined;
  /** Aborts the attempt in flight; set by the `deadline` step. */
  readonly signal?: AbortSignalLike;
  /** The caller's signal: aborting it ends the whole call with an `AbortedError`. */
  readonly callSignal?: AbortSignal | undefined;
  /** What has happened to the call so far. */
  readonly progress: CallProgress;
}

/**
 * The part of an `AbortSignal` a transport uses (axios's `GenericAbortSignal`); a real
 * AbortSignal is one.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Response header values by lower-case name, as Node.js gives them (`set-cookie` is a list). */
export type HttpResponseHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A response with a status in 200-299, or one the request accepts; any other is thrown as an `HttpError`. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: HttpResponseHeaders;
  /**
   * The body as the request's `responseType` asked: UTF-8 text (empty when there was none), a
   * Buffer, or a stream the caller must read or destroy.
   */
  readonly body: string | Buffer | Readable;
}

/** Sends a request and resolves with its response; the shape of the transport and of every middleware. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;

/**
 * A new, empty {@link CallProgress}, for the request that starts a call.
 * @returns the progress.
 */
export function startProgress(): CallProgress {
  return { sent: 0, lastFailure: undefined, redactor: undefined };
}

/**
 * Whether a request body is a stream, which can be sent only once.
 * @returns true for a Node.js Readable (or anything with `pipe` and `on`).
 */
export function isStreamBody(body: unknown): body is Readable {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Readable).pipe === 'function' &&
    typeof (body as Readable).on === 'function'
  );
}
