import type { QueryParams } from '../http/build-url.js';

/** Options that every pagination style has. */
export interface PaginationBase {
  /** Query parameters of the first page (link style) or of every page (cursor and offset). */
  readonly params?: QueryParams;
  /** Headers for every page request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The correlation id shared by all page requests. @default one new id for the whole listing */
  readonly correlationId?: string;
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

/** Asks for `limit` items at increasing offsets until a page comes back empty. */
export interface OffsetPagination extends PaginationBase {
  readonly style: 'offset';
  /** The query parameter of the offset. @default 'offset' */
  readonly offsetParam?: string;
  /** The query parameter of the page size. @default 'limit' */
  readonly limitParam?: string;
  /** The page size asked for; a server that sends fewer is fine. @default 100 */
  readonly limit?: number;
}

/**
 * How a collection is paged: `link`, `cursor` or `offset`.
 * @example
 * for await (const order of mes.paginate<WorkOrder>('/workorders', { style: 'offset', limit: 200 })) {}
 * for await (const lot of mes.paginate('/lots', { style: 'cursor', nextCursor: (page) => (page as { next?: string }).next })) {}
 */
export type PaginateOptions = LinkPagination | CursorPagination | OffsetPagination;
