// SAP dates and times are local to the plant and carry no zone. These helpers turn them into
// RFC 3339 timestamps with the offset the zone had at that instant, and back.
import { MillwrightError } from '../../../src/errors/millwright-error.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (found === undefined) {
    try {
      found = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch (error) {
      throw new MillwrightError('INVALID_OPTIONS', `unknown time zone ${JSON.stringify(timeZone)}`, {
        cause: error,
      });
    }
    formatters.set(timeZone, found);
  }
  return found;
}

/**
 * Checks a time-zone name.
 * @throws {MillwrightError} code `INVALID_OPTIONS` for a name the runtime does not know.
 */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/**
 * A UTC date and time as epoch ms. Unlike `Date.UTC`, years 0 to 99 stay themselves (`Date.UTC`
 * reads them as 1900 to 1999, so SAP date 00500601 would become 1950).
 */
function utcEpochMs(year: number, month: number, day: number, seconds = 0): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() + seconds * 1000;
}

/** The local wall-clock time of an instant in a zone, as if that clock time were UTC (epoch ms). */
function wallClock(epochMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value);
  const seconds = get('hour') * 3600 + get('minute') * 60 + get('second');
  return utcEpochMs(get('year'), get('month'), get('day'), seconds);
}

/** How far a zone is ahead of UTC at an instant, in minutes. */
function offsetMinutes(epochMs: number, timeZone: string): number {
  return Math.round((wallClock(epochMs, timeZone) - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

const pad = (value: number, length = 2): string => String(Math.abs(value)).padStart(length, '0');

/**
 * A local date (`YYYY-MM-DD`) and time (seconds after midnight) in a zone as an RFC 3339
 * timestamp with that zone's offset, e.g. `2026-05-13T06:00:00+02:00`.
 */
export function toTimestamp(date: string, seconds: number, timeZone: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = utcEpochMs(year, month, day, seconds);
  let offset = offsetMinutes(wall, timeZone);
  offset = offsetMinutes(wall - offset * 60_000, timeZone);
  const local = new Date(wall);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`
  );
}

/** An RFC 3339 timestamp as the local SAP date `YYYYMMDD` and time `HHMMSS` in a zone. */
export function toSapDateTime(
  timestamp: string,
  timeZone: string,
): { readonly date: string; readonly time: string } {
  const local = new Date(wallClock(Date.parse(timestamp), timeZone));
  return {
    date: `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`,
  };
}

/** A calendar date `YYYY-MM-DD` as the SAP date `YYYYMMDD`. */
export function toSapDate(date: string): string {
  return date.replaceAll('-', '');
}
