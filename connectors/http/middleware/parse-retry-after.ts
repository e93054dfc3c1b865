const DELAY_SECONDS = /^\s*(\d+)\s*$/;
/** An HTTP date starts with a day name: `Wed, 13 May...`, `Wednesday, 13-May-26...`, `Wed May 13...`. */
const HTTP_DATE = /^\s*[a-z]{3,9},?\s/i;

/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date.
 *
 * @param value - the header value, or undefined when there was none.
 * @param now - the current time in epoch milliseconds. @default Date.now()
 * @returns the delay in milliseconds (0 for a date in the past), or undefined when the header
 *   is absent or not understood.
 * @example
 * parseRetryAfter('120'); // 120000
 * parseRetryAfter('Wed, 13 May 2026 08:30:00 GMT', Date.parse('2026-05-13T08:29:30Z')); // 30000
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const seconds = DELAY_SECONDS.exec(value);
  if (seconds !== null) return Number(seconds[1]) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime dates carry no zone but are GMT (RFC 9110 §5.6.7); Date.parse would take local time.
  const date = Date.parse(/GMT|UTC/i.test(value) ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
