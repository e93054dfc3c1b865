import type { z } from 'zod';
import { MappingError } from '../../src/errors/mapping-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { canonicalObjects } from '../../src/model/canonical-objects.js';
import { validate } from '../../src/validate/validate.js';
import {
  type PaginateOptions,
  type ResolvedPaginateOptions,
  resolvePaginateOptions,
} from './pagination-options.js';
import type { BodyRequestOptions, RequestOptions } from './rest-client-options.js';

/**
 * How a REST collection maps to a canonical object.
 * @example
 * const options: ResourceOptions<typeof ProductionConfirmation> = {
 *   schema: ProductionConfirmation,
 *   fromCanonical: (c) => ({ confNo: c.id, order: c.workOrder, good: c.yield.value }),
 *   toCanonical: (r) => mesToCanonical(r as MesConfirmation),
 * };
 */
export interface ResourceOptions<S extends z.ZodType> {
  /** The schema every object is checked against both ways, e.g. `WorkOrder`. */
  readonly schema: S;
  /** Maps a record of the API to the canonical shape, before it is validated. @default the record as it is */
  readonly toCanonical?: (record: unknown) => unknown;
  /** Maps a validated canonical object to the API's record. @default the object as it is */
  readonly fromCanonical?: (object: z.output<S>) => unknown;
  /** How `list()` pages through the collection. @default { style: 'link' } (a plain array is one page) */
  readonly pagination?: PaginateOptions;
}

/**
 * A REST collection of canonical objects (`/workorders`, `/confirmations`). Objects are
 * validated BEFORE they are sent, so nothing invalid leaves the process, and AFTER they are
 * received, so nothing invalid is passed on: both fail with a `ValidationError` whose issues
 * carry JSON Pointer paths into the canonical object (`/yield/value`).
 * @example
 * const orders = mes.resource('/workorders', { schema: WorkOrder, pagination: { style: 'cursor' } });
 * const order = await orders.get('000001004711');
 * for await (const released of orders.list({ params: { status: 'released' } })) schedule(released);
 */
export interface Resource<T> {
  /**
   * POSTs a new object (with an `Idempotency-Key`, so it is retried safely).
   * @returns the object the server sent back, validated; the object sent when the response has
   *   no JSON body (none, or a text such as `Created`: the server accepted it).
   */
  create(object: T, options?: BodyRequestOptions): Promise<T>;
  /**
   * GETs `path/id` (the id percent-encoded).
   * @returns the object, validated.
   * @throws {ValidationError} before sending, for an id that is not a string, is empty, or is
   *   `.` or `..` (which would name the collection or its parent, not an item).
   */
  get(id: string, options?: RequestOptions): Promise<T>;
  /**
   * PUTs the object to `path/id`; the id is checked as by {@link Resource.get}.
   * @returns the object the server sent back, validated; the object sent when the response has
   *   no JSON body.
   */
  update(id: string, object: T, options?: RequestOptions): Promise<T>;
  /** Iterates over the whole collection, page by page, each object validated. */
  list(options?: RequestOptions): AsyncIterableIterator<T>;
}

/** Where an object that fails validation came from, for its `ValidationError`. */
export interface ResponseDescription {
  /** `the response to GET <redacted URL> (correlation id …)`. */
  readonly context: string;
  /** Removes the call's credentials from a text taken from the response. */
  readonly redact: (text: string) => string;
}

/** The requests a resource sends: the REST client's own methods. */
export interface ResourceTransport {
  /**
   * Sends a JSON call.
   * @returns the body read as JSON, and a description of the response for a `ValidationError`,
   *   made only when it is needed.
   */
  request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body: unknown,
    options: BodyRequestOptions | undefined,
  ): Promise<{ readonly data: unknown; readonly describe: () => ResponseDescription }>;
  /** Lists the pages of a collection, each with a description of its response, as `request` gives. */
  pages(
    path: string,
    options: ResolvedPaginateOptions,
  ): AsyncIterableIterator<{
    readonly items: readonly unknown[];
    readonly describe: () => ResponseDescription;
  }>;
}

/**
 * Creates a {@link Resource} on a REST client.
 * @returns the resource.
 * @throws {ValidationError} for invalid `pagination` options.
 */
export function createResource<S extends z.ZodType>(
  transport: ResourceTransport,
  path: string,
  options: ResourceOptions<S>,
): Resource<z.output<S>> {
  type T = z.output<S>;
  const { schema, toCanonical, fromCanonical } = options;
  const schemaName = Object.values(canonicalObjects).find((object) => object.schema === schema)?.name;
  const pagination = resolvePaginateOptions(options.pagination ?? { style: 'link' });
  const collection = path.replace(/\/+$/, '');
  const itemPath = (id: string): string => {
    // `.` and `..` stay dot segments after percent-encoding: `orders/..` would be `GET /api/`.
    if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
      throw new ValidationError(
        [{ path: '', code: 'invalid_id', message: 'must be a non-empty string other than "." and ".."' }],
        { schema: 'resource id' },
      );
    }
    return `${collection}/${encodeURIComponent(id)}`;
  };

  /**
   * Validates an object; `describe` names the response it came in, for the error, and redacts
   * the call's credentials from the issues (a server may echo one as a key or a value).
   */
  const check = (data: unknown, describe?: () => ResponseDescription): T => {
    const result = validate(schema, data);
    if (result.ok) return result.value;
    if (describe === undefined) {
      throw new ValidationError(result.issues, schemaName === undefined ? {} : { schema: schemaName });
    }
    const { context, redact } = describe();
    const issues = result.issues.map((issue) => ({
      ...issue,
      path: redact(issue.path),
      message: redact(issue.message),
    }));
    throw new ValidationError(issues, {
      ...(schemaName === undefined ? {} : { schema: schemaName }),
      context,
    });
  };
  const map = <I, O>(mapper: ((input: I) => O) | undefined, input: I, direction: string): unknown => {
    if (mapper === undefined) return input;
    try {
      return mapper(input);
    } catch (error) {
      throw new MappingError(
        'INVALID_SOURCE_DATA',
        `${direction} failed for ${schemaName ?? 'a record'} of ${path}`,
        {},
        { cause: error },
      );
    }
  };
  const receive = (record: unknown, describe?: () => ResponseDescription): T =>
    check(map(toCanonical, record, 'toCanonical'), describe);
  const send = async (
    method: 'POST' | 'PUT',
    target: string,
    object: T,
    requestOptions?: BodyRequestOptions,
  ): Promise<T> => {
    const valid = check(object);
    const { data, describe } = await transport.request(
      method,
      target,
      map(fromCanonical, valid, 'fromCanonical'),
      requestOptions,
    );
    return data === undefined || typeof data === 'string' ? valid : receive(data, describe);
  };

  return {
    create: (object, requestOptions) => send('POST', path, object, requestOptions),
    update: async (id, object, requestOptions) => send('PUT', itemPath(id), object, requestOptions),
    get: async (id, requestOptions) => {
      const { data, describe } = await transport.request('GET', itemPath(id), undefined, requestOptions);
      return receive(data, describe);
    },
    async *list(requestOptions) {
      const listing: ResolvedPaginateOptions = {
        ...pagination,
        params: { ...pagination.params, ...requestOptions?.params },
        headers: { ...pagination.headers, ...requestOptions?.headers },
        correlationId: requestOptions?.correlationId ?? pagination.correlationId,
        signal: requestOptions?.signal ?? pagination.signal,
      };
      for await (const page of transport.pages(path, listing)) {
        for (const record of page.items) yield receive(record, page.describe);
      }
    },
  };
}
