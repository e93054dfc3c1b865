// SAP's character representations of dates, times, numbers and keys in IDoc fields, read into
// canonical values. Every failure is a MappingError INVALID_SOURCE_DATA naming SEGMENT/FIELD.
import { MappingError } from '../../../src/errors/mapping-error.js';

/** Where a value stands in the IDoc: `E1AFKOL/GSTRP`. */
export type FieldLocation = string;

/** The error for a field value that cannot be mapped. */
export function invalidValue(location: FieldLocation, value: string, expected: string): MappingError {
  return new MappingError(
    'INVALID_SOURCE_DATA',
    `${location} = ${JSON.stringify(value)} is not ${expected}`,
    {
      location,
      value,
    },
  );
}

/**
 * An SAP date `YYYYMMDD` as `YYYY-MM-DD`; blank and `00000000` mean "no date".
 * @throws {MappingError} for anything else than a valid calendar date.
 */
export function readSapDate(value: string, location: FieldLocation): string | undefined {
  const text = value.trim();
  if (text === '' || /^0{8}$/.test(text)) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match === null) throw invalidValue(location, value, 'a date YYYYMMDD');
  const [, year, month, day] = match as unknown as [string, string, string, string];
  if (!isCalendarDate(Number(year), Number(month), Number(day))) {
    throw invalidValue(location, value, 'a calendar date');
  }
  return `${year}-${month}-${day}`;
}

/**
 * Whether a Gregorian date exists in SAP's range, years 0001 to 9999. Plain arithmetic, not
 * `Date.UTC`, which reads the years 0 to 99 as 1900 to 1999.
 */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/**
 * An SAP time `HHMMSS` as seconds after midnight; `240000` is the end of the day (86400). A
 * blank time is refused: it says nothing about the time of day (SAP writes midnight `000000`).
 * @throws {MappingError} for anything else.
 */
export function readSapTime(value: string, location: FieldLocation): number {
  const text = value.trim();
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (match === null) throw invalidValue(location, value, 'a time HHMMSS');
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (text === '240000') return 86_400;
  if (hours > 23 || minutes > 59 || seconds > 59) throw invalidValue(location, value, 'a time of day');
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * A number as SAP writes it into a character field, as an exact decimal string: leading or
 * trailing sign (`5.000-`, `-5`, `+ 50`), blanks, leading zeros, a decimal point and an exponent
 * (`1.5E+02`, from FLTP fields). Trailing zeros of the fraction are dropped (`250.000` → `250`).
 * @returns the decimal string, or undefined for a blank field.
 * @throws {MappingError} for anything that is not a number.
 */
export function readSapNumber(value: string, location: FieldLocation): string | undefined {
  let text = value.replace(/\s+/g, '');
  if (text === '') return undefined;
  let negative = false;
  if (text.endsWith('-')) {
    negative = true;
    text = text.slice(0, -1);
  }
  if (text.startsWith('-') || text.startsWith('+')) {
    if (negative) throw invalidValue(location, value, 'a number');
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?$/.exec(text);
  if (match === null || (match[1] === '' && (match[2] ?? '') === ''))
    throw invalidValue(location, value, 'a number');
  let digits = `${match[1] ?? ''}${match[2] ?? ''}`;
  let point = (match[1] ?? '').length + Number(match[3] ?? 0);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const integer = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  const decimal = fraction === '' ? integer : `${integer}.${fraction}`;
  return negative && decimal !== '0' ? `-${decimal}` : decimal;
}

/**
 * A material (or other ALPHA-converted) number: kept as written by default; with `strip`, the
 * leading zeros of an all-digit number are removed (`000000000000004711` → `4711`).
 */
export function readSapKey(value: string, strip: boolean): string {
  const text = value.trim();
  return strip && /^\d+$/.test(text) ? text.replace(/^0+(?=\d)/, '') : text;
}

/** The backflush indicator RGEKZ takes `1` ("always backflush", as in the material master) as well as `X`. */
export const BACKFLUSH_ALSO_TRUE: readonly string[] = ['1'];

/**
 * An SAP indicator (CHAR 1): blank is false, `X` true. `alsoTrue` names other values a field's
 * domain documents as true (the backflush indicator RGEKZ also takes `1`, "always backflush").
 * Any other value (`Y`, a lowercase `x`) is refused: it is not a value SAP writes there, and
 * reading it as either answer would decide a business value from a field that could not be read.
 * @throws {MappingError} `INVALID_SOURCE_DATA` at `location` for any other value.
 */
export function readSapFlag(
  value: string | undefined,
  location: FieldLocation,
  alsoTrue: readonly string[] = [],
): boolean {
  const text = (value ?? '').trim();
  if (text === '') return false;
  if (text === 'X' || alsoTrue.includes(text)) return true;
  const accepted = ['X', ...alsoTrue].map((flag) => JSON.stringify(flag)).join(', ');
  throw invalidValue(location, text, `an indicator (blank or ${accepted})`);
}

/**
 * The layout ALE gives a BAPI quantity (QUAN `digits`,`decimals`) in an E1BP segment: the
 * integer part zero-padded, a point, every decimal and a trailing sign, `0000012345.432+` for
 * QUAN 13,3 (15 characters) and `000012.500-` for QUAN 9,3 (11).
 */
export interface SignedQuantityFormat {
  readonly digits: number;
  readonly decimals: number;
}

/** QUAN 13,3, 15 characters: YIELD, SCRAP, REWORK and the activities of a time ticket. */
export const QUAN_13_3: SignedQuantityFormat = { digits: 13, decimals: 3 };

/**
 * A BAPI quantity written as {@link SignedQuantityFormat} (and nothing else), as an exact
 * decimal string.
 * @returns the decimal string, or undefined for a blank field.
 * @throws {MappingError} `INVALID_SOURCE_DATA` for any other text.
 */
export function readSapSignedQuantity(
  value: string,
  location: FieldLocation,
  format: SignedQuantityFormat,
): string | undefined {
  if (value.trim() === '') return undefined;
  const integer = format.digits - format.decimals;
  const match = new RegExp(`^(\\d{${integer}})\\.(\\d{${format.decimals}})([+-])$`).exec(value);
  if (match === null) {
    const example = `${'0'.repeat(integer - 5)}12345.${'4'.repeat(format.decimals)}+`;
    throw invalidValue(
      location,
      value,
      `a quantity written as ${example} (QUAN ${format.digits},${format.decimals})`,
    );
  }
  const [, whole, fraction, sign] = match as unknown as [string, string, string, string];
  const decimal = readSapNumber(`${whole}.${fraction}`, location) as string;
  return sign === '-' && decimal !== '0' ? `-${decimal}` : decimal;
}

/**
 * A decimal string in the layout of {@link readSapSignedQuantity}.
 * @throws {MappingError} `INVALID_SOURCE_DATA` (at `location`, a JSON Pointer) for a value with
 *   more decimals or integer digits than the format holds: it is never rounded.
 */
export function writeSapSignedQuantity(
  value: string,
  location: string,
  format: SignedQuantityFormat,
): string {
  const negative = value.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const integer = format.digits - format.decimals;
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (fraction.length > format.decimals || digits.length > integer) {
    throw new MappingError(
      'INVALID_SOURCE_DATA',
      `${location} = ${value} does not fit QUAN ${format.digits},${format.decimals} ` +
        `(at most ${integer} digits before the point and ${format.decimals} after it); it is not rounded`,
      { location, value },
    );
  }
  const sign = negative && /[1-9]/.test(`${digits}${fraction}`) ? '-' : '+';
  return `${digits.padStart(integer, '0')}.${fraction.padEnd(format.decimals, '0')}${sign}`;
}
