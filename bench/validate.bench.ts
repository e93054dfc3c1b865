// Validation throughput for 10,000 realistic WorkOrders (5 operations, 10 components each):
// millwright validate() vs raw zod safeParse() vs ajv compiled from our own generated JSON Schema
// (schemas/v1/work-order.json, with ajv-formats for date-time as a JSON Schema user would run it).
// The records exercise every cross-field rule of a work order, which validate() and zod check and
// JSON Schema cannot: unique operation numbers, components naming operations of the order, end
// times not before start times (order, actual, per operation), planned scrap and confirmed
// quantities in convertible units, operation times in units of time.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { validate, WorkOrder } from 'millwright';
import { compare, seededRandom } from './harness.js';

const addFormats = addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020;
const random = seededRandom(20260512);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const decimal = (max: number, scale: number): string => (random() * max + 0.001).toFixed(scale);
const pad = (value: number, length: number): string => String(value).padStart(length, '0');

function timestamp(dayOffset: number, hour: number): string {
  return `2026-05-${pad(10 + dayOffset, 2)}T${pad(hour, 2)}:${pad(Math.floor(random() * 60), 2)}:00+02:00`;
}

function workOrder(index: number): WorkOrder {
  const day = Math.floor(random() * 15);
  const status = pick(['created', 'released', 'in-progress', 'completed'] as const);
  const started = status === 'in-progress' || status === 'completed';
  const planned = Math.ceil(random() * 1000);
  return {
    id: pad(1_000_000 + index, 12),
    type: pick(['PP01', 'PP02', 'PI01']),
    material: `FG-${pad(Math.floor(random() * 5000), 5)}`,
    plant: pick(['DE01', 'DE02', 'CZ01', 'US10']),
    quantity: { value: String(planned), unit: 'H87' },
    plannedScrap: { value: String(Math.floor(planned / 50)), unit: 'H87' },
    status,
    priority: Math.floor(random() * 5),
    scheduledStart: timestamp(day, 6),
    scheduledEnd: timestamp(day + 1, 18),
    ...(started ? { actualStart: timestamp(day, 7) } : {}),
    ...(status === 'completed' ? { actualEnd: timestamp(day + 1, 17) } : {}),
    source: { system: 'sap-s4-prd' },
    operations: Array.from({ length: 5 }, (_, k) => ({
      operation: pad((k + 1) * 10, 4),
      workCenter: `WC-${pad(Math.floor(random() * 40), 3)}`,
      description: pick(['Cut', 'Mill', 'Drill', 'Assemble', 'Test', 'Pack']),
      status: pick(['waiting', 'ready', 'in-progress'] as const),
      scheduledStart: timestamp(day, 7 + k),
      scheduledEnd: timestamp(day, 8 + k),
      quantity: { value: String(planned), unit: 'H87' },
      ...(started ? { confirmedYield: { value: String(Math.floor(planned / 2)), unit: 'H87' } } : {}),
      ...(started ? { confirmedScrap: { value: '1', unit: 'C62' } } : {}),
      setupTime: { value: decimal(60, 1), unit: 'MIN' },
      machineTime: { value: decimal(10, 3), unit: 'HUR' },
      laborTime: { value: decimal(600, 0), unit: 'SEC' },
    })),
    components: Array.from({ length: 10 }, (_, k) => ({
      position: pad((k + 1) * 10, 4),
      material: `RM-${pad(Math.floor(random() * 20000), 6)}`,
      quantity: { value: decimal(500, 3), unit: pick(['KGM', 'H87', 'MTR', 'LTR']) },
      operation: pad(((k % 5) + 1) * 10, 4),
      storageLocation: pick(['0001', '0002', 'PSA1']),
      backflush: random() < 0.5,
    })),
  };
}

const records = Array.from({ length: 10_000 }, (_, index) => workOrder(index));
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const ajvCheck = ajv.compile(
  JSON.parse(readFileSync(new URL('../schemas/v1/work-order.json', import.meta.url), 'utf8')),
);

for (const record of records) {
  if (!validate(WorkOrder, record).ok || !WorkOrder.safeParse(record).success || !ajvCheck(record)) {
    throw new Error(`generated WorkOrder ${record.id} is not valid for every contender`);
  }
}
// The rules run: a component naming no operation of its order passes JSON Schema only.
const broken = {
  ...(records[0] as WorkOrder),
  components: [{ ...records[0]?.components?.[0], operation: '9999' }],
};
if (validate(WorkOrder, broken).ok || WorkOrder.safeParse(broken).success || !ajvCheck(broken)) {
  throw new Error('the cross-field rules of WorkOrder did not run as expected');
}

await compare({
  title: 'Validation of 10,000 WorkOrders (5 operations, 10 components each)',
  unit: 'records/s',
  unitsPerCall: records.length,
  ours: { name: 'millwright validate', fn: () => records.every((record) => validate(WorkOrder, record).ok) },
  peers: [
    { name: 'zod safeParse', fn: () => records.every((record) => WorkOrder.safeParse(record).success) },
    { name: 'ajv (generated JSON Schema)', fn: () => records.every((record) => ajvCheck(record)) },
  ],
});
