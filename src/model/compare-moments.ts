/** `YYYY-MM-DD`: a LocalDate is exactly its first 10 characters. */
const DATE_LENGTH = 10;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const digits = (text: string, from: number, length: number): number =>
  Number(text.slice(from, from + length));

/**
 * The instant of a {@link Timestamp} (`2026-05-12T08:30:00.25+02:00`) as whole seconds since the
 * epoch and the fraction's digits, so that instants compare exactly at any precision.
 */
function instantOf(timestamp: string): { readonly seconds: number; readonly fraction: string } {
  const zone = timestamp.endsWith('Z') ? timestamp.length - 1 : timestamp.length - 6;
  const offsetMinutes =
    zone === timestamp.length - 1
      ? 0
      : (timestamp[zone] === '-' ? -1 : 1) *
        (digits(timestamp, zone + 1, 2) * 60 + digits(timestamp, zone + 4, 2));
  const days = daysFromCivil(digits(timestamp, 0, 4), digits(timestamp, 5, 2), digits(timestamp, 8, 2));
  const seconds =
    days * 86_400 +
    digits(timestamp, 11, 2) * 3600 +
    digits(timestamp, 14, 2) * 60 +
    digits(timestamp, 17, 2) -
    offsetMinutes * 60;
  return { seconds, fraction: timestamp.slice(20, zone).replace(/0+$/, '') };
}

const DOT = 46;

/** Whether two strings of one length agree from `start` on. */
function sameFrom(a: string, b: string, start: number): boolean {
  for (let index = start; index < a.length; index += 1)
    if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return true;
}

const sign = (difference: number): -1 | 0 | 1 => (difference < 0 ? -1 : difference > 0 ? 1 : 0);

/**
 * Compares two moments, each a `LocalDate` (`2026-05-12`) or a `Timestamp` with offset, as the
 * canonical schemas have already checked them. Two timestamps compare as instants, exactly (at
 * any number of fraction digits, across offsets); two dates as days; a date and a timestamp as
 * days, the timestamp's day being the one it names in its own offset.
 * @returns -1, 0 or 1 as `a` is before, on or after `b`.
 */
export function compareMoments(a: string, b: string): -1 | 0 | 1 {
  if (a.length === DATE_LENGTH || b.length === DATE_LENGTH) {
    const left = a.slice(0, DATE_LENGTH);
    const right = b.slice(0, DATE_LENGTH);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  // The same offset and no fractions (the usual case): the text orders as the instants do.
  if (a.length === b.length && a.charCodeAt(19) !== DOT && sameFrom(a, b, 19))
    return a < b ? -1 : a > b ? 1 : 0;
  const left = instantOf(a);
  const right = instantOf(b);
  if (left.seconds !== right.seconds) return sign(left.seconds - right.seconds);
  const width = Math.max(left.fraction.length, right.fraction.length);
  const l = left.fraction.padEnd(width, '0');
  const r = right.fraction.padEnd(width, '0');
  return l < r ? -1 : l > r ? 1 : 0;
}
