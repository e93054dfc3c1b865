// Type-checked by scripts/smoke-pack.sh against the installed tarball (ESM resolution).
import { type AnyMillwrightEvent, createEvent, parseEvent, validate, WorkOrder } from 'millwright';
import { WorkOrder as WorkOrderCodec } from 'millwright/io-ts';

const result = validate(WorkOrder, {});
const status: WorkOrder['status'] | undefined = result.ok ? result.value.status : undefined;
const event: AnyMillwrightEvent = parseEvent('{}');
const decoded = WorkOrderCodec.decode({});

export { createEvent, decoded, event, status };
