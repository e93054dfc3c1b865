// client.paginate against a real server: Link headers, cursors and offsets, and the guards
// against foreign links and pages that repeat.
import { HttpError, ValidationError, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../support/catch-error.js';
import { sendJson } from './helpers/start-http-server.js';
import { useRestServer } from './helpers/use-rest-server.js';

const ITEMS = Array.from({ length: 23 }, (_, i) => ({ n: i }));
const fixture = useRestServer({ retry: { attempts: 2, baseDelayMs: 1 } });
const { start } = fixture;

/** The error that ends a listing; fails the test when the listing ends without one. */
async function listingError(iterator: AsyncIterable<unknown>): Promise<HttpError> {
  try {
    await collect(iterator);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    return error as HttpError;
  }
  throw new Error('expected the listing to fail');
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe('paginate', () => {
  it("follows Link rel=next (relative and absolute) and keeps the first page's parameters", async () => {
    const { client, server } = await start((request, response) => {
      const url = new URL(request.url, 'http://x');
      const page = Number(url.searchParams.get('page') ?? '1');
      const next = page * 10 < ITEMS.length ? page + 1 : undefined;
      const link =
        next === undefined
          ? '<https://example.invalid/first>; rel="first"'
          : page === 1
            ? `</api/items?page=${next}&plant=DE%2001>; rel="next"`
            : `<${fixture.server?.url}/api/items?page=${next}&plant=DE%2001>; rel="last next"`;
      sendJson(response, 200, ITEMS.slice((page - 1) * 10, page * 10), { link });
    });
    expect(await collect(client.paginate('/items', { style: 'link', params: { plant: 'DE 01' } }))).toEqual(
      ITEMS,
    );
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/items?plant=DE%2001',
      '/api/items?page=2&plant=DE%2001',
      '/api/items?page=3&plant=DE%2001',
    ]);
  });

  it('passes cursors until a page has none, reading items from an envelope', async () => {
    const { client, server } = await start((request, response) => {
      const cursor = Number(new URL(request.url, 'http://x').searchParams.get('after') ?? '0');
      const data = ITEMS.slice(cursor, cursor + 7);
      sendJson(response, 200, { data, nextCursor: cursor + 7 < ITEMS.length ? String(cursor + 7) : null });
    });
    const items = await collect(client.paginate('/items', { style: 'cursor', cursorParam: 'after' }));
    expect(items).toEqual(ITEMS);
    expect(server.requests).toHaveLength(4);
  });

  it('uses a custom item and cursor reader', async () => {
    const { client } = await start((request, response) => {
      const token = new URL(request.url, 'http://x').searchParams.get('cursor');
      sendJson(
        response,
        200,
        token === null ? { rows: [1, 2], meta: { next: 'b' } } : { rows: [3], meta: {} },
      );
    });
    const items = await collect(
      client.paginate('/rows', {
        style: 'cursor',
        items: (page) => (page as { rows: number[] }).rows,
        nextCursor: (page) => (page as { meta: { next?: string } }).meta.next,
      }),
    );
    expect(items).toEqual([1, 2, 3]);
  });

  it('walks offsets until an empty page, even when the server caps the page size', async () => {
    const { client, server } = await start((request, response) => {
      const params = new URL(request.url, 'http://x').searchParams;
      const offset = Number(params.get('skip'));
      const limit = Math.min(Number(params.get('top')), 5); // the server sends at most 5
      sendJson(response, 200, { value: ITEMS.slice(offset, offset + limit) });
    });
    const items = await collect(
      client.paginate('/items', { style: 'offset', offsetParam: 'skip', limitParam: 'top', limit: 10 }),
    );
    expect(items).toEqual(ITEMS);
    expect(server.requests.at(-1)?.url).toBe('/api/items?skip=23&top=10');
  });

  it('fetches pages only as the loop asks for them', async () => {
    const { client, server } = await start((request, response) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? '1');
      sendJson(response, 200, [page], { link: `</api/items?page=${page + 1}>; rel="next"` });
    });
    for await (const item of client.paginate<number>('/items', { style: 'link' })) if (item === 3) break;
    expect(server.requests).toHaveLength(3);
  });

  it('refuses a next link to another origin', async () => {
    const { client } = await start((_request, response) =>
      sendJson(response, 200, [1], { link: '<https://collector.example/steal?page=2>; rel="next"' }),
    );
    const error = await listingError(client.paginate('/items', { style: 'link' }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('another origin');
  });

  it('stops a cursor or link that repeats instead of looping forever', async () => {
    const { client } = await start((_request, response) =>
      sendJson(response, 200, { items: [1], next_cursor: 'same' }),
    );
    const error = await listingError(client.paginate('/items', { style: 'cursor' }));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('repeats');
  });

  it('rejects a page without an item array', async () => {
    const { client } = await start((_request, response) => sendJson(response, 200, { total: 3 }));
    const error = await listingError(client.paginate('/items', { style: 'link' }));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.body).toBe('{"total":3}');
  });

  it('shares one correlation id across the pages of one listing', async () => {
    const { client, server } = await start((request, response) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page') ?? '1');
      sendJson(response, 200, [page], page < 3 ? { link: `</api/items?page=${page + 1}>; rel="next"` } : {});
    });
    await collect(client.paginate('/items', { style: 'link' }));
    expect(new Set(server.requests.map((r) => r.headers['x-correlation-id'])).size).toBe(1);
    expect(new Set(server.requests.map((r) => r.headers.traceparent)).size).toBe(3);
  });

  it('stops an offset listing whose server ignores the offset, instead of looping forever', async () => {
    // Took 1000 requests and yielded 3000 items before: the same page came back each time.
    const { client, server } = await start((_request, response) => sendJson(response, 200, [1, 2, 3]));
    const error = await listingError(client.paginate('/items', { style: 'offset', limit: 3 }));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('the server ignores the offset parameter');
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/items?offset=0&limit=3',
      '/api/items?offset=3&limit=3',
    ]);
  });

  it('refuses an unknown style or a bad limit at once, with JSON Pointer paths, before any request', async () => {
    const { client, server } = await start((_request, response) => sendJson(response, 200, []));
    const pathsOf = (options: unknown) =>
      catchError(ValidationError, () => client.paginate('/items', options as never)).issues.map(
        (issue) => issue.path,
      );
    expect(pathsOf({ style: 'pages' })).toEqual(['/style']);
    expect(pathsOf({ style: 'offset', limit: -5 })).toEqual(['/limit']);
    expect(pathsOf({ style: 'offset', limit: 2.5, offsetParam: '' })).toEqual(['/limit', '/offsetParam']);
    expect(pathsOf({ style: 'cursor', nextCursor: 'next', cursorParam: 7 })).toEqual([
      '/nextCursor',
      '/cursorParam',
    ]);
    expect(pathsOf({ style: 'link', items: [], params: 'a=1' })).toEqual(['/params', '/items']);
    expect(pathsOf(null)).toEqual(['']);
    expect(() =>
      client.resource('/items', { schema: WorkOrder, pagination: { style: 'next' as never } }),
    ).toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
