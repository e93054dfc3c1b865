import type { Readable } from 'node:stream';
import { types } from 'node:util';
import { ValidationError, type ValidationIssue } from '../../../src/errors/validation-error.js';
import { copyJsonValue } from '../../../src/event/copy-json-value.js';
import { type HttpRequestBody, isStreamBody } from '../http-request.js';
import { JSON_MEDIA_TYPE } from '../json-media-type.js';

/** A body ready to send, and the content type it goes out with (undefined: none). */
export interface EncodedBody {
  readonly body: HttpRequestBody | undefined;
  readonly contentType: string | undefined;
}

/**
 * Turns what a caller passes as a request body into what is sent, and picks its content type:
 * the caller's when given (per call, else client-wide), otherwise the one that says what the
 * body is.
 * - no body (`undefined`): nothing is sent and no content type is added;
 * - a string: sent as it is, as UTF-8 (`text/plain; charset=utf-8`);
 * - bytes (a Buffer, Uint8Array or other ArrayBuffer view, an ArrayBuffer): sent as they are,
 *   without a copy (`application/octet-stream`);
 * - a Readable stream: sent as it is read, chunked (`application/octet-stream`); it can be sent
 *   only once;
 * - URLSearchParams: a form (`application/x-www-form-urlencoded; charset=utf-8`);
 * - a plain object, an array, a finite number, a boolean or `null`: JSON (`application/json`);
 *   a caller's content type must then be a JSON type (`application/json`,
 *   `application/merge-patch+json`, `application/cloudevents+json`…). The value is read once,
 *   at any depth, into a copy of plain data, and that copy is what is sent. A property whose
 *   value is `undefined` is left out, as JSON.stringify does.
 *
 *
 * @param body - the caller's body.
 * @param contentType - the caller's `content-type`, if any.
 * @returns the body to send and its content type.
 * @throws {ValidationError} before anything is sent, issue code `invalid_body`: at
 *   `/headers/content-type` for an object with a content type that is not JSON (serialise it
 *   yourself and pass a string or bytes); at `/body` for a body JSON cannot carry as it is (a
 *   Map, Set, Error, Promise, function, symbol, bigint, `NaN` or `Infinity`, a Date or other
 *   class instance, a web stream, Blob or FormData, a body that cannot be read); and at the
 *   JSON Pointer below `/body` of the first such value nested in an object or array (e.g.
 *   `/body/lines/1/qty` for a `NaN`), or of the place where a cycle closes.
 * @example
 * encodeRequestBody({ status: 'on-hold' }, 'application/merge-patch+json');
 * // { body: '{"status":"on-hold"}', contentType: 'application/merge-patch+json' }
 */
export function encodeRequestBody(body: unknown, contentType: string | undefined): EncodedBody {
  if (body === undefined) return { body: undefined, contentType };
  if (typeof body === 'string') return { body, contentType: contentType ?? 'text/plain; charset=utf-8' };
  let kind: 'bytes' | 'array-buffer' | 'stream' | 'form' | 'json' | 'other';
  try {
    kind = classify(body);
  } catch (error) {
    // A Proxy whose traps throw, or a getter that does.
    throw invalid('/body', 'could not be read', error);
  }
  switch (kind) {
    case 'bytes': {
      const view = body as ArrayBufferView;
      return {
        body: Buffer.from(view.buffer, view.byteOffset, view.byteLength),
        contentType: octets(contentType),
      };
    }
    case 'array-buffer':
      return { body: Buffer.from(body as ArrayBuffer), contentType: octets(contentType) };
    case 'stream':
      return { body: body as Readable, contentType: octets(contentType) };
    case 'form':
      return {
        body: (body as URLSearchParams).toString(),
        contentType: contentType ?? 'application/x-www-form-urlencoded; charset=utf-8',
      };
    case 'json':
      return { body: serializeJson(body, contentType), contentType: contentType ?? 'application/json' };
    default:
      throw invalid('/body', 'must be a string, bytes, a Readable stream, URLSearchParams or a JSON value');
  }
}

function classify(body: unknown): 'bytes' | 'array-buffer' | 'stream' | 'form' | 'json' | 'other' {
  if (ArrayBuffer.isView(body)) return 'bytes';
  if (types.isAnyArrayBuffer(body)) return 'array-buffer';
  if (isStreamBody(body)) return 'stream';
  if (!types.isProxy(body) && body instanceof URLSearchParams) return 'form';
  return isJsonValue(body) ? 'json' : 'other';
}

/** The body read once into plain JSON data (see copyJsonValue), written as JSON. */
function serializeJson(body: unknown, contentType: string | undefined): string {
  if (contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType)) {
    throw invalid(
      '/headers/content-type',
      'an object body is sent as JSON, so the content type must be a JSON type; pass a string or bytes for any other',
    );
  }
  const copy = copyJsonValue(body);
  if (!copy.ok) {
    const [issue] = copy.issues as [ValidationIssue];
    throw invalid(`/body${issue.path}`, issue.message);
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(copy.value);
  } catch {
    // Only a string too long for V8 gets here; reported below, without the value.
  }
  if (json === undefined) throw invalid('/body', 'cannot be serialised as JSON');
  return json;
}

function octets(contentType: string | undefined): string {
  return contentType ?? 'application/octet-stream';
}

/**
 * Whether the body is sent as JSON: a value that is JSON at its top level, or an object with
 * `toJSON` (a Date), which the reading as JSON data then refuses with a message saying why;
 * not a Map written as `{}`, nor `NaN` as `null`.
 */
function isJsonValue(body: unknown): boolean {
  switch (typeof body) {
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(body);
    case 'object':
      return (
        body === null ||
        Array.isArray(body) ||
        Object.prototype.toString.call(body) === '[object Object]' ||
        typeof (body as { toJSON?: unknown }).toJSON === 'function'
      );
    default:
      return false;
  }
}

function invalid(path: string, message: string, cause?: unknown): ValidationError {
  return new ValidationError([{ path, code: 'invalid_body', message }], { schema: 'request', cause });
}
