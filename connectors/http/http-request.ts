// The messages that travel through the HTTP middleware: one request in, one response out.

/** The HTTP methods the clients send. */
export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP call as the middleware sees it. Built once per call; the steps that run once
 * (`initialize`) and per attempt (`authenticate`, `finalize`) set headers on it, and the
 * `deadline` step hands the transport a copy with the attempt's abort signal.
 */
export interface HttpRequest {
  readonly method: HttpMethod;
  /** The absolute URL, query string included. */
  readonly url: string;
  /** Header names in lower case; middleware adds to them. */
  readonly headers: Record<string, string>;
  /** The serialised body, or undefined for none. */
  readonly body: string | undefined;
  /** Aborts the attempt in flight; set by the `deadline` step. */
  readonly signal?: AbortSignalLike;
  /** The caller's signal: aborting it ends the whole call with an `AbortedError`. */
  readonly callSignal?: AbortSignal | undefined;
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

/** A response with a status in 200-299; any other status is thrown as an `HttpError`. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: HttpResponseHeaders;
  /** The body decoded as UTF-8 text; empty when there was none. */
  readonly body: string;
}

/** Sends a request and resolves with its response; the shape of the transport and of every middleware. */
export type HttpHandler = (request: HttpRequest) => Promise<HttpResponse>;
