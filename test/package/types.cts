// Type-checked by scripts/smoke-pack.sh against the installed tarball (CJS resolution).
import { type ValidationResult, validate, WorkOrder } from 'millwright';
import { toIoTs } from 'millwright/io-ts';

const result: ValidationResult<WorkOrder> = validate(WorkOrder, {});
const codec = toIoTs(WorkOrder);

export { codec, result };
