import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { describeInput } from '../internal/describe-input.js';
import { canonicalObjects } from '../model/canonical-objects.js';
import { validate } from '../validate/validate.js';
import { checkEventData } from './check-event-data.js';
import { CloudEventEnvelope, type MillwrightEvent } from './cloud-event.js';
import { copyJsonValue } from './copy-json-value.js';
import { type EventData, type EventType, eventCatalog } from './event-catalog.js';

/** Options of {@link createEvent}. */
export interface CreateEventOptions {
  /**
   * A URI-reference naming the producer, e.g. `/plants/DE01/mes` or `urn:sap:s4:prd:100`.
   * Consumers de-duplicate on `source` + `id`.
   */
  readonly source: string;
  /** The object the event is about. @default the `id` of the data */
  readonly subject?: string;
  /** The correlation id of the business flow, carried as the `correlationid` extension. */
  readonly correlationId?: string;
  /** The event id; pass a stable one when a re-send must be recognised as the same event. @default a random UUID */
  readonly id?: string;
  /** When the happening occurred, RFC 3339 with offset. @default now, in UTC */
  readonly time?: string;
}

/** Each option and the event attribute it sets, for issue paths. */
const OPTION_ATTRIBUTES = {
  source: 'source',
  subject: 'subject',
  correlationId: 'correlationid',
  id: 'id',
  time: 'time',
} as const satisfies Record<keyof CreateEventOptions, string>;

/** The options, each read once; an option that cannot be read is an issue at its attribute. */
function readOptions(
  options: unknown,
  issues: ValidationIssue[],
): Partial<Record<keyof CreateEventOptions, unknown>> {
  const read: Partial<Record<keyof CreateEventOptions, unknown>> = {};
  if (options === undefined || options === null) return read;
  for (const [option, attribute] of Object.entries(OPTION_ATTRIBUTES) as [
    keyof CreateEventOptions,
    string,
  ][]) {
    try {
      read[option] = (options as Record<string, unknown>)[option];
    } catch {
      issues.push({
        path: `/${attribute}`,
        code: 'invalid_input',
        message: `the ${option} option could not be read`,
      });
    }
  }
  return read;
}

/**
 * Wraps a canonical object in a CloudEvents 1.0 structured-mode event of the given type, after
 * validating it against the type's schema and rule (a `workorder.released` event must carry a
 * work order whose status is `released`). The data is copied first, each property read once, and
 * the copy is what is checked and carried: the event holds exactly what was validated, as JSON
 * will carry it (a Date, Map or class instance anywhere in the data is refused, since JSON would
 * turn it into something else).
 *
 * @returns the event, ready for `JSON.stringify` and any broker (`application/cloudevents+json`).
 * @throws {ValidationError} when the data or an option is invalid or cannot be read; issue paths
 *   point into the event, e.g. `/data/quantity/value` or `/source`.
 * @example
 * const event = createEvent('millwright.workorder.released.v1', workOrder, {
 *   source: '/plants/DE01/sap-s4', correlationId: requestId,
 * });
 * await channel.publish('millwright', event.type, Buffer.from(JSON.stringify(event)));
 */
export function createEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  options: CreateEventOptions,
): MillwrightEvent<T> {
  if (typeof type !== 'string' || !Object.hasOwn(eventCatalog, type)) {
    throw new ValidationError([
      { path: '/type', code: 'invalid_value', message: `unknown event type ${describeInput(type)}` },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const { source, subject, correlationId, id, time } = readOptions(options, issues);
  const copy = copyJsonValue(data);
  if (!copy.ok) for (const issue of copy.issues) issues.push({ ...issue, path: `/data${issue.path}` });
  if (issues.length > 0 || !copy.ok) throw new ValidationError(issues, { schema: type });
  const definition: { readonly object: keyof typeof canonicalObjects } = eventCatalog[type];
  const checked = copy.value as EventData<T>;
  issues.push(...checkEventData(type, checked));
  const dataId =
    typeof checked === 'object' && checked !== null ? (checked as { readonly id?: unknown }).id : undefined;
  const event = {
    specversion: '1.0' as const,
    id: (id ?? globalThis.crypto.randomUUID()) as string,
    source: source as string,
    type,
    time: (time ?? new Date().toISOString()) as string,
    datacontenttype: 'application/json' as const,
    dataschema: canonicalObjects[definition.object].schemaId,
    ...(subject !== undefined
      ? { subject: subject as string }
      : typeof dataId === 'string'
        ? { subject: dataId }
        : {}),
    ...(correlationId !== undefined ? { correlationid: correlationId as string } : {}),
    data: checked,
  };
  const envelope = validate(CloudEventEnvelope, event);
  if (!envelope.ok) issues.unshift(...envelope.issues);
  if (issues.length > 0) throw new ValidationError(issues, { schema: type });
  return event;
}
