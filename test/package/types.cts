// Type-checked by scripts/smoke-pack.sh against the installed tarball (CJS resolution).
import { type ValidationResult, validate, WorkOrder } from 'millwright';
import { createMemoryIdempotencyStore } from 'millwright/delivery';
import { toIoTs } from 'millwright/io-ts';
import { createRestClient } from 'millwright/rest';

const result: ValidationResult<WorkOrder> = validate(WorkOrder, {});
const codec = toIoTs(WorkOrder);

const client = createRestClient({ baseURL: 'https://mes.example/api', retry: { attempts: 2 } });
const seen: Promise<boolean> = createMemoryIdempotencyStore().has('key');

export { client, codec, result, seen };
