import { z } from 'zod';
import { Identifier, Timestamp } from '../model/common.js';
import { type EventData, type EventType, eventTypes } from './event-catalog.js';
import { isUtf8, parseMediaType } from './media-type.js';

/** CloudEvents extension attribute names: lowercase letters and digits, at most 20 (CloudEvents 1.0). */
const EXTENSION_NAME = /^[a-z0-9]{1,20}$/;

/**
 * The CloudEvents 1.0 structured-mode envelope of a millwright event, without its data. Other
 * extension attributes (`traceparent`, `partitionkey`...) are allowed, as the specification
 * requires, when their names are valid.
 * @example
 * validate(CloudEventEnvelope, JSON.parse(message)).ok; // the envelope only; parseEvent also checks data
 */
export const CloudEventEnvelope = z
  .looseObject({
    specversion: z.literal('1.0').describe('The CloudEvents version.'),
    id: Identifier.describe('Unique per source; a re-sent event keeps its id so consumers can de-duplicate.'),
    source: z
      .string()
      .min(1)
      .describe('A URI-reference naming the producer, e.g. /plants/DE01/mes or urn:sap:s4:prd:100.'),
    type: z.enum(eventTypes as [EventType, ...EventType[]]).describe('The millwright event type.'),
    time: Timestamp.optional().describe('When the happening occurred.'),
    datacontenttype: z
      .string()
      .refine((text) => parseMediaType(text)?.essence === 'application/json', {
        message: 'datacontenttype must be application/json (parameters such as charset=utf-8 are allowed)',
        params: { code: 'invalid_value' },
      })
      .refine(
        (text) => {
          const mediaType = parseMediaType(text);
          return mediaType === undefined || isUtf8(mediaType);
        },
        {
          message: 'datacontenttype names a charset other than UTF-8; event data is UTF-8 JSON',
          params: { code: 'unsupported_charset' },
        },
      )
      .meta({
        // The shape only: JSON Schema patterns have no flags, hence the letter classes.
        pattern: '^[ \\t]*[Aa][Pp][Pp][Ll][Ii][Cc][Aa][Tt][Ii][Oo][Nn]/[Jj][Ss][Oo][Nn][ \\t]*(;.*)?$',
        description:
          'application/json, compared without case; parameters are allowed, and a charset must be UTF-8.',
      })
      .optional(),
    dataschema: z.string().min(1).optional().describe('The $id of the JSON Schema of data.'),
    subject: Identifier.optional().describe(
      'The id of the object the event is about, e.g. the work order number.',
    ),
    correlationid: Identifier.optional().describe('Ties together the events and calls of one business flow.'),
    data: z.unknown(),
  })
  .refine((envelope) => Object.keys(envelope).every((name) => EXTENSION_NAME.test(name)), {
    message: 'CloudEvents attribute names are lowercase letters and digits, at most 20',
    params: { code: 'invalid_attribute_name' },
  });

/**
 * A millwright event in CloudEvents 1.0 structured mode (`application/cloudevents+json`).
 * `correlationid` is the CloudEvents correlation extension; `dataschema` is the `$id` of the
 * JSON Schema of `data`.
 */
export interface MillwrightEvent<T extends EventType = EventType> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: T;
  /** When the happening occurred; always set by createEvent, optional in events from elsewhere. */
  readonly time?: string;
  /** Always `application/json`: parseEvent normalises `application/json; charset=utf-8` and other spellings. */
  readonly datacontenttype: 'application/json';
  readonly dataschema: string;
  readonly subject?: string;
  readonly correlationid?: string;
  readonly data: EventData<T>;
}

/** Any millwright event, discriminated by `type`: `if (event.type === 'millwright.workorder.released.v1')`. */
export type AnyMillwrightEvent = { [T in EventType]: MillwrightEvent<T> }[EventType];
