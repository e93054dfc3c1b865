// `npx tsx examples/rest-post-confirmations.ts`: posts production confirmations from the shop
// floor to a MES REST API, with retries that cannot post a confirmation twice.
//
// Against your MES: MES_URL=https://mes.plant-de01.example/api and either MES_TOKEN (a bearer
// token) or MES_TOKEN_URL, MES_CLIENT_ID and MES_CLIENT_SECRET (OAuth2 client credentials).
// Without MES_URL the example starts a small MES stand-in on 127.0.0.1 that fails now and then
// (503, 429 with Retry-After, dropped connections) and de-duplicates on Idempotency-Key.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AbortedError, isMillwrightError, ProductionConfirmation, ValidationError } from 'millwright';
import { createRestClient, type HttpAuth } from 'millwright/rest';
import { productionConfirmation } from './sample-records.js';

/** A MES stand-in: POST /api/confirmations, de-duplicated on Idempotency-Key, flaky on purpose. */
async function startMesStandIn(): Promise<{
  readonly url: string;
  readonly server: Server;
  readonly received: Map<string, string>;
}> {
  const byKey = new Map<string, string>();
  let requests = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      requests += 1;
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || request.url !== '/api/confirmations' || typeof key !== 'string') {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"unsupported"}');
        return;
      }
      if (requests % 7 === 2) return void response.writeHead(503, { 'retry-after': '1' }).end();
      if (requests % 7 === 4) return void response.writeHead(429, { 'retry-after': '1' }).end();
      const known = byKey.get(key);
      const answer = known ?? body;
      byKey.set(key, answer);
      // Accepted, then the connection drops before the answer: the client retries with the same key.
      if (requests % 7 === 6 && known === undefined) return void request.socket.destroy();
      response.writeHead(known === undefined ? 201 : 200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server, received: byKey };
}

function authFromEnvironment(): HttpAuth | undefined {
  const { MES_TOKEN, MES_TOKEN_URL, MES_CLIENT_ID, MES_CLIENT_SECRET } = process.env;
  if (MES_TOKEN_URL !== undefined && MES_CLIENT_ID !== undefined && MES_CLIENT_SECRET !== undefined) {
    return {
      type: 'oauth2-client-credentials',
      tokenUrl: MES_TOKEN_URL,
      clientId: MES_CLIENT_ID,
      clientSecret: MES_CLIENT_SECRET,
    };
  }
  return MES_TOKEN === undefined ? undefined : { type: 'bearer', token: MES_TOKEN };
}

const standIn = process.env.MES_URL === undefined ? await startMesStandIn() : undefined;
const baseURL = process.env.MES_URL ?? (standIn as { url: string }).url;
console.log(
  standIn === undefined ? `MES: ${baseURL}` : `MES_URL not set: started a local MES stand-in at ${baseURL}`,
);

const auth = authFromEnvironment();
const mes = createRestClient({
  baseURL,
  ...(auth === undefined ? {} : { auth }),
  timeoutMs: 5_000,
  // The stand-in's Retry-After: 1 is waited for; a server asking for more than maxRetryAfterMs
  // gets no retry: that confirmation is dead-lettered, to be sent again by the next run.
  retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 2_000, maxRetryAfterMs: 60_000 },
  onRetry: ({ attempt, delayMs, error }) =>
    console.log(
      `   attempt ${attempt} failed (${error.code}${'status' in error ? ` ${error.status}` : ''}); retrying in ${delayMs} ms`,
    ),
});
const confirmations = mes.resource('/confirmations', { schema: ProductionConfirmation });

// A shift's confirmations for work order 000001004711, operation 0020.
const shift: ProductionConfirmation[] = Array.from({ length: 6 }, (_, index) => ({
  ...productionConfirmation,
  id: `0000104711-${String(index + 1).padStart(8, '0')}`,
  yield: { value: String(40 + index), unit: 'H87' },
  final: index === 5,
  confirmedAt: `2026-05-13T${String(8 + index).padStart(2, '0')}:00:00+02:00`,
}));
// A record a scanner garbled: rejected before anything is sent.
const garbled = { ...productionConfirmation, id: '0000104711-99999999', yield: { value: '4O', unit: 'H87' } };

// Ctrl-C or a SIGTERM from the service manager cancels the call in flight and stops the job;
// what was not confirmed is sent by the next run, with the same Idempotency-Key.
const shutdown = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => shutdown.abort(signal));

const deadLetters: unknown[] = [];
let acceptedCount = 0;
for (const confirmation of [...shift, garbled]) {
  console.log(`-> ${confirmation.id}`);
  try {
    // The confirmation id as Idempotency-Key: a re-run of the whole job is recognised as well.
    const accepted = await confirmations.create(confirmation, {
      idempotencyKey: confirmation.id,
      signal: shutdown.signal,
    });
    acceptedCount += 1;
    console.log(
      `   accepted: yield ${accepted.yield.value} ${accepted.yield.unit}${accepted.final ? ', final' : ''}`,
    );
  } catch (error) {
    if (error instanceof AbortedError) {
      console.log(`   stopped by ${String(error.cause)}: the rest is left for the next run`);
      break;
    }
    if (error instanceof ValidationError) console.log(`   rejected before sending: ${error.message}`);
    else if (isMillwrightError(error)) console.log(`   failed after retries: ${error.message}`);
    else throw error;
    deadLetters.push({
      confirmation: confirmation.id,
      error: isMillwrightError(error) ? error.toJSON() : String(error),
    });
  }
}

console.log(`\n${acceptedCount} confirmations accepted, ${deadLetters.length} dead-lettered`);
if (standIn !== undefined) {
  console.log(`the stand-in holds ${standIn.received.size} confirmations, each exactly once`);
  standIn.server.close();
  standIn.server.closeAllConnections();
}
