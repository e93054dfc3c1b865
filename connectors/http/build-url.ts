import { ValidationError } from '../../src/errors/validation-error.js';

/** A query parameter value; `null` and `undefined` leave the parameter out. */
export type QueryValue = string | number | boolean | null | undefined;

/** Query parameters; an array repeats the parameter (`?plant=DE01&plant=DE02`). */
export type QueryParams = Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

/**
 * Appends a path and query parameters to a base URL. The path is always taken as relative to
 * the base (`https://other.example` becomes a path segment, never another host). Names and
 * values are percent-encoded as RFC 3986 says, a space as `%20` (never `+`, which many
 * servers read literally outside HTML forms).
 *
 * @param baseURL - the base URL without a trailing slash.
 * @param path - the path, e.g. `/workorders` or `workorders/4711`, possibly with a query string.
 * @param params - parameters to add to the query.
 * @returns the absolute URL.
 * @throws {ValidationError} when the path is not a string or the parameters are not an object
 *   (`/path`, `/params`), before anything is sent.
 * @example
 * buildUrl('https://mes.example/api', '/workorders', { plant: 'DE01', q: 'gear pump' });
 * // 'https://mes.example/api/workorders?plant=DE01&q=gear%20pump'
 */
export function buildUrl(baseURL: string, path: string, params?: QueryParams): string {
  const pathIsString = typeof path === 'string';
  const paramsAreObject = params === undefined || (typeof params === 'object' && params !== null);
  if (!pathIsString || !paramsAreObject) {
    throw new ValidationError(
      [
        ...(pathIsString ? [] : [{ path: '/path', code: 'invalid_type', message: 'must be a string' }]),
        ...(paramsAreObject ? [] : [{ path: '/params', code: 'invalid_type', message: 'must be an object' }]),
      ],
      { schema: 'request' },
    );
  }
  const url = path === '' ? baseURL : `${baseURL}/${path.replace(/^\/+/, '')}`;
  const query = params === undefined ? '' : encodeQuery(params);
  if (query === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Encodes query parameters with `%20` for spaces.
 * @returns the query string without the leading `?`; empty when every value is absent.
 */
export function encodeQuery(params: QueryParams): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? (value as readonly QueryValue[]) : [value as QueryValue]) {
      if (item !== null && item !== undefined)
        parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.join('&');
}
