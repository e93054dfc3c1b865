import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { describeInput } from '../internal/describe-input.js';
import { canonicalObjects } from '../model/canonical-objects.js';
import { validate } from '../validate/validate.js';
import { checkEventData } from './check-event-data.js';
import { type AnyMillwrightEvent, CloudEventEnvelope } from './cloud-event.js';
import { copyJsonValue } from './copy-json-value.js';
import { eventCatalog } from './event-catalog.js';
import { isUtf8, parseMediaType } from './media-type.js';

/** Options of {@link parseEvent}. */
export interface ParseEventOptions {
  /**
   * The content type the message arrived with (an AMQP `contentType`, an MQTT 5 Content Type, a
   * NATS or HTTP `Content-Type` header): structured-mode CloudEvents JSON,
   * `application/cloudevents+json` (or plain `application/json`), compared without case and
   * parameters; a charset, when named, must be UTF-8. Leave it out when the transport has none
   * (MQTT 3.1.1 implies structured mode). @default not checked
   */
  readonly contentType?: string;
}

/** Content types of a structured-mode CloudEvent in the JSON event format. */
const STRUCTURED = new Set(['application/cloudevents+json', 'application/json']);

const SCHEMA = { schema: 'CloudEvent' } as const;

function refuse(issue: ValidationIssue, cause?: unknown): never {
  throw new ValidationError([issue], { ...SCHEMA, cause });
}

/** The content type from the options, read once; refused unless it is structured-mode JSON in UTF-8. */
function checkContentType(options: ParseEventOptions | undefined): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null) {
    refuse({ path: '', code: 'invalid_type', message: 'the options of parseEvent must be an object' });
  }
  let contentType: unknown;
  try {
    contentType = (options as { readonly contentType?: unknown }).contentType;
  } catch {
    refuse({ path: '/contentType', code: 'invalid_input', message: 'the options could not be read' });
  }
  if (contentType === undefined) return;
  if (typeof contentType !== 'string') {
    refuse({
      path: '/contentType',
      code: 'invalid_type',
      message: `the content type must be a string, not ${describeInput(contentType)}`,
    });
  }
  const mediaType = parseMediaType(contentType);
  const shown = describeInput(contentType);
  if (mediaType?.essence === 'application/cloudevents-batch+json') {
    refuse({
      path: '',
      code: 'invalid_value',
      message: `the content type ${shown} is a batch of events: parse each event of the array`,
    });
  }
  if (mediaType === undefined || !STRUCTURED.has(mediaType.essence)) {
    refuse({
      path: '',
      code: 'invalid_value',
      message: `the content type ${shown} is not a structured-mode CloudEvent in JSON (application/cloudevents+json)`,
    });
  }
  if (!isUtf8(mediaType)) {
    refuse({
      path: '',
      code: 'unsupported_charset',
      message: `the content type ${shown} names a charset other than UTF-8; events are UTF-8 JSON`,
    });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of a message as text: UTF-8, a byte order mark dropped, invalid sequences refused. */
function decodeUtf8(bytes: ArrayBuffer | ArrayBufferView): string {
  try {
    // Any view's bytes (TextDecoder reads the bytes of every ArrayBuffer view, not only Uint8Array's).
    return utf8.decode(bytes as Uint8Array);
  } catch (error) {
    return refuse(
      { path: '', code: 'invalid_encoding', message: 'the event is not valid UTF-8 text' },
      error,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    return refuse({ path: '', code: 'invalid_json', message: 'the event is not valid JSON' }, error);
  }
}

/** Whether a value is an ArrayBuffer; false for a Proxy whose traps throw, which the copy then refuses. */
function isArrayBuffer(value: unknown): value is ArrayBuffer {
  try {
    return value instanceof ArrayBuffer;
  } catch {
    return false;
  }
}

/** The event as plain JSON data that nothing outside can change: parsed from text or bytes, or copied. */
function readEvent(input: unknown): unknown {
  if (typeof input === 'string') return parseJson(input);
  if (ArrayBuffer.isView(input) || isArrayBuffer(input)) return parseJson(decodeUtf8(input));
  const copy = copyJsonValue(input);
  if (!copy.ok) throw new ValidationError(copy.issues, SCHEMA);
  return copy.value;
}

/**
 * Reads a millwright event in CloudEvents 1.0 structured mode: checks the envelope, then the
 * data against the schema its type names, and returns the event typed by its `type`, with the
 * implied `datacontenttype` and `dataschema` filled in when the producer omitted them.
 *
 * `datacontenttype` is compared without case and parameters (`application/json; charset=utf-8`
 * is JSON) and returned as `application/json`. An already parsed value is copied first, each
 * property read once, and the copy is what is checked and returned: a getter that answers
 * differently on a later read cannot slip anything past the checks.
 *
 * @param input - the event as a message body: bytes (a Buffer, Uint8Array or other ArrayBuffer
 *   view, or an ArrayBuffer; UTF-8, a byte order mark is dropped), JSON text, or an already
 *   parsed value (plain objects and arrays of JSON values).
 * @param options - `contentType`: the message's content type, checked when given.
 * @returns the event; narrow it with `switch (event.type)`.
 * @throws {ValidationError} when the bytes are not UTF-8 (`invalid_encoding`), the text is not
 *   JSON (`invalid_json`), the content type is not structured-mode JSON or names another
 *   charset, a value cannot be read or is no JSON data (`invalid_input`, `invalid_type`,
 *   `circular_reference`), the envelope is not a CloudEvent of a known millwright type,
 *   `datacontenttype` is not JSON in UTF-8, `dataschema` names another schema, or the data is
 *   invalid; issue paths point into the event (`/data/components/0/quantity/value`).
 * @example
 * channel.consume(queue, (message) => {
 *   const event = parseEvent(message.content, { contentType: message.properties.contentType });
 *   if (event.type === 'millwright.quality.held.v1') blockShipping(event.data.material, event.data.lot);
 * });
 */
export function parseEvent(input: unknown, options?: ParseEventOptions): AnyMillwrightEvent {
  checkContentType(options);
  const value = readEvent(input);
  const envelope = validate(CloudEventEnvelope, value);
  if (!envelope.ok) throw new ValidationError(envelope.issues, SCHEMA);
  const { type, dataschema, data } = envelope.value;
  const issues: ValidationIssue[] = [];
  const expected = canonicalObjects[eventCatalog[type].object].schemaId;
  if (dataschema !== undefined && dataschema !== expected) {
    issues.push({
      path: '/dataschema',
      code: 'invalid_value',
      message: `a ${type} event has dataschema "${expected}", not ${describeInput(dataschema)}`,
    });
  }
  issues.push(...checkEventData(type, data));
  if (issues.length > 0) throw new ValidationError(issues, { schema: type });
  // datacontenttype and dataschema may be omitted by other producers; their values are implied.
  return {
    ...envelope.value,
    datacontenttype: 'application/json',
    dataschema: expected,
  } as AnyMillwrightEvent;
}
