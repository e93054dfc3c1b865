import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../internal/describe-input.js';
import type { RowField, RowPlace, SourcedRow } from './code-map-rows.js';
import { type CsvOptions, type CsvPosition, formatCsv, parseCsv } from './parse-csv.js';

/** One mapping: a system's code and the canonical value it stands for. */
export interface CodeMapRow<C extends string = string> {
  /** The system the code belongs to, e.g. `sap-s4-prd` or `mes-de01`. */
  readonly system: string;
  /** The code as that system writes it, e.g. `REL`. */
  readonly code: string;
  /** The canonical value, e.g. `released`. */
  readonly canonical: C;
  /**
   * Whether `fromCanonical` gives this code when several codes of the system map to one
   * canonical value. @default the first such row
   */
  readonly primary?: boolean;
}

const COLUMNS: readonly RowField[] = ['system', 'code', 'canonical', 'primary'];
const REQUIRED: readonly RowField[] = ['system', 'code', 'canonical'];
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

const placeAt = ({ line, column }: CsvPosition): RowPlace => ({
  text: `line ${line} column ${column}`,
  location: `${line}:${column}`,
});

/**
 * Reads code map rows from CSV with a header line naming the columns `system`, `code`,
 * `canonical` and, optionally, `primary` (true/false, yes/no, y/n, 1/0, x or empty), in any order
 * and any case; other columns are ignored, and so are blank lines. Whitespace around names and
 * values outside quotes is not part of them (see {@link parseCsv}). A row may leave out trailing
 * columns that are not required; a row longer than the header is refused.
 * @returns the rows, each with the line and column of its fields.
 * @throws MappingError `INVALID_CODE_MAP` with the message `code map <domain> line N column M: …`
 * and the location `N:M` for malformed CSV, a missing or repeated column, a row longer than the
 * header or missing a required column, or a primary flag that is not a yes or a no.
 */
export function readCodeMapCsv(
  domain: string,
  csvText: string,
  options: CsvOptions | undefined,
): SourcedRow[] {
  const source = `code map ${domain}`;
  const [header, ...records] = parseCsv(csvText, options, source);
  const fail = (at: CsvPosition, message: string): never => {
    const { text, location } = placeAt(at);
    throw new MappingError('INVALID_CODE_MAP', `${source} ${text}: ${message}`, { domain, location });
  };
  if (header === undefined)
    throw new MappingError('INVALID_CODE_MAP', `${source}: the CSV is empty`, { domain });
  const names = header.fields.map((name) => name.toLowerCase());
  const columns = new Map<RowField, number>();
  names.forEach((name, index) => {
    const field = COLUMNS.find((column) => column === name);
    if (field === undefined) return;
    if (columns.has(field))
      fail(header.positions[index] as CsvPosition, `the header names the column "${field}" twice`);
    columns.set(field, index);
  });
  for (const column of REQUIRED) {
    if (!columns.has(column)) fail(header.end, `the header has no "${column}" column`);
  }
  const rows: SourcedRow[] = [];
  for (const record of records) {
    const { fields, positions } = record;
    if (fields.every((field) => field === '')) continue;
    if (fields.length > names.length) {
      fail(
        positions[names.length] as CsvPosition,
        `the row has ${fields.length} fields, the header ${names.length}`,
      );
    }
    const value = (column: RowField): string | undefined => {
      const index = columns.get(column);
      return index === undefined ? undefined : fields[index];
    };
    for (const column of REQUIRED) {
      if (value(column) === undefined) fail(record.end, `the row ends before its "${column}" column`);
    }
    const primaryIndex = columns.get('primary');
    const flag = (value('primary') ?? '').toLowerCase();
    if (!TRUE.has(flag) && !FALSE.has(flag)) {
      fail(
        positions[primaryIndex as number] as CsvPosition,
        `primary ${describeInput(flag)} is not a yes or a no`,
      );
    }
    const place = (column: RowField): RowPlace => {
      const index = columns.get(column);
      return placeAt((index === undefined ? undefined : positions[index]) ?? record.end);
    };
    rows.push({
      system: value('system'),
      code: value('code'),
      canonical: value('canonical'),
      primary: TRUE.has(flag),
      place,
    });
  }
  return rows;
}

/**
 * Writes code map rows as CSV with the header `system,code,canonical,primary`, which
 * {@link readCodeMapCsv} reads back to the same rows.
 * @returns the CSV text.
 */
export function writeCodeMapCsv(rows: readonly CodeMapRow[], options: CsvOptions = {}): string {
  return formatCsv(
    [
      ['system', 'code', 'canonical', 'primary'],
      ...rows.map((row) => [row.system, row.code, row.canonical, row.primary === true ? 'true' : 'false']),
    ],
    options,
  );
}
