import { randomFillSync, randomUUID } from 'node:crypto';

/** Random bytes drawn in bulk: one system call per 512 span ids instead of one per request. */
const pool = Buffer.alloc(4096);
let offset = pool.length;

/**
 * Makes a W3C Trace Context `traceparent` header value (version 00, sampled):
 * `00-<32 hex trace-id>-<16 hex parent-id>-01`. When the correlation id is a UUID, its 32 hex
 * digits become the trace-id, so the trace and the correlation id name the same call in every
 * log; otherwise the trace-id is random. The parent-id is always random.
 *
 * @param correlationId - the call's correlation id.
 * @returns the header value.
 * @example
 * createTraceparent('0f8fad5b-d9cb-469f-a165-70867728950e');
 * // '00-0f8fad5bd9cb469fa16570867728950e-<16 random hex>-01'
 */
export function createTraceparent(correlationId: string): string {
  const fromCorrelation = isUuid(correlationId) ? uuidHex(correlationId) : undefined;
  const traceId =
    fromCorrelation === undefined || /^0+$/.test(fromCorrelation) ? uuidHex(randomUUID()) : fromCorrelation;
  return `00-${traceId}-${randomHex8()}-01`;
}

/** `00-<trace-id>-<parent-id>-<flags>`, with the ids not all zero (W3C Trace Context, version 00). */
const TRACEPARENT = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-([0-9a-f]{2})$/;

/**
 * The `traceparent` of another request made for the same call (an OAuth2 token request): the
 * call's trace-id and flags with a new parent-id, so that both requests show in one trace.
 *
 * @param traceparent - the call's `traceparent`, when it has one.
 * @param correlationId - the call's correlation id, for a new trace when the call has no valid `traceparent`.
 * @returns the header value.
 * @example
 * continueTrace('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x');
 * // '00-0af7651916cd43dd8448eb211c80319c-<16 random hex>-01'
 */
export function continueTrace(traceparent: string | undefined, correlationId: string | undefined): string {
  const parent = traceparent === undefined ? null : TRACEPARENT.exec(traceparent);
  if (parent === null) return createTraceparent(correlationId ?? randomUUID());
  return `00-${parent[1]}-${randomHex8()}-${parent[2]}`;
}

function isUuid(value: string): boolean {
  return value.length === 36 && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The 32 hex digits of a UUID, in lower case. */
function uuidHex(uuid: string): string {
  const hex = uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(14, 18) + uuid.slice(19, 23) + uuid.slice(24);
  return hex.toLowerCase();
}

/** 8 random bytes as 16 hex digits, never all zero (an invalid parent-id). */
function randomHex8(): string {
  for (;;) {
    if (offset + 8 > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const hex = pool.toString('hex', offset, offset + 8);
    offset += 8;
    if (hex !== '0000000000000000') return hex;
  }
}
