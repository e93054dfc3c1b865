import { MappingError } from '../errors/mapping-error.js';
import type { CodeMapRow } from './code-map-csv.js';
import { readCallerValue } from './read-caller-value.js';

/** The fields of a code map row. */
export type RowField = keyof CodeMapRow;

/** Where a field of a row stands: `row 3`, or `line 3 column 9` with the location `3:9`. */
export interface RowPlace {
  /** For messages: `row 3` or `line 3 column 9`. */
  readonly text: string;
  /** For {@link MappingError.location}: `row 3` or `3:9`. */
  readonly location: string;
}

/**
 * A row as it was read, once, from the caller's rows or from a CSV line: its fields not yet
 * checked, and where each stands.
 */
export interface SourcedRow {
  readonly system: unknown;
  readonly code: unknown;
  readonly canonical: unknown;
  readonly primary: unknown;
  readonly place: (field: RowField) => RowPlace;
}

function invalid(domain: string, place: string, message: string, cause?: unknown): MappingError {
  return new MappingError(
    'INVALID_CODE_MAP',
    `code map ${domain}${place === '' ? '' : ` ${place}`}: ${message}`,
    { domain, ...(place === '' ? {} : { location: place }) },
    { cause },
  );
}

/**
 * Reads the rows given to `CodeMap.fromRows`: iterates them once and reads each field of each
 * row once, so that a getter answering differently later cannot change what was checked.
 * @returns the rows with their row numbers.
 * @throws MappingError `INVALID_CODE_MAP` when the rows are not an iterable, a row is not an
 * object, or the rows cannot be read (a throwing iterator or getter, a revoked Proxy: the error
 * is the `cause`), with the row number where one applies.
 */
export function readCodeMapRows(domain: string, rows: unknown): SourcedRow[] {
  const unreadable = (cause: unknown): MappingError =>
    invalid(domain, '', 'the rows could not be read (see the cause)', cause);
  const iterable = readCallerValue(
    () => typeof (rows as Partial<Iterable<unknown>> | null | undefined)?.[Symbol.iterator] === 'function',
    unreadable,
  );
  if (!iterable) throw invalid(domain, '', 'the rows must be an array (or another iterable)');
  const list = readCallerValue(() => [...(rows as Iterable<unknown>)], unreadable);
  return list.map((row, index): SourcedRow => {
    const where = `row ${index + 1}`;
    if (typeof row !== 'object' || row === null) {
      throw invalid(domain, where, 'the row is not an object { system, code, canonical }');
    }
    const fields = readCallerValue(
      () => {
        const { system, code, canonical, primary } = row as Record<RowField, unknown>;
        return { system, code, canonical, primary };
      },
      (cause) => invalid(domain, where, 'the row could not be read (see the cause)', cause),
    );
    const place: RowPlace = { text: where, location: where };
    return { ...fields, place: () => place };
  });
}
