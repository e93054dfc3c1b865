import type { HttpError } from '../../src/errors/http-error.js';
import { buildUrl } from '../http/build-url.js';
import type { HttpClient } from '../http/create-http-client.js';
import { createHttpRequest } from '../http/create-http-request.js';
import { createHttpError, type ReceivedResponse } from '../http/errors/create-http-error.js';
import type { HttpRequest } from '../http/http-request.js';
import { findNextLink } from './find-next-link.js';
import type { ResolvedPaginateOptions } from './pagination-options.js';
import { readJsonBody } from './read-json-body.js';

/** One page: where it came from, what came back (its body as text and read as JSON), and its items. */
export interface Page {
  readonly request: HttpRequest;
  readonly response: ReceivedResponse;
  readonly body: unknown;
  readonly items: readonly unknown[];
}

/**
 * Iterates over every item of a paged collection, fetching one page at a time as the loop
 * asks for more (each page a full call: retries, auth, timeout). A next-page link to another
 * origin, a link or cursor that repeats, or an offset page that repeats the one before ends
 * the listing with an `HttpError` rather than sending credentials elsewhere or looping forever.
 *
 * @param options - resolved by `resolvePaginateOptions`, so that bad options fail when the
 *   listing is asked for, not when its first item is.
 * @returns an async iterator of the items, typed as the caller says (not checked).
 * @throws {HttpError} code `INVALID_RESPONSE` for a page without an item array, a foreign or
 *   repeating next link or cursor, an offset page equal to the one before; any error of the
 *   page requests.
 */
export async function* paginate<T>(
  http: HttpClient,
  path: string,
  options: ResolvedPaginateOptions,
): AsyncGenerator<T, void, undefined> {
  for await (const page of paginatePages(http, path, options)) yield* page.items as T[];
}

/**
 * Iterates over the pages of a paged collection, as {@link paginate} does over their items.
 * @returns an async iterator of the pages, each with its request and response.
 * @throws the errors of {@link paginate}.
 */
export async function* paginatePages(
  http: HttpClient,
  path: string,
  options: ResolvedPaginateOptions,
): AsyncGenerator<Page, void, undefined> {
  const correlationId = options.correlationId ?? http.options.correlationId();
  const fetchPage = async (url: string): Promise<Page> => {
    const init = {
      headers: options.headers,
      correlationId,
      signal: options.signal,
      accept: 'application/json',
    };
    const request = createHttpRequest(http.options, 'GET', url, init);
    const sent = await http.send(request);
    // Sent with the default response type: the body is text.
    const response: ReceivedResponse = { ...sent, body: sent.body as string };
    const body = readJsonBody(request, response, http.redactor);
    if (typeof body === 'string') throw invalidPage(http, { request, response }, 'the page is not JSON');
    const items = options.items(body);
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
        yield page;
        const next = nextLinkOf(http, page);
        if (next === undefined) return;
        url = once(page, next);
      }
    }
    case 'cursor': {
      let cursor: string | undefined;
      do {
        const params =
          cursor === undefined ? options.params : { ...options.params, [options.cursorParam]: cursor };
        const page = await fetchPage(buildUrl(http.options.baseURL, path, params));
        yield page;
        const next = options.nextCursor(page.body);
        cursor = next === undefined || next === null || next === '' ? undefined : once(page, String(next));
      } while (cursor !== undefined);
      return;
    }
    case 'offset': {
      const { limit, offsetParam, limitParam } = options;
      let previous: string | undefined;
      for (let offset = 0; ; ) {
        const params = { ...options.params, [offsetParam]: offset, [limitParam]: limit };
        const page = await fetchPage(buildUrl(http.options.baseURL, path, params));
        if (page.items.length === 0) return;
        // A server that ignores the offset sends the first page for ever: stop at the first repeat.
        const written = fingerprint(page.items);
        if (written !== undefined && written === previous)
          throw invalidPage(http, page, 'the server ignores the offset parameter');
        previous = written;
        yield page;
        offset += page.items.length;
      }
    }
  }
}

/** The items as JSON, to compare pages; undefined when a custom `items` reader returned something JSON cannot write. */
function fingerprint(items: readonly unknown[]): string | undefined {
  try {
    return JSON.stringify(items);
  } catch {
    return undefined;
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

function invalidPage(http: HttpClient, page: Pick<Page, 'request' | 'response'>, problem: string): HttpError {
  return createHttpError(page.request, page.response, http.redactor, 'INVALID_RESPONSE', problem);
}
