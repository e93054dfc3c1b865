import type { HttpError } from '../../src/errors/http-error.js';
import { buildUrl } from '../http/build-url.js';
import type { HttpClient } from '../http/create-http-client.js';
import { createHttpError } from '../http/create-http-error.js';
import { createHttpRequest } from '../http/create-http-request.js';
import type { HttpRequest, HttpResponse } from '../http/http-request.js';
import { findNextLink } from './find-next-link.js';
import type { PaginateOptions } from './pagination-options.js';
import { parseJsonBody } from './parse-json-body.js';

const ITEM_FIELDS = ['items', 'data', 'results', 'value'] as const;

/** One page: where it came from, what came back, and its items. */
interface Page {
  readonly request: HttpRequest;
  readonly response: HttpResponse;
  readonly body: unknown;
  readonly items: readonly unknown[];
}

/**
 * Iterates over every item of a paged collection, fetching one page at a time as the loop
 * asks for more (each page a full call: retries, auth, timeout). A next-page link to another
 * origin, or a link or cursor that repeats, ends the listing with an `HttpError` rather than
 * sending credentials elsewhere or looping forever.
 *
 * @returns an async iterator of the items, typed as the caller says (not checked).
 * @throws {HttpError} code `INVALID_RESPONSE` for a page without an item array, a foreign or
 *   repeating next link or cursor; any error of the page requests.
 */
export async function* paginate<T>(
  http: HttpClient,
  path: string,
  options: PaginateOptions,
): AsyncGenerator<T, void, undefined> {
  const correlationId = options.correlationId ?? http.options.correlationId();
  const fetchPage = async (url: string): Promise<Page> => {
    const init = { headers: options.headers, correlationId };
    const request = createHttpRequest(http.options, 'GET', url, init);
    const response = await http.send(request);
    const body = parseJsonBody(request, response, http.redactor);
    const items = options.items === undefined ? findItems(body) : options.items(body);
    if (!Array.isArray(items)) throw invalidPage(http, { request, response }, 'the page has no item array');
    return { request, response, body, items };
  };
  const seen = new Set<string>();
  const once = (page: Page, next: string): string => {
    if (seen.has(next)) throw invalidPage(http, page, 'the next page repeats one already read');
    seen.add(next);
    return next;
  };

  switch (options.style) {
    case 'link': {
      let url = buildUrl(http.options.baseURL, path, options.params);
      seen.add(url);
      for (;;) {
        const page = await fetchPage(url);
        yield* page.items as T[];
        const next = nextLinkOf(http, page);
        if (next === undefined) return;
        url = once(page, next);
      }
    }
    case 'cursor': {
      const cursorParam = options.cursorParam ?? 'cursor';
      const readCursor = options.nextCursor ?? defaultCursor;
      let cursor: string | undefined;
      do {
        const params = cursor === undefined ? options.params : { ...options.params, [cursorParam]: cursor };
        const page = await fetchPage(buildUrl(http.options.baseURL, path, params));
        yield* page.items as T[];
        const next = readCursor(page.body);
        cursor = next === undefined || next === null || next === '' ? undefined : once(page, String(next));
      } while (cursor !== undefined);
      return;
    }
    case 'offset': {
      const limit = options.limit ?? 100;
      for (let offset = 0; ; ) {
        const params = {
          ...options.params,
          [options.offsetParam ?? 'offset']: offset,
          [options.limitParam ?? 'limit']: limit,
        };
        const page = await fetchPage(buildUrl(http.options.baseURL, path, params));
        if (page.items.length === 0) return;
        yield* page.items as T[];
        offset += page.items.length;
      }
    }
  }
}

function nextLinkOf(http: HttpClient, page: Page): string | undefined {
  const link = findNextLink(page.response.headers['link']);
  if (link === undefined) return undefined;
  let next: URL;
  try {
    next = new URL(link, page.request.url);
  } catch {
    throw invalidPage(http, page, 'the next link is not a URL');
  }
  if (next.origin !== http.options.origin)
    throw invalidPage(http, page, 'the next link leads to another origin');
  return next.href;
}

function findItems(body: unknown): readonly unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (typeof body !== 'object' || body === null) return undefined;
  for (const field of ITEM_FIELDS) {
    const items = (body as Record<string, unknown>)[field];
    if (Array.isArray(items)) return items;
  }
  return undefined;
}

function defaultCursor(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const cursor = fields['nextCursor'] ?? fields['next_cursor'];
  return typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : undefined;
}

function invalidPage(http: HttpClient, page: Pick<Page, 'request' | 'response'>, problem: string): HttpError {
  return createHttpError(page.request, page.response, http.redactor, 'INVALID_RESPONSE', problem);
}
