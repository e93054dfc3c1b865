import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { canonicalObjects } from '../model/canonical-objects.js';
import { validate } from '../validate/validate.js';
import { checkEventData } from './check-event-data.js';
import { type AnyMillwrightEvent, CloudEventEnvelope } from './cloud-event.js';
import { eventCatalog } from './event-catalog.js';

/**
 * Reads a millwright event in CloudEvents 1.0 structured mode: checks the envelope, then the
 * data against the schema its type names, and returns the event typed by its `type`, with the
 * implied `datacontenttype` and `dataschema` filled in when the producer omitted them.
 *
 * @param json - the event as JSON text, or as an already parsed value.
 * @returns the event; narrow it with `switch (event.type)`.
 * @throws {ValidationError} when the text is not JSON, the envelope is not a CloudEvent of a
 *   known millwright type, `dataschema` names another schema, or the data is invalid; issue
 *   paths point into the event (`/data/components/0/quantity/value`).
 * @example
 * const event = parseEvent(message.content.toString());
 * if (event.type === 'millwright.quality.held.v1') await blockShipping(event.data.material, event.data.lot);
 */
export function parseEvent(json: unknown): AnyMillwrightEvent {
  const value = typeof json === 'string' ? parseJson(json) : json;
  const envelope = validate(CloudEventEnvelope, value);
  if (!envelope.ok) throw new ValidationError(envelope.issues, { schema: 'CloudEvent' });
  const { type, dataschema, data } = envelope.value;
  const issues: ValidationIssue[] = [];
  const expected = canonicalObjects[eventCatalog[type].object].schemaId;
  if (dataschema !== undefined && dataschema !== expected) {
    issues.push({
      path: '/dataschema',
      code: 'invalid_value',
      message: `a ${type} event has dataschema "${expected}", not "${dataschema}"`,
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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError([{ path: '', code: 'invalid_json', message: 'the event is not valid JSON' }], {
      schema: 'CloudEvent',
      cause: error,
    });
  }
}
