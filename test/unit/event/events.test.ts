import { readFileSync } from 'node:fs';
import { Ajv as AjvDraft7 } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import {
  type AnyMillwrightEvent,
  canonicalObjects,
  createEvent,
  eventCatalog,
  eventTypes,
  parseEvent,
  ValidationError,
  type WorkOrder,
} from 'millwright';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as samples from '../../../examples/sample-records.js';
import { catchError } from '../../support/catch-error.js';

const addFormats = addFormatsPlugin as unknown as (ajv: AjvDraft7) => AjvDraft7;
const ajv = new AjvDraft7({ strict: false });
addFormats(ajv);
const cloudEventsSchema = ajv.compile(
  JSON.parse(
    readFileSync(new URL('../../fixtures/standards/cloudevents.schema.json', import.meta.url), 'utf8'),
  ),
);

const source = '/plants/DE01/sap-s4-prd';

/** A sample record that fits the rule of the event type. */
function dataFor(type: (typeof eventTypes)[number]): Record<string, unknown> {
  const definition: {
    object: keyof typeof canonicalObjects;
    rule?: { field: string; values?: readonly string[]; present?: boolean };
  } = eventCatalog[type];
  const base = samples.sampleRecords[definition.object] as Record<string, unknown>;
  const data = structuredClone(base);
  const rule = definition.rule;
  if (rule?.values !== undefined) data[rule.field] = rule.values[0];
  if (rule?.present === true) data[rule.field] = 'CONF-0001';
  if (data['kind'] === 'disposition') data['disposition'] = 'rework';
  return data;
}

describe('the event catalogue', () => {
  it('names every type millwright.<object>.<happening>.v<major>', () => {
    for (const type of eventTypes) expect(type).toMatch(/^millwright\.[a-z]+\.[a-z]+\.v[1-9][0-9]*$/);
  });

  it('has the events every plant needs, for all eight objects', () => {
    for (const happening of [
      'workorder.released',
      'workorder.completed',
      'production.confirmed',
      'inventory.moved',
      'quality.held',
      'quality.released',
      'lot.changed',
      'material.changed',
      'bom.changed',
      'routing.changed',
    ]) {
      expect(eventTypes).toContain(`millwright.${happening}.v1`);
    }
    const objects = new Set(Object.values(eventCatalog).map((definition) => definition.object));
    expect([...objects].sort()).toEqual(Object.keys(canonicalObjects).sort());
  });
});

describe('createEvent', () => {
  it('makes a CloudEvents 1.0 structured-mode event that the CloudEvents JSON Schema accepts', () => {
    const event = createEvent('millwright.workorder.released.v1', samples.workOrder, {
      source,
      correlationId: 'flow-42',
    });
    expect(cloudEventsSchema(event)).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      source,
      type: 'millwright.workorder.released.v1',
      datacontenttype: 'application/json',
      dataschema: 'https://millwright.dev/schemas/v1/work-order.json',
      subject: samples.workOrder.id,
      correlationid: 'flow-42',
      data: samples.workOrder,
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(event.time ?? '')).not.toBeNaN();
  });

  it('keeps an explicit id, time and subject, for re-sends that must be recognised', () => {
    const event = createEvent('millwright.lot.changed.v1', samples.materialLot, {
      source,
      id: 'lot-0000081234-v3',
      time: '2026-05-13T15:10:00+02:00',
      subject: 'FG-4711/0000081234',
    });
    expect(event).toMatchObject({
      id: 'lot-0000081234-v3',
      time: '2026-05-13T15:10:00+02:00',
      subject: 'FG-4711/0000081234',
    });
  });

  it('refuses invalid data, with pointers into the event', () => {
    const bad = { ...samples.workOrder, quantity: { value: '-3', unit: 'H87' } };
    expect(() => createEvent('millwright.workorder.released.v1', bad, { source })).toThrow(ValidationError);
    try {
      createEvent('millwright.workorder.released.v1', bad, { source: '' });
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        '/source',
        '/data/quantity/value',
      ]);
    }
  });

  it('refuses data whose state contradicts the event type', () => {
    const attempt = () => createEvent('millwright.workorder.completed.v1', samples.workOrder, { source });
    expect(attempt).toThrow(
      /\/data\/status: a millwright.workorder.completed.v1 event carries status "completed"/,
    );
    expect(() =>
      createEvent('millwright.production.reversed.v1', samples.productionConfirmation, { source }),
    ).toThrow(/reverses/);
    expect(() => createEvent('millwright.quality.held.v1', samples.qualityEvent, { source })).toThrow(
      /kind "hold"/,
    );
  });

  it('refuses bad arguments with a ValidationError, never a TypeError', () => {
    for (const type of ['toString', '__proto__', 'constructor']) {
      expect(() => createEvent(type as never, samples.workOrder as never, { source })).toThrow(
        ValidationError,
      );
    }
    expect(() => createEvent('millwright.material.changed.v1', null as never, { source })).toThrow(
      ValidationError,
    );
    expect(() => createEvent('millwright.material.changed.v1', samples.material, undefined as never)).toThrow(
      /\/source/,
    );
  });

  it('refuses an unknown event type', () => {
    expect(() =>
      createEvent('millwright.workorder.exploded.v1' as never, samples.workOrder as never, { source }),
    ).toThrow(/unknown event type/);
  });
});

describe('parseEvent', () => {
  it.each(eventTypes)('round-trips %s through JSON', (type) => {
    const event = createEvent(type, dataFor(type) as never, { source, correlationId: 'c-1' });
    const parsed = parseEvent(JSON.stringify(event));
    expect(parsed).toEqual(event);
    expect(cloudEventsSchema(parsed)).toBe(true);
  });

  it('narrows the data type by the event type', () => {
    const event = parseEvent(
      JSON.stringify(createEvent('millwright.workorder.released.v1', samples.workOrder, { source })),
    );
    expectTypeOf(event).toEqualTypeOf<AnyMillwrightEvent>();
    if (event.type === 'millwright.workorder.released.v1') {
      expectTypeOf(event.data).toEqualTypeOf<WorkOrder>();
      expect(event.data.status).toBe('released');
    } else {
      throw new Error('wrong type');
    }
  });

  it('accepts other extension attributes and events from producers that omit optional attributes', () => {
    const event = {
      specversion: '1.0',
      id: 'x-1',
      source: 'urn:mes:de01',
      type: 'millwright.inventory.moved.v1',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: samples.inventoryMovement,
    };
    expect(parseEvent(event)).toEqual({
      ...event,
      datacontenttype: 'application/json',
      dataschema: 'https://millwright.dev/schemas/v1/inventory-movement.json',
    });
  });

  const valid = createEvent('millwright.quality.inspected.v1', samples.qualityEvent, { source });
  const rejections: readonly [string, unknown, string, string][] = [
    ['text that is not JSON', '{"specversion":', '', 'invalid_json'],
    ['a missing specversion', { ...valid, specversion: undefined }, '/specversion', 'invalid_value'],
    ['another CloudEvents version', { ...valid, specversion: '0.3' }, '/specversion', 'invalid_value'],
    ['an unknown type', { ...valid, type: 'com.example.other' }, '/type', 'invalid_value'],
    ['an invalid extension name', { ...valid, Trace_Parent: 'x' }, '', 'invalid_attribute_name'],
    [
      'another data schema',
      { ...valid, dataschema: 'https://example.com/x.json' },
      '/dataschema',
      'invalid_value',
    ],
    [
      'invalid data',
      { ...valid, data: { ...samples.qualityEvent, occurredAt: 'yesterday' } },
      '/data/occurredAt',
      'invalid_format',
    ],
    [
      'data of another type',
      { ...valid, type: 'millwright.quality.held.v1' },
      '/data/kind',
      'event_type_mismatch',
    ],
    ['an array', [valid], '', 'invalid_type'],
  ];

  it.each(rejections)('rejects %s', (_title, input, path, code) => {
    try {
      parseEvent(typeof input === 'string' ? input : JSON.parse(JSON.stringify(input)));
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toContainEqual(expect.objectContaining({ path, code }));
    }
  });
});

describe('parseEvent: what brokers hand over', () => {
  const event = createEvent('millwright.production.confirmed.v1', samples.productionConfirmation, {
    source,
    correlationId: 'c-7',
  });
  const text = JSON.stringify(event);

  it('reads a Buffer, a Uint8Array, an ArrayBuffer and a string, with or without a byte order mark', () => {
    const bytes = new TextEncoder().encode(text);
    for (const body of [
      Buffer.from(text),
      bytes,
      bytes.buffer,
      new DataView(bytes.buffer),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      `\ufeff${text}`,
    ]) {
      expect(parseEvent(body)).toEqual(event);
    }
    // a Buffer that is a slice of a larger pool: only its own bytes count
    const pooled = Buffer.from(`xx${text}yy`).subarray(2, 2 + Buffer.byteLength(text));
    expect(parseEvent(pooled)).toEqual(event);
  });

  it('refuses bytes that are not UTF-8 with a clear issue', () => {
    const bad = Buffer.concat([
      Buffer.from(text.slice(0, 20)),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text.slice(20)),
    ]);
    const error = catchError(ValidationError, () => parseEvent(bad));
    expect(error.issues).toEqual([
      { path: '', code: 'invalid_encoding', message: 'the event is not valid UTF-8 text' },
    ]);
  });

  it('compares datacontenttype without parameters and case, and normalises it', () => {
    for (const datacontenttype of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF-8',
      'APPLICATION/JSON',
      'Application/Json ; charset="utf-8"',
      'application/json; foo=bar; charset=utf-8',
    ]) {
      expect(parseEvent({ ...event, datacontenttype }).datacontenttype, datacontenttype).toBe(
        'application/json',
      );
    }
  });

  it('refuses another media type or a charset other than UTF-8', () => {
    const cases: readonly [string, string][] = [
      ['application/json; charset=iso-8859-1', 'unsupported_charset'],
      ['application/json; charset=utf-16', 'unsupported_charset'],
      ['application/json; charset=utf-8; charset=latin1', 'invalid_value'],
      ['text/plain', 'invalid_value'],
      ['application/xml', 'invalid_value'],
      ['application/jsonx', 'invalid_value'],
      ['application/json charset=utf-8', 'invalid_value'],
      ['', 'invalid_value'],
    ];
    for (const [datacontenttype, code] of cases) {
      const error = catchError(ValidationError, () => parseEvent({ ...event, datacontenttype }));
      expect(error.issues, datacontenttype).toContainEqual(
        expect.objectContaining({ path: '/datacontenttype', code }),
      );
    }
  });

  it('reads structured-mode bodies with the content type the broker gives', () => {
    for (const contentType of [
      'application/cloudevents+json',
      'application/cloudevents+json; charset=utf-8',
      'Application/CloudEvents+JSON;charset=UTF-8',
      'application/json',
    ]) {
      expect(parseEvent(Buffer.from(text), { contentType }), contentType).toEqual(event);
    }
    const refused: readonly [string, string][] = [
      ['application/cloudevents+json; charset=iso-8859-1', 'unsupported_charset'],
      ['application/cloudevents-batch+json', 'invalid_value'],
      ['text/plain', 'invalid_value'],
      ['application/cloudevents+xml', 'invalid_value'],
    ];
    for (const [contentType, code] of refused) {
      const error = catchError(ValidationError, () => parseEvent(Buffer.from(text), { contentType }));
      expect(error.issues, contentType).toEqual([expect.objectContaining({ path: '', code })]);
      expect(error.issues[0]?.message).toMatch(/content type/);
    }
    expect(catchError(ValidationError, () => parseEvent(text, { contentType: 5 as never })).issues).toEqual([
      expect.objectContaining({ path: '/contentType', code: 'invalid_type' }),
    ]);
  });
});

describe('parseEvent and createEvent with hostile values', () => {
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it('returns exactly what it checked: a getter that changes its answer later cannot slip data in', () => {
    const valid = createEvent('millwright.workorder.released.v1', samples.workOrder, { source });
    let reads = 0;
    const data = {
      ...samples.workOrder,
      get status() {
        reads += 1;
        return reads === 1 ? 'released' : 'exploded';
      },
    };
    const parsed = parseEvent({ ...valid, data });
    expect(reads).toBe(1);
    expect(parsed.data).toEqual(samples.workOrder);
    expect(parseEvent(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    // The event is a copy: changing the input later changes nothing.
    const input = JSON.parse(JSON.stringify(valid)) as { data: { status: string } };
    const copy = parseEvent(input);
    input.data.status = 'closed';
    expect(copy.data).toMatchObject({ status: 'released' });
  });

  it('refuses values that cannot be read, or are not JSON data, with an issue at their path', () => {
    const valid = createEvent('millwright.material.changed.v1', samples.material, { source });
    const cases: readonly [unknown, string, string][] = [
      [revoked(), '', 'invalid_input'],
      [{ ...valid, data: revoked() }, '/data', 'invalid_input'],
      [
        {
          ...valid,
          get id() {
            throw new Error('boom');
          },
        },
        '/id',
        'invalid_input',
      ],
      [
        new Proxy(valid, {
          ownKeys: () => {
            throw revoked();
          },
        }),
        '',
        'invalid_input',
      ],
      [
        { ...valid, data: { ...samples.material, extensions: { 'x:when': new Date(0) } } },
        '/data/extensions/x:when',
        'invalid_type',
      ],
      [
        { ...valid, data: { ...samples.material, extensions: { 'x:n': 10n } } },
        '/data/extensions/x:n',
        'invalid_type',
      ],
      [
        { ...valid, data: { ...samples.material, extensions: { 'x:f': () => 1 } } },
        '/data/extensions/x:f',
        'invalid_type',
      ],
      [
        { ...valid, data: { ...samples.material, extensions: { 'x:nan': Number.NaN } } },
        '/data/extensions/x:nan',
        'invalid_type',
      ],
    ];
    for (const [input, path, code] of cases) {
      const error = catchError(ValidationError, () => parseEvent(input));
      expect(error.issues, path).toContainEqual(expect.objectContaining({ path, code }));
    }
    const cyclic: Record<string, unknown> = { ...valid, data: { ...samples.material } };
    (cyclic['data'] as Record<string, unknown>)['extensions'] = { 'x:self': cyclic };
    expect(catchError(ValidationError, () => parseEvent(cyclic)).issues).toContainEqual(
      expect.objectContaining({ path: '/data/extensions/x:self', code: 'circular_reference' }),
    );
  });

  it('createEvent reads its options and data once and refuses unreadable ones with a ValidationError', () => {
    const options = {
      get source(): string {
        throw new Error('boom');
      },
    };
    expect(
      catchError(ValidationError, () =>
        createEvent('millwright.material.changed.v1', samples.material, options),
      ).issues,
    ).toEqual([expect.objectContaining({ path: '/source', code: 'invalid_input' })]);
    expect(() => createEvent('millwright.material.changed.v1', samples.material, revoked() as never)).toThrow(
      ValidationError,
    );
    expect(() => createEvent('millwright.material.changed.v1', revoked() as never, { source })).toThrow(
      ValidationError,
    );
    let reads = 0;
    const data = {
      ...samples.material,
      get description() {
        reads += 1;
        return reads === 1 ? 'Bearing' : 42;
      },
    };
    const event = createEvent('millwright.material.changed.v1', data as never, { source });
    expect(reads).toBe(1);
    expect(event.data.description).toBe('Bearing');
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });
});
