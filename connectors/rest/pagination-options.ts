import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { isAbortSignal } from '../http/abort/is-abort-signal.js';
import type { QueryParams } from '../http/build-url.js';

/** Options that every pagination style has. */
export interface PaginationBase {
  /** Query parameters of the first page (link style) or of every page (cursor and offset). */
  readonly params?: QueryParams;
  /** Headers for every page request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The correlation id shared by all page requests. @default one new id for the whole listing */
  readonly correlationId?: string;
  /** Aborts the listing: the page request in flight rejects with an `AbortedError`, and no further page is asked for. */
  readonly signal?: AbortSignal;
  /**
   * Picks the items out of a page body.
   * @default the body when it is an array, else its `items`, `data`, `results` or `value` array
   */
  readonly items?: (page: unknown) => readonly unknown[];
}

/** Follows the `Link: <...>; rel="next"` header (RFC 8288) until a page has none. */
export interface LinkPagination extends PaginationBase {
  readonly style: 'link';
}

/** Sends the cursor from each page as a query parameter of the next, until a page has none. */
export interface CursorPagination extends PaginationBase {
  readonly style: 'cursor';
  /** The query parameter that carries the cursor. @default 'cursor' */
  readonly cursorParam?: string;
  /**
   * Reads the next cursor from a page body; `undefined`, `null` or `''` ends the listing.
   * @default the body's `nextCursor` or `next_cursor`
   */
  readonly nextCursor?: (page: unknown) => string | null | undefined;
}

/**
 * Asks for `limit` items at increasing offsets until a page comes back empty. A page that
 * repeats the one before ends the listing with an `HttpError` (`INVALID_RESPONSE`): the server
 * ignores the offset parameter, and the listing would never end.
 */
export interface OffsetPagination extends PaginationBase {
  readonly style: 'offset';
  /** The query parameter of the offset. @default 'offset' */
  readonly offsetParam?: string;
  /** The query parameter of the page size. @default 'limit' */
  readonly limitParam?: string;
  /** The page size asked for, an integer >= 1; a server that sends fewer is fine. @default 100 */
  readonly limit?: number;
}

/**
 * How a collection is paged: `link`, `cursor` or `offset`.
 * @example
 * for await (const order of mes.paginate<WorkOrder>('/workorders', { style: 'offset', limit: 200 })) {}
 * for await (const lot of mes.paginate('/lots', { style: 'cursor', nextCursor: (page) => (page as { next?: string }).next })) {}
 */
export type PaginateOptions = LinkPagination | CursorPagination | OffsetPagination;

/** What every resolved pagination style has. */
interface ResolvedPaginationBase {
  readonly params: QueryParams;
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** Undefined: one new id for the whole listing. */
  readonly correlationId: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Picks the item array out of a page body; anything else is an invalid page. */
  readonly items: (page: unknown) => unknown;
}

/** {@link PaginateOptions} checked, with every default filled in. */
export type ResolvedPaginateOptions =
  | (ResolvedPaginationBase & { readonly style: 'link' })
  | (ResolvedPaginationBase & {
      readonly style: 'cursor';
      readonly cursorParam: string;
      readonly nextCursor: (page: unknown) => unknown;
    })
  | (ResolvedPaginationBase & {
      readonly style: 'offset';
      readonly offsetParam: string;
      readonly limitParam: string;
      readonly limit: number;
    });

const ITEM_FIELDS = ['items', 'data', 'results', 'value'] as const;

/** The body when it is an array, else its `items`, `data`, `results` or `value` array. */
function findItems(body: unknown): readonly unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return undefined;
  for (const field of ITEM_FIELDS) {
    const items = (body as Record<string, unknown>)[field];
    if (Array.isArray(items)) return items;
  }
  return undefined;
}

/** The body's `nextCursor` or `next_cursor`, a string or a number. */
function defaultCursor(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const cursor = fields['nextCursor'] ?? fields['next_cursor'];
  return typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : undefined;
}

/**
 * Checks the options of a listing and fills every default, once, before the first page is asked for.
 * @returns the resolved options.
 * @throws {ValidationError} listing every invalid option by JSON Pointer (`/style`, `/limit`,
 *   `/cursorParam`...).
 * @example resolvePaginateOptions({ style: 'offset' }) // { style: 'offset', limit: 100, offsetParam: 'offset', ... }
 */
export function resolvePaginateOptions(options: PaginateOptions): ResolvedPaginateOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: "must be an object such as { style: 'link' }" }],
      { schema: 'PaginateOptions' },
    );
  }
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ path, code: 'invalid_value', message });
  };
  const optional = (value: unknown, type: 'object' | 'string' | 'function', path: string): void =>
    check(value === undefined || (typeof value === type && value !== null), path, `must be a ${type}`);
  const name = (value: unknown, fallback: string, path: string): string => {
    check(
      value === undefined || (typeof value === 'string' && value !== ''),
      path,
      'must be a non-empty string',
    );
    return typeof value === 'string' && value !== '' ? value : fallback;
  };
  optional(options.params, 'object', '/params');
  optional(options.headers, 'object', '/headers');
  optional(options.correlationId, 'string', '/correlationId');
  check(options.signal === undefined || isAbortSignal(options.signal), '/signal', 'must be an AbortSignal');
  optional(options.items, 'function', '/items');
  const base: ResolvedPaginationBase = {
    params: options.params ?? {},
    headers: options.headers,
    correlationId: options.correlationId,
    signal: options.signal,
    items: options.items ?? findItems,
  };
  let resolved: ResolvedPaginateOptions | undefined;
  switch (options.style) {
    case 'link':
      resolved = { ...base, style: 'link' };
      break;
    case 'cursor':
      optional(options.nextCursor, 'function', '/nextCursor');
      resolved = {
        ...base,
        style: 'cursor',
        cursorParam: name(options.cursorParam, 'cursor', '/cursorParam'),
        nextCursor: options.nextCursor ?? defaultCursor,
      };
      break;
    case 'offset': {
      const limit = options.limit ?? 100;
      check(Number.isSafeInteger(limit) && limit >= 1, '/limit', 'must be an integer >= 1');
      resolved = {
        ...base,
        style: 'offset',
        offsetParam: name(options.offsetParam, 'offset', '/offsetParam'),
        limitParam: name(options.limitParam, 'limit', '/limitParam'),
        limit,
      };
      break;
    }
    default:
      check(false, '/style', "must be 'link', 'cursor' or 'offset'");
  }
  if (issues.length > 0 || resolved === undefined)
    throw new ValidationError(issues, { schema: 'PaginateOptions' });
  return resolved;
}
