// `npm run demo`: validates a realistic record of every canonical object, shows how a bad
// record is rejected, and prints the CloudEvents that carry them.
import {
  type AnyMillwrightEvent,
  canonicalObjects,
  createEvent,
  parseEvent,
  validate,
  WorkOrder,
} from 'millwright';
import {
  billOfMaterials,
  inventoryMovement,
  material,
  materialLot,
  productionConfirmation,
  qualityEvent,
  routing,
  sampleRecords,
  workOrder,
} from './sample-records.js';

const source = '/plants/DE01/sap-s4-prd';
const correlationId = 'demo-2026-05-13-FG4711';

console.log('1. Every canonical object validates:');
for (const [name, record] of Object.entries(sampleRecords)) {
  const result = validate(canonicalObjects[name as keyof typeof sampleRecords].schema, record);
  console.log(`   ${name.padEnd(24)} ${result.ok ? 'valid' : `INVALID ${JSON.stringify(result.issues)}`}`);
  if (!result.ok) process.exitCode = 1;
}

console.log('\n2. A bad work order is rejected with the JSON Pointer of every bad field:');
const bad = {
  ...workOrder,
  quantity: { value: 250.5, unit: 'H87' },
  status: 'finished',
  scheduledEnd: '2026-02-30T14:00:00+02:00',
};
const rejected = validate(WorkOrder, bad);
if (rejected.ok) throw new Error('the bad work order was accepted');
for (const issue of rejected.issues)
  console.log(`   ${issue.path.padEnd(16)} ${issue.code.padEnd(14)} ${issue.message}`);

console.log('\n3. The CloudEvents that carry them (application/cloudevents+json):');
const events: AnyMillwrightEvent[] = [
  createEvent('millwright.material.changed.v1', material, { source, correlationId }),
  createEvent('millwright.bom.changed.v1', billOfMaterials, { source, correlationId }),
  createEvent('millwright.routing.changed.v1', routing, { source, correlationId }),
  createEvent('millwright.workorder.released.v1', workOrder, { source, correlationId }),
  createEvent('millwright.production.confirmed.v1', productionConfirmation, {
    source: '/plants/DE01/mes',
    correlationId,
  }),
  createEvent('millwright.inventory.moved.v1', inventoryMovement, { source, correlationId }),
  createEvent('millwright.lot.changed.v1', materialLot, { source, correlationId }),
  createEvent('millwright.quality.inspected.v1', qualityEvent, { source: '/plants/DE01/qms', correlationId }),
];
for (const event of events) {
  // What a consumer does with the JSON it receives: parse and validate it again.
  const received = parseEvent(JSON.stringify(event));
  console.log(JSON.stringify({ ...received, data: `<${received.dataschema}>` }));
}
console.log('\nFull event of the released work order:');
console.log(JSON.stringify(events[3], null, 2));
