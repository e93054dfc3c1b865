// Type-checked by scripts/smoke-pack.sh against the installed tarball (CJS resolution).
import { type ValidationResult, validate, WorkOrder } from 'millwright';
import { createMemoryIdempotencyStore } from 'millwright/delivery';
import { toIoTs } from 'millwright/io-ts';
import { createRestClient } from 'millwright/rest';
import { createSftpClient } from 'millwright/sftp';

const result: ValidationResult<WorkOrder> = validate(WorkOrder, {});
const codec = toIoTs(WorkOrder);

const client = createRestClient({ baseURL: 'https://mes.example/api', retry: { attempts: 2 } });
const seen: Promise<boolean> = createMemoryIdempotencyStore().has('key');
const sftp = createSftpClient({ host: 'h', username: 'u', password: 'p', hostKey: { knownHostsFile: '/k' } });
const moved: Promise<void> = sftp.move('/a', '/b', { overwrite: true });

export { client, codec, moved, result, seen };
