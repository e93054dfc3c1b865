// client.resource(): canonical objects validated before they leave the process and after they
// arrive, mapped to and from an API's own record shape.
import { MappingError, ProductionConfirmation, ValidationError, WorkOrder } from 'millwright';
import { describe, expect, it } from 'vitest';
import { productionConfirmation, workOrder } from '../../examples/sample-records.js';
import { rejection } from './helpers/rejection.js';
import { sendJson, type TestHandler } from './helpers/start-http-server.js';
import { useRestServer } from './helpers/use-rest-server.js';

const fixture = useRestServer({ retry: { attempts: 2, baseDelayMs: 1 } });
const { start } = fixture;

const echoBody: TestHandler = (request, response) =>
  request.method === 'GET'
    ? sendJson(response, 200, workOrder)
    : sendJson(response, 201, JSON.parse(request.body));

describe('resource', () => {
  it('creates, gets and updates valid objects', async () => {
    const { client, server } = await start(echoBody);
    const orders = client.resource('/workorders', { schema: WorkOrder });
    expect(await orders.create(workOrder)).toEqual(workOrder);
    expect(await orders.get('0000/01 004711')).toEqual(workOrder);
    expect(await orders.update(workOrder.id, workOrder)).toEqual(workOrder);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/workorders',
      'GET /api/workorders/0000%2F01%20004711',
      `PUT /api/workorders/${workOrder.id}`,
    ]);
    expect(server.requests[0]?.headers['idempotency-key']).toBeDefined();
  });

  it('validates outgoing objects BEFORE sending: nothing invalid reaches the server', async () => {
    const { client, server } = await start(echoBody);
    const confirmations = client.resource('/confirmations', { schema: ProductionConfirmation });
    const bad = {
      ...productionConfirmation,
      yield: { value: '12,5', unit: 'H87' },
    } as ProductionConfirmation;
    const error = (await rejection(confirmations.create(bad))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.schema).toBe('ProductionConfirmation');
    expect(error.issues.map((issue) => issue.path)).toEqual(['/yield/value']);
    await rejection(confirmations.update('x', { ...productionConfirmation, final: 'yes' } as never));
    expect(server.requests).toHaveLength(0);
  });

  it('validates incoming objects: a bad response is a ValidationError with JSON Pointer paths', async () => {
    const { client } = await start((_request, response) =>
      sendJson(response, 200, { ...workOrder, status: 'RELEASED', quantity: { value: 250, unit: 'H87' } }),
    );
    const error = (await rejection(
      client.resource('/workorders', { schema: WorkOrder }).get('1'),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['/quantity/value', '/status']);
  });

  it('names the response that failed validation: method, redacted URL and correlation id', async () => {
    const bad = { ...workOrder, status: 'RELEASED' };
    const { client } = await start((request, response) =>
      sendJson(response, 200, request.url.startsWith('/api/workorders/') ? bad : [bad]),
    );
    const orders = client.resource('/workorders', { schema: WorkOrder, pagination: { style: 'link' } });
    const error = (await rejection(
      orders.get('1', { correlationId: 'msg-4711', params: { sig: 'sig-secret-1', plant: 'DE01' } }),
    )) as ValidationError;
    const context =
      'the response to GET http://127.0.0.1:PORT/api/workorders/1?sig=[REDACTED]&plant=DE01 (correlation id msg-4711)';
    const port = new URL(String(fixture.server?.url)).port;
    expect(error.context).toBe(context.replace('PORT', port));
    expect(error.message).toBe(
      `WorkOrder in ${error.context} is invalid: /status: ${error.issues[0]?.message}`,
    );
    expect(JSON.stringify(error.toJSON())).not.toContain('sig-secret-1');
    const listed = (await rejection(
      (async () => {
        for await (const order of orders.list({ correlationId: 'list-1' })) void order;
      })(),
    )) as ValidationError;
    expect(listed.context).toMatch(
      /^the response to GET http:\/\/127\.0\.0\.1:\d+\/api\/workorders \(correlation id list-1\)$/,
    );
  });

  it('returns the object sent when the server accepts it with a text instead of JSON', async () => {
    const { client } = await start((_request, response) =>
      response.writeHead(201, { 'content-type': 'text/plain' }).end('Created'),
    );
    expect(await client.resource('/workorders', { schema: WorkOrder }).create(workOrder)).toEqual(workOrder);
  });

  it('validates every listed object and stops at the first bad one', async () => {
    const { client } = await start((_request, response) =>
      sendJson(response, 200, [workOrder, { ...workOrder, id: '' }, workOrder]),
    );
    const seen: WorkOrder[] = [];
    const error = await (async () => {
      try {
        for await (const order of client.resource('/workorders', { schema: WorkOrder }).list())
          seen.push(order);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(seen).toHaveLength(1);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('/id');
  });

  it('maps to and from the API shape, validating the canonical side both ways', async () => {
    interface MesRecord {
      readonly confNo: string;
      readonly order: string;
      readonly site: string;
      readonly good: number;
      readonly done: boolean;
      readonly ts: string;
    }
    const stored: MesRecord[] = [];
    const { client } = await start((request, response) => {
      if (request.method === 'POST') {
        stored.push(JSON.parse(request.body) as MesRecord);
        return sendJson(response, 201, stored.at(-1));
      }
      sendJson(response, 200, { items: stored, nextCursor: null });
    });
    const confirmations = client.resource('/confirmations', {
      schema: ProductionConfirmation,
      fromCanonical: (c): MesRecord => ({
        confNo: c.id,
        order: c.workOrder,
        site: c.plant,
        good: Number(c.yield.value),
        done: c.final,
        ts: c.confirmedAt,
      }),
      toCanonical: (record) => {
        const r = record as MesRecord;
        return {
          id: r.confNo,
          workOrder: r.order,
          plant: r.site,
          yield: { value: String(r.good), unit: 'H87' },
          final: r.done,
          confirmedAt: r.ts,
        };
      },
      pagination: { style: 'cursor' },
    });
    const created = await confirmations.create(productionConfirmation);
    expect(stored[0]).toMatchObject({ confNo: productionConfirmation.id, good: 248, done: true });
    expect(created).toEqual({
      id: productionConfirmation.id,
      workOrder: productionConfirmation.workOrder,
      plant: 'DE01',
      yield: { value: '248', unit: 'H87' },
      final: true,
      confirmedAt: productionConfirmation.confirmedAt,
    });
    const listed: ProductionConfirmation[] = [];
    for await (const confirmation of confirmations.list()) listed.push(confirmation);
    expect(listed).toEqual([created]);
  });

  it('wraps a mapper that throws in a MappingError', async () => {
    const { client } = await start((_request, response) => sendJson(response, 200, null));
    const orders = client.resource('/workorders', {
      schema: WorkOrder,
      toCanonical: (record) => ({ ...(record as { data: object }).data }),
    });
    const error = (await rejection(orders.get('1'))) as MappingError;
    expect(error).toBeInstanceOf(MappingError);
    expect(error.code).toBe('INVALID_SOURCE_DATA');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('returns the validated object sent when the server answers without a body', async () => {
    const { client } = await start((_request, response) => response.writeHead(204).end());
    expect(
      await client.resource('/workorders', { schema: WorkOrder }).update(workOrder.id, workOrder),
    ).toEqual(workOrder);
  });

  it('refuses ids that are empty, "." or "..", which would leave the collection, before sending', async () => {
    const { client, server } = await start(echoBody);
    const orders = client.resource('/api/v1/orders', { schema: WorkOrder });
    for (const id of ['..', '.', '', 5, null]) {
      const getError = await rejection(orders.get(id as never));
      expect(getError, String(id)).toBeInstanceOf(ValidationError);
      expect((getError as ValidationError).issues[0]?.code).toBe('invalid_id');
      expect(await rejection(orders.update(id as never, workOrder))).toBeInstanceOf(ValidationError);
    }
    expect(server.requests).toHaveLength(0);
    await orders.get('..x'); // dots inside an id are fine: only whole dot segments move up
    expect(server.requests.map((r) => r.url)).toEqual(['/api/api/v1/orders/..x']);
  });
});
