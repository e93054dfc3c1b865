// Type-checked by scripts/smoke-pack.sh against the installed tarball (ESM resolution).
import { type AnyMillwrightEvent, createEvent, parseEvent, validate, WorkOrder } from 'millwright';
import { createFileIdempotencyStore, type IdempotencyStore } from 'millwright/delivery';
import { WorkOrder as WorkOrderCodec } from 'millwright/io-ts';
import { createRestClient, type JsonBody, type RestClient, type RestResponse } from 'millwright/rest';
import { createSftpClient, type SftpClient, type SftpFileInfo } from 'millwright/sftp';

const result = validate(WorkOrder, {});
const status: WorkOrder['status'] | undefined = result.ok ? result.value.status : undefined;
const event: AnyMillwrightEvent = parseEvent('{}');
const decoded = WorkOrderCodec.decode({});
const mes: RestClient = createRestClient({
  baseURL: 'https://mes.example/api',
  auth: { type: 'bearer', token: 't' },
});
const orders = mes.resource('/workorders', { schema: WorkOrder });
const fetched: Promise<WorkOrder> = orders.get('000001004711');
const exported: Promise<RestResponse<string>> = mes.request({
  method: 'GET',
  path: '/export',
  responseType: 'text',
});
const created: Promise<RestResponse<JsonBody<{ id: string }>>> = mes.request<{ id: string }>({
  method: 'POST',
  path: '/workorders',
  body: { material: 'FG-4711' },
});
const processed: IdempotencyStore = createFileIdempotencyStore('./state/processed.json', { maxEntries: 100 });
const added: Promise<boolean> = processed.add('key', { ttlMs: 60_000 });
const sftp: SftpClient = createSftpClient({
  host: 'sftp.plant.example',
  username: 'mes',
  privateKey: 'key',
  hostKey: { sha256: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' },
});
const listed: Promise<SftpFileInfo[]> = sftp.list('/outbound', { pattern: '*.idoc' });

export { added, created, createEvent, decoded, event, exported, fetched, listed, status };
