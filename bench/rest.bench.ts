// Requests per second of millwright's REST client (`client.get`: correlation id, traceparent,
// retry policy, timeout, JSON parsing) against raw axios, both on the same local keep-alive
// http server in this process and with the same agent settings. Two peers: axios as most
// code creates it (it follows redirects through follow-redirects), and axios set up like
// millwright's transport (maxRedirects: 0, which uses node:http directly).
import { Agent, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { createRestClient } from 'millwright/rest';
import { compare } from './harness.js';

const CONCURRENCY = 16;
const body = JSON.stringify({
  id: '000001004711',
  material: 'FG-4711',
  plant: 'DE01',
  quantity: { value: '250', unit: 'H87' },
  status: 'released',
});
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
const agent = (): Agent => new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

const client = createRestClient({ baseURL, httpAgent: agent() });
const plainAxios = axios.create({ baseURL, httpAgent: agent() });
const directAxios = axios.create({ baseURL, httpAgent: agent(), maxRedirects: 0 });

const path = '/workorders/000001004711';
const batch = (get: () => Promise<unknown>) => () => Promise.all(Array.from({ length: CONCURRENCY }, get));
for (const get of [
  () => client.get(path),
  async () => (await plainAxios.get(path)).data,
  async () => (await directAxios.get(path)).data,
]) {
  const result = (await get()) as { id?: string };
  if (result.id !== '000001004711') throw new Error('a contender did not return the parsed work order');
}

for (const [title, unitsPerCall, wrap] of [
  ['GET one at a time', 1, (get: () => Promise<unknown>) => get],
  [`GET, ${CONCURRENCY} in flight`, CONCURRENCY, batch],
] as const) {
  await compare({
    title: `REST client: ${title} on a local keep-alive server`,
    unit: 'req/s',
    unitsPerCall,
    // More and longer rounds than the default: a local round trip is short and a busy machine noisy.
    rounds: 7,
    timeMs: 1500,
    ours: { name: 'millwright client.get', fn: wrap(() => client.get(path)) },
    peers: [
      {
        name: 'raw axios (defaults)',
        fn: wrap(() => plainAxios.get(path).then((response) => response.data)),
      },
      {
        name: 'raw axios (maxRedirects: 0)',
        fn: wrap(() => directAxios.get(path).then((response) => response.data)),
      },
    ],
  });
}
server.close();
server.closeAllConnections();
