import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { toJsonPointer } from '../../src/validate/json-pointer.js';

/** A query parameter value (a number must be finite); `null` and `undefined` leave the parameter out. */
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
 * @throws {ValidationError} before anything is sent, when the path is not a string (`/path`),
 *   the parameters are not an object or cannot be read (`/params`), or a parameter's value is
 *   not a query value (see {@link encodeQuery}).
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
 * Encodes query parameters with `%20` for spaces. A value is a string, a finite number or a
 * boolean; `null` and `undefined` leave the parameter out; an array of such values repeats the
 * parameter, in order (`{ plant: ['DE01', 'CZ01'] }` gives `plant=DE01&plant=CZ01`). Each value
 * is read once.
 * @returns the query string without the leading `?`; empty when every value is absent.
 * @throws {ValidationError} code `invalid_type` at `/params/<name>` (or `/params/<name>/<index>`
 *   in an array) for an object, a nested array, `NaN`, `Infinity`, a bigint, a symbol or a
 *   function, which would be sent as `[object Object]`, `2,3` or `NaN`; `invalid_input` at
 *   `/params` when the parameters cannot be read (a throwing getter or Proxy trap, the thrown
 *   value as `cause`).
 */
export function encodeQuery(params: QueryParams): string {
  const parts: string[] = [];
  const issues: ValidationIssue[] = [];
  const add = (name: string, item: unknown, path: readonly PropertyKey[]): void => {
    if (item === null || item === undefined) return;
    if (!isQueryValue(item)) {
      issues.push({
        path: toJsonPointer(['params', ...path]),
        code: 'invalid_type',
        message: NOT_A_QUERY_VALUE,
      });
      return;
    }
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`);
  };
  try {
    for (const [name, value] of Object.entries(params)) {
      if (!Array.isArray(value)) {
        add(name, value, [name]);
        continue;
      }
      const items = value as readonly unknown[];
      for (let index = 0, length = items.length; index < length; index += 1)
        add(name, items[index], [name, index]);
    }
  } catch (cause) {
    throw new ValidationError(
      [
        {
          path: '/params',
          code: 'invalid_input',
          message: 'could not be read (a getter or Proxy trap threw)',
        },
      ],
      { schema: 'request', cause },
    );
  }
  if (issues.length > 0) throw new ValidationError(issues, { schema: 'request' });
  return parts.join('&');
}

const NOT_A_QUERY_VALUE =
  'must be a string, a finite number, a boolean, null or undefined, or an array of them (the parameter is then repeated)';

function isQueryValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
}
