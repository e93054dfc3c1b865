import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv as AjvDraft7 } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { canonicalObjects, createEvent, eventTypes, SCHEMA_BASE } from 'millwright';
import { describe, expect, it } from 'vitest';
import * as samples from '../../examples/sample-records.js';

type Ajv = Ajv2020 | AjvDraft7;
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
const schemasDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
const files = readdirSync(join(schemasDir, 'v1'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(schemasDir, join(entry.parentPath, entry.name)));

function ajvWithAllSchemas(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  for (const file of files) ajv.addSchema(readJson(join(schemasDir, file)));
  return ajv;
}

describe('generated JSON Schemas', () => {
  it('has one file per canonical object and one per event type', () => {
    expect(files.filter((file) => !file.includes('events/'))).toHaveLength(8);
    expect(files.filter((file) => file.includes('events/'))).toHaveLength(eventTypes.length);
  });

  it.each(files)('%s is a valid JSON Schema 2020-12 with a stable $id', (file) => {
    const schema = readJson(join(schemasDir, file));
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`${SCHEMA_BASE}${file.slice('v1/'.length)}`);
    expect(typeof schema['title']).toBe('string');
  });

  it('titles each object schema with the object name and describes its statuses', () => {
    for (const object of Object.values(canonicalObjects)) {
      const schema = readJson(join(schemasDir, 'v1', object.file));
      expect(schema['title']).toBe(object.name);
    }
    const workOrder = readJson(join(schemasDir, 'v1', 'work-order.json')) as {
      properties: { status: { description: string } };
    };
    expect(workOrder.properties.status.description).toContain('completed: the shop floor has finished');
  });

  it('accepts the realistic records and the events millwright makes (references resolve by $id)', () => {
    const ajv = ajvWithAllSchemas();
    const records = [
      samples.material,
      samples.billOfMaterials,
      samples.routing,
      samples.workOrder,
      samples.productionConfirmation,
      samples.inventoryMovement,
      samples.materialLot,
      samples.qualityEvent,
    ];
    Object.values(canonicalObjects).forEach((object, index) => {
      const check = ajv.getSchema(object.schemaId);
      expect(check?.(records[index]), JSON.stringify(check?.errors)).toBe(true);
    });
    const event = createEvent('millwright.workorder.released.v1', samples.workOrder, {
      source: '/plants/DE01',
    });
    const check = ajv.getSchema(`${SCHEMA_BASE}events/workorder.released.json`);
    expect(check?.(event), JSON.stringify(check?.errors)).toBe(true);
    expect(check?.({ ...event, data: { ...samples.workOrder, status: 'created' } })).toBe(false);
  });

  it('states the cross-field rules that JSON Schema cannot express, with their issue codes', () => {
    const rules: Record<string, readonly string[]> = {
      'material.json': [
        'invalid_range',
        'duplicate_unit',
        'duplicate_plant',
        'invalid_conversion',
        'incompatible_units',
      ],
      'bill-of-materials.json': ['invalid_range'],
      'routing.json': [
        'invalid_range',
        'duplicate_operation',
        'unknown_operation',
        'circular_dependency',
        'incompatible_units',
      ],
      'work-order.json': ['invalid_range', 'duplicate_operation', 'unknown_operation', 'incompatible_units'],
      'production-confirmation.json': ['incompatible_units', 'invalid_range', 'self_reference'],
      'inventory-movement.json': ['direction_mismatch', 'movement_code_mismatch', 'self_reference'],
      'material-lot.json': ['invalid_range', 'self_reference'],
      'quality-event.json': ['missing_field', 'invalid_range'],
    };
    for (const object of Object.values(canonicalObjects)) {
      const schema = readJson(join(schemasDir, 'v1', object.file));
      expect(schema['description'], object.file).toMatch(/Rules? beyond this schema/);
      const text = JSON.stringify(schema);
      for (const code of rules[object.file] ?? []) expect(text, `${object.file}: ${code}`).toContain(code);
    }
  });

  it('gives JSON Schema readers the same contract for the typical mistakes', () => {
    const check = ajvWithAllSchemas().getSchema(canonicalObjects.WorkOrder.schemaId);
    const bad = [
      { ...samples.workOrder, quantity: { value: 250, unit: 'H87' } },
      { ...samples.workOrder, quantity: { value: '2.5e2', unit: 'H87' } },
      { ...samples.workOrder, status: 'finished' },
      { ...samples.workOrder, scheduledStart: '2026-02-30T06:00:00+02:00' },
      { ...samples.workOrder, shift: 'night' },
    ];
    for (const record of bad) expect(check?.(record)).toBe(false);
  });
});

describe('AsyncAPI document', () => {
  const document = readJson(join(schemasDir, 'asyncapi.json')) as {
    asyncapi: string;
    channels: Record<string, { address: string }>;
    components: { messages: Record<string, { payload: { schema: { $ref: string } } }> };
  };

  it('is a valid AsyncAPI 3.0 document', () => {
    const ajv = new AjvDraft7({ strict: false, allErrors: true });
    addFormats(ajv);
    const metaSchema = readJson(
      fileURLToPath(new URL('../fixtures/standards/asyncapi-3.0.0.schema.json', import.meta.url)),
    );
    expect(ajv.validate(metaSchema, document), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(document.asyncapi).toBe('3.0.0');
  });

  it('lists every event type, with a payload schema that exists', () => {
    expect(
      Object.values(document.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual([...eventTypes].sort());
    for (const message of Object.values(document.components.messages)) {
      expect(files).toContain(message.payload.schema.$ref);
    }
  });
});
