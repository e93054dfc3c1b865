import type { HttpResponseHeaders } from '../http/http-request.js';
import type { ResponseHeaders } from './rest-request.js';

/**
 * Copies the transport's headers into a plain object with lower-case names: each value a
 * string, `set-cookie` a list (a single cookie too). Own properties are defined, not assigned,
 * so a header named `__proto__` is a header like any other.
 * @returns the headers.
 */
export function toResponseHeaders(headers: HttpResponseHeaders): ResponseHeaders {
  const entries: [string, string | readonly string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === 'set-cookie') entries.push([key, Array.isArray(value) ? value.map(String) : [String(value)]]);
    else entries.push([key, Array.isArray(value) ? value.join(', ') : String(value)]);
  }
  return Object.fromEntries(entries) as ResponseHeaders;
}
