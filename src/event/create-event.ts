import { ValidationError } from '../errors/validation-error.js';
import { canonicalObjects } from '../model/canonical-objects.js';
import { validate } from '../validate/validate.js';
import { checkEventData } from './check-event-data.js';
import { CloudEventEnvelope, type MillwrightEvent } from './cloud-event.js';
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

/**
 * Wraps a canonical object in a CloudEvents 1.0 structured-mode event of the given type, after
 * validating it against the type's schema and rule (a `workorder.released` event must carry a
 * work order whose status is `released`).
 *
 * @returns the event, ready for `JSON.stringify` and any broker (`application/cloudevents+json`).
 * @throws {ValidationError} when the data or an option is invalid; issue paths point into the
 *   event, e.g. `/data/quantity/value` or `/source`.
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
      { path: '/type', code: 'invalid_value', message: `unknown event type "${String(type)}"` },
    ]);
  }
  const { source, subject, correlationId, id, time } = options ?? ({} as Partial<CreateEventOptions>);
  const definition: { readonly object: keyof typeof canonicalObjects } = eventCatalog[type];
  const issues = checkEventData(type, data);
  const dataId =
    typeof data === 'object' && data !== null ? (data as { readonly id?: unknown }).id : undefined;
  const event = {
    specversion: '1.0' as const,
    id: id ?? globalThis.crypto.randomUUID(),
    source: source as string,
    type,
    time: time ?? new Date().toISOString(),
    datacontenttype: 'application/json' as const,
    dataschema: canonicalObjects[definition.object].schemaId,
    ...(subject !== undefined ? { subject } : typeof dataId === 'string' ? { subject: dataId } : {}),
    ...(correlationId !== undefined ? { correlationid: correlationId } : {}),
    data,
  };
  const envelope = validate(CloudEventEnvelope, event);
  if (!envelope.ok) issues.unshift(...envelope.issues);
  if (issues.length > 0) throw new ValidationError(issues, { schema: type });
  return event;
}
