import {
  canonicalObjects,
  Disposition,
  LotStatus,
  MaterialStatus,
  MaterialType,
  MovementKind,
  QualityDecision,
  QualityEventKind,
  StockType,
  validate,
  WorkOrderStatus,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as samples from '../../../examples/sample-records.js';
import { changedSample } from '../../support/changed-sample.js';

const records = samples.sampleRecords;
type Name = keyof typeof records;

describe('realistic records', () => {
  it.each(Object.keys(records) as Name[])('a realistic %s validates', (name) => {
    const result = validate(canonicalObjects[name].schema, records[name]);
    expect(result).toEqual({ ok: true, value: records[name] });
  });
});

const broken = changedSample;

const cases: readonly [string, Name, (record: Record<string, any>) => void, string, string][] = [
  ['a float quantity', 'WorkOrder', (r) => (r.quantity.value = 250.5), '/quantity/value', 'invalid_type'],
  [
    'exponent notation',
    'WorkOrder',
    (r) => (r.components[0].quantity.value = '1e3'),
    '/components/0/quantity/value',
    'invalid_format',
  ],
  [
    'a leading plus',
    'BillOfMaterials',
    (r) => (r.components[1].quantity.value = '+2'),
    '/components/1/quantity/value',
    'invalid_format',
  ],
  [
    'a decimal comma',
    'Routing',
    (r) => (r.operations[0].machineTime.value = '12,5'),
    '/operations/0/machineTime/value',
    'invalid_format',
  ],
  ['an unknown status', 'WorkOrder', (r) => (r.status = 'finished'), '/status', 'invalid_value'],
  [
    'an impossible date',
    'WorkOrder',
    (r) => (r.scheduledStart = '2026-02-30T06:00:00+02:00'),
    '/scheduledStart',
    'invalid_format',
  ],
  [
    'a timestamp without offset',
    'ProductionConfirmation',
    (r) => (r.confirmedAt = '2026-05-13T13:42:10'),
    '/confirmedAt',
    'invalid_format',
  ],
  [
    'hour 24',
    'QualityEvent',
    (r) => (r.occurredAt = '2026-05-13T24:00:00Z'),
    '/occurredAt',
    'invalid_format',
  ],
  [
    'an end before the start',
    'WorkOrder',
    (r) => (r.scheduledEnd = '2026-05-11T06:00:00+02:00'),
    '/scheduledEnd',
    'invalid_range',
  ],
  ['a bad GTIN check digit', 'Material', (r) => (r.gtin = '4012345000013'), '/gtin', 'invalid_check_digit'],
  [
    'a bad carton GTIN',
    'Material',
    (r) => (r.alternativeUnits[0].gtin = '14012345000019'),
    '/alternativeUnits/0/gtin',
    'invalid_check_digit',
  ],
  ['a GTIN of 11 digits', 'Material', (r) => (r.gtin = '40123450000'), '/gtin', 'invalid_format'],
  [
    'a fractional numerator',
    'Material',
    (r) => (r.alternativeUnits[1].numerator = 1.5),
    '/alternativeUnits/1/numerator',
    'invalid_type',
  ],
  [
    'a zero denominator',
    'Material',
    (r) => (r.alternativeUnits[1].denominator = 0),
    '/alternativeUnits/1/denominator',
    'too_small',
  ],
  ['an unknown material type', 'Material', (r) => (r.type = 'FERT'), '/type', 'invalid_value'],
  ['a BOM without components', 'BillOfMaterials', (r) => (r.components = []), '/components', 'too_small'],
  [
    'a missing work center',
    'Routing',
    (r) => delete r.operations[1].workCenter,
    '/operations/1/workCenter',
    'required',
  ],
  [
    'a negative yield',
    'ProductionConfirmation',
    (r) => (r.yield.value = '-1'),
    '/yield/value',
    'invalid_format',
  ],
  ['final as a string', 'ProductionConfirmation', (r) => (r.final = 'yes'), '/final', 'invalid_type'],
  [
    'a zero movement quantity',
    'InventoryMovement',
    (r) => (r.quantity.value = '0.000'),
    '/quantity/value',
    'invalid_format',
  ],
  ['an unknown movement kind', 'InventoryMovement', (r) => (r.kind = 'move'), '/kind', 'invalid_value'],
  ['month 13', 'InventoryMovement', (r) => (r.postingDate = '2026-13-01'), '/postingDate', 'invalid_format'],
  [
    'a lowercase unit',
    'InventoryMovement',
    (r) => (r.quantity.unit = 'kg'),
    '/quantity/unit',
    'invalid_format',
  ],
  ['an unknown lot status', 'MaterialLot', (r) => (r.status = 'ok'), '/status', 'invalid_value'],
  ['a parent without lot', 'MaterialLot', (r) => delete r.parents[0].lot, '/parents/0/lot', 'required'],
  [
    'an unknown result',
    'QualityEvent',
    (r) => (r.results[0].result = 'ok'),
    '/results/0/result',
    'invalid_value',
  ],
  [
    'a disposition without disposition',
    'QualityEvent',
    (r) => (r.kind = 'disposition'),
    '/disposition',
    'missing_field',
  ],
  ['an unknown field', 'WorkOrder', (r) => (r.shift = 'night'), '/shift', 'unrecognized_key'],
  ['an id with a leading space', 'MaterialLot', (r) => (r.id = ' 0000081234'), '/id', 'invalid_format'],
  [
    'an extension key without namespace',
    'Material',
    (r) => (r.extensions = { MTART: 'FERT' }),
    '/extensions/MTART',
    'invalid_key',
  ],
  ['an id as a number', 'WorkOrder', (r) => (r.id = 1004711), '/id', 'invalid_type'],
];

describe('bad records fail with the JSON Pointer of the bad field', () => {
  it.each(cases)('%s (%s)', (_title, name, change, path, code) => {
    const result = validate(canonicalObjects[name].schema, broken(name, change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ path, code }));
    expect(result.issues.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it('says a float quantity is not exact, in words', () => {
    const result = validate(
      canonicalObjects.WorkOrder.schema,
      broken('WorkOrder', (r) => (r.quantity.value = 0.1)),
    );
    expect(!result.ok && result.issues[0]?.message).toContain('not exact');
  });

  it('reports every bad field, not only the first', () => {
    const result = validate(
      canonicalObjects.WorkOrder.schema,
      broken('WorkOrder', (r) => {
        r.status = 'done';
        r.quantity.value = 1;
        r.components[2].material = '';
      }),
    );
    expect(!result.ok && result.issues.map((issue) => issue.path).sort()).toEqual([
      '/components/2/material',
      '/quantity/value',
      '/status',
    ]);
  });
});

describe('business meaning travels with the schema', () => {
  const enums: readonly [string, z.ZodEnum][] = [
    ['WorkOrderStatus', WorkOrderStatus],
    ['MaterialType', MaterialType],
    ['MaterialStatus', MaterialStatus],
    ['MovementKind', MovementKind],
    ['StockType', StockType],
    ['LotStatus', LotStatus],
    ['QualityEventKind', QualityEventKind],
    ['QualityDecision', QualityDecision],
    ['Disposition', Disposition],
  ];

  it.each(enums)('%s describes every one of its values', (_name, schema) => {
    for (const value of schema.options) expect(schema.description).toMatch(new RegExp(`(^|\\. )${value}: `));
  });

  it('tells completed from closed for a work order', () => {
    expect(WorkOrderStatus.description).toMatch(/completed: the shop floor has finished.*still open/);
    expect(WorkOrderStatus.description).toMatch(
      /closed: closed for good: no confirmation, goods movement or cost/,
    );
  });
});
