// 10,000 POSTs through a server that injects faults into 20% of the requests it receives:
// resets before and after processing, 429 with Retry-After, bursts of 503, slow responses,
// responses slower than the client's timeout, truncated bodies and 5xx. The server de-duplicates on
// Idempotency-Key, as a MES API should; the client must get every record accepted exactly once.
import type { ServerResponse } from 'node:http';
import { createRestClient } from 'millwright/rest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom } from '../../bench/harness.js';
import { startHttpServer, type TestServer } from './helpers/start-http-server.js';

const RECORDS = 10_000;
const FAULT_RATE = 0.2;
const BURST_LENGTH = 3;
const CONCURRENCY = 32;
// Well above the latency of 32 requests in flight on a busy CI machine, so that only the
// injected stalls time out.
const TIMEOUT_MS = 500;
const FAULTS = [
  'reset-before',
  'reset-after',
  '429',
  '503-burst',
  'slow',
  'stall',
  'truncated',
  '500',
  '502',
  '504',
] as const;
type Fault = (typeof FAULTS)[number];
// A burst turns one draw into BURST_LENGTH faulty requests without drawing for the other ones;
// with k extra faults per draw on average, a draw rate d gives d(1+k)/(1+dk) faults per request.
const EXTRA_PER_DRAW = (BURST_LENGTH - 1) / FAULTS.length;
const DRAW_RATE = FAULT_RATE / (1 + EXTRA_PER_DRAW - FAULT_RATE * EXTRA_PER_DRAW);

const random = seededRandom(4711);
const stored = new Map<string, string>(); // Idempotency-Key → the response body sent for it
const accepted = new Map<string, number>(); // record id → how often it was accepted
const faults = new Map<Fault, number>();
let received = 0;
let burst = 0;
let server: TestServer;

/** Accepts a record once per Idempotency-Key; a repeated key gets the stored answer. */
function accept(key: string, body: string): string {
  const known = stored.get(key);
  if (known !== undefined) return known;
  const { id } = JSON.parse(body) as { id: string };
  accepted.set(id, (accepted.get(id) ?? 0) + 1);
  const answer = JSON.stringify({ id, status: 'accepted' });
  stored.set(key, answer);
  return answer;
}

function reply(
  response: ServerResponse,
  status: number,
  body = '',
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

function pickFault(): Fault | undefined {
  if (burst > 0) {
    burst -= 1;
    return '503-burst';
  }
  if (random() >= DRAW_RATE) return undefined;
  const fault = FAULTS[Math.floor(random() * FAULTS.length)] as Fault;
  if (fault === '503-burst') burst = BURST_LENGTH - 1;
  return fault;
}

beforeAll(async () => {
  server = await startHttpServer((request, response, raw) => {
    received += 1;
    const key = String(request.headers['idempotency-key']);
    const fault = pickFault();
    if (fault !== undefined) faults.set(fault, (faults.get(fault) ?? 0) + 1);
    switch (fault) {
      case 'reset-before':
        return void raw.socket.destroy();
      case 'reset-after':
        accept(key, request.body);
        return void raw.socket.destroy();
      case '429':
        // A Retry-After of 0: the client waits its backoff (a longer Retry-After is a whole second).
        return reply(response, 429, '{"error":"slow down"}', { 'retry-after': '0' });
      case '503-burst':
        return reply(response, 503, '{"error":"maintenance"}');
      case 'slow': {
        const answer = accept(key, request.body);
        return void setTimeout(() => reply(response, 201, answer), 50);
      }
      case 'stall': {
        // Processed, but answered after the client gave up: the retry must not post it again.
        const answer = accept(key, request.body);
        return void setTimeout(() => reply(response, 201, answer), TIMEOUT_MS + 100);
      }
      case 'truncated': {
        const answer = accept(key, request.body);
        response.writeHead(201, { 'content-type': 'application/json', 'content-length': answer.length + 50 });
        response.write(answer.slice(0, 10));
        return void setImmediate(() => raw.socket.destroy());
      }
      case '500':
      case '502':
      case '504':
        return reply(response, Number(fault), '{"error":"upstream"}');
      default:
        return reply(response, 201, accept(key, request.body));
    }
  });
  server.requests.length = 0;
});

afterAll(async () => {
  await server.close();
});

it('accepts 10,000 POSTs exactly once through 20% injected faults', async () => {
  let retries = 0;
  const client = createRestClient({
    baseURL: `${server.url}/mes/api`,
    timeoutMs: TIMEOUT_MS,
    // Small delays keep the run short.
    retry: { attempts: 15, baseDelayMs: 1, maxDelayMs: 20 },
    onRetry: () => {
      retries += 1;
    },
  });
  const started = performance.now();
  const answers: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < RECORDS) {
      const id = `CONF-${String(next).padStart(5, '0')}`;
      next += 1;
      const answer = await client.post<{ id: string }>('/confirmations', {
        id,
        yield: { value: '1', unit: 'H87' },
      });
      if (typeof answer !== 'object') throw new Error(`no JSON answer for ${id}: ${answer}`);
      answers.push(answer.id);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  server.requests.length = 0;

  const injected = [...faults.values()].reduce((sum, n) => sum + n, 0);
  const once = [...accepted.values()].filter((n) => n === 1).length;
  console.log(
    `10k POSTs: ${once} of ${RECORDS} records accepted exactly once, ${RECORDS - accepted.size} lost, ` +
      `${[...accepted.values()].filter((n) => n > 1).length} duplicated; ${received} requests received, ` +
      `${injected} faults injected (${((100 * injected) / received).toFixed(1)}%: ` +
      `${[...faults].map(([fault, n]) => `${fault} ${n}`).join(', ')}), ${retries} retries, ${seconds.toFixed(1)} s`,
  );
  expect(accepted.size).toBe(RECORDS);
  expect(once).toBe(RECORDS);
  expect(new Set(answers).size).toBe(RECORDS);
  expect(injected / received).toBeGreaterThan(0.18);
});
