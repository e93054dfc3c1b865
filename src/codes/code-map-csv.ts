import { MappingError } from '../errors/mapping-error.js';
import { type CsvOptions, formatCsv, parseCsv } from './parse-csv.js';

/** One mapping: a system's code and the canonical value it stands for. */
export interface CodeMapRow {
  /** The system the code belongs to, e.g. `sap-s4-prd` or `mes-de01`. */
  readonly system: string;
  /** The code as that system writes it, e.g. `REL`. */
  readonly code: string;
  /** The canonical value, e.g. `released`. */
  readonly canonical: string;
  /**
   * Whether `fromCanonical` gives this code when several codes of the system map to one
   * canonical value. @default the first such row
   */
  readonly primary?: boolean;
}

/** A code map row with the CSV line it came from, for error locations. */
export interface LocatedCodeMapRow extends CodeMapRow {
  readonly line?: number;
}

const COLUMNS = ['system', 'code', 'canonical'] as const;
const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '']);

/**
 * Reads code map rows from CSV with a header line naming the columns `system`, `code`,
 * `canonical` and, optionally, `primary` (true/false, yes/no, y/n, 1/0, x or empty), in any order;
 * other columns are ignored, and so are blank lines.
 * @returns the rows with their line numbers.
 * @throws MappingError `INVALID_CODE_MAP` with the `line:column` of malformed CSV, a missing
 * column, a short row or a primary flag that is not a yes or a no.
 */
export function readCodeMapCsv(
  domain: string,
  csvText: string,
  options: CsvOptions = {},
): LocatedCodeMapRow[] {
  const [header, ...records] = parseCsv(csvText, options);
  if (header === undefined)
    throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: the CSV is empty`, { domain });
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const index = (name: string): number => names.indexOf(name);
  for (const column of COLUMNS) {
    if (index(column) === -1) {
      throw new MappingError(
        'INVALID_CODE_MAP',
        `code map ${domain}: the CSV header has no "${column}" column`,
        {
          domain,
          location: `${header.line}:1`,
        },
      );
    }
  }
  const primaryColumn = index('primary');
  const rows: LocatedCodeMapRow[] = [];
  for (const record of records) {
    if (record.fields.every((field) => field === '')) continue;
    const field = (name: string): string => {
      const column = index(name);
      const value = record.fields[column];
      if (value === undefined) {
        throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: line ${record.line} has no ${name}`, {
          domain,
          location: `${record.line}:${column + 1}`,
        });
      }
      return value;
    };
    const flag = primaryColumn === -1 ? '' : (record.fields[primaryColumn] ?? '').trim().toLowerCase();
    if (!TRUE.has(flag) && !FALSE.has(flag)) {
      throw new MappingError(
        'INVALID_CODE_MAP',
        `code map ${domain}: primary "${flag}" on line ${record.line} is not a yes or a no`,
        {
          domain,
          location: `${record.line}:${primaryColumn + 1}`,
        },
      );
    }
    rows.push({
      system: field('system'),
      code: field('code'),
      canonical: field('canonical'),
      ...(TRUE.has(flag) ? { primary: true } : {}),
      line: record.line,
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
