import fc from 'fast-check';
import {
  type AnyMillwrightEvent,
  type canonicalObjects,
  createEvent,
  type EventType,
  eventCatalog,
  eventTypes,
  parseEvent,
  ValidationError,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import * as samples from '../../examples/sample-records.js';
import {
  type Hostility,
  hostileAt,
  hostility,
  makeHostile,
  objectPaths,
  resultOrError,
  revokedProxy,
  thrownValue,
} from '../support/hostile-values.js';

const source = '/plants/DE01/mes';

/** A sample record that meets the rule of the event type. */
function dataFor(type: EventType): Record<string, unknown> {
  const definition: {
    object: keyof typeof canonicalObjects;
    rule?: { field: string; values?: readonly string[]; present?: boolean };
  } = eventCatalog[type];
  const data = structuredClone(samples.sampleRecords[definition.object]) as Record<string, unknown>;
  const rule = definition.rule;
  if (rule?.values !== undefined) data[rule.field] = rule.values[0];
  if (rule?.present === true) data[rule.field] = 'CONF-0001';
  if (data['kind'] === 'disposition') data['disposition'] = 'rework';
  return data;
}

/** What a changing getter answers after its first read: anything, and values that look almost right. */
const later = fc.oneof(
  fc.anything().map((value) => () => value),
  fc
    .constantFrom('exploded', '', -1, null, {}, [], '1.0', 'millwright.quality.held.v1', Symbol('x'))
    .map((value) => () => value),
  fc.constant(revokedProxy),
);

/**
 * An event that was accepted is plain JSON data that reads back to itself, and equals the event
 * the hostile input stood for (whose getters answer right on their first read). An object whose
 * only trick is an iterator stands for an empty object, so nothing is expected of it.
 */
function expectExactly(accepted: AnyMillwrightEvent | undefined, expected: unknown, how: Hostility): void {
  if (accepted === undefined) return;
  if (how.kind !== 'throwing-iterator') expect(accepted).toEqual(expected);
  expect(parseEvent(JSON.stringify(accepted))).toEqual(accepted);
}

describe('parseEvent and createEvent with hostile values (property)', () => {
  const anEvent = fc.constantFrom(...eventTypes).map((type) => ({
    type,
    data: dataFor(type),
    event: createEvent(type, dataFor(type) as never, {
      source,
      id: 'e-1',
      time: '2026-05-12T08:30:00+02:00',
    }),
  }));

  it('parseEvent reads each value once, returns what it checked, and throws nothing but ValidationError', () => {
    fc.assert(
      fc.property(anEvent, hostility(later), thrownValue, fc.nat(), (sample, how, thrown, pick) => {
        const paths = objectPaths(sample.event);
        const path = paths[pick % paths.length] as string[];
        const input = hostileAt(JSON.parse(JSON.stringify(sample.event)), path, how, thrown);
        expectExactly(
          resultOrError(ValidationError, () => parseEvent(input)),
          sample.event,
          how,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('createEvent reads its data and options once, and throws nothing but ValidationError', () => {
    fc.assert(
      fc.property(
        anEvent,
        hostility(later),
        thrownValue,
        fc.nat(),
        fc.boolean(),
        (sample, how, thrown, pick, inOptions) => {
          const options = { source, id: 'e-1', time: '2026-05-12T08:30:00+02:00' };
          const paths = objectPaths(sample.data);
          const data = inOptions
            ? sample.data
            : hostileAt(structuredClone(sample.data), paths[pick % paths.length] as string[], how, thrown);
          const given = inOptions ? makeHostile(options, how, thrown) : options;
          const created = resultOrError(ValidationError, () =>
            createEvent(sample.type, data as never, given as never),
          );
          expectExactly(created as AnyMillwrightEvent | undefined, sample.event, how);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parseEvent reads the options once, and refuses bytes of any kind with ValidationError only', () => {
    fc.assert(
      fc.property(
        anEvent,
        hostility(later),
        thrownValue,
        fc.uint8Array({ maxLength: 64 }),
        (sample, how, thrown, noise) => {
          const body = Buffer.from(JSON.stringify(sample.event));
          const options = makeHostile({ contentType: 'application/cloudevents+json' }, how, thrown);
          expectExactly(
            resultOrError(ValidationError, () => parseEvent(body, options as never)),
            sample.event,
            how,
          );
          resultOrError(ValidationError, () =>
            parseEvent(Buffer.concat([body.subarray(0, noise.length), noise])),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
});
