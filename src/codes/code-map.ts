import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../uom/describe-input.js';
import { type CodeMapRow, type LocatedCodeMapRow, readCodeMapCsv, writeCodeMapCsv } from './code-map-csv.js';
import {
  type CodeMapOptions,
  type LookupDirection,
  type ResolvedCodeMapOptions,
  resolveCodeMapOptions,
  type UnmappedPolicy,
} from './code-map-options.js';
import type { CsvOptions } from './parse-csv.js';

/** Options of {@link CodeMap.fromCsv}: the map's options and the CSV delimiter. */
export interface CodeMapCsvOptions extends CodeMapOptions, CsvOptions {}

/** One counted unmapped code. */
export interface UnmappedCount {
  readonly direction: LookupDirection;
  readonly system: string;
  readonly code: string;
  readonly count: number;
}

/** The unmapped look-ups of a code map since it was built or last reset. */
export interface UnmappedStats {
  /** Every unmapped look-up, counted or not. */
  readonly total: number;
  /** The counted codes, the most frequent first (at most `maxTrackedCodes` of them). */
  readonly codes: readonly UnmappedCount[];
}

const SEPARATOR = '\u0000';

function locate(row: LocatedCodeMapRow, index: number): string {
  return row.line === undefined ? `row ${index + 1}` : `${row.line}:1`;
}

function isRow(row: unknown): row is LocatedCodeMapRow {
  return typeof row === 'object' && row !== null;
}

/**
 * A bidirectional value map for one domain (work order statuses, movement types, reason
 * codes...): each system's codes ↔ canonical values, as SAP Cloud Integration's value mapping
 * or an Oracle XREF table. Several codes of a system may map to one canonical value; the
 * primary one (or the first) is what `fromCanonical` gives back. Contradictions are rejected
 * when the map is built, and every unmapped look-up is counted for monitoring.
 * @example
 * const status = CodeMap.fromRows('workorder-status', [
 *   { system: 'mes-de01', code: 'RUN', canonical: 'in-progress' },
 *   { system: 'mes-de01', code: 'DONE', canonical: 'completed' },
 * ], { unmapped: 'error' });
 * status.toCanonical('mes-de01', 'RUN'); // 'in-progress'
 * status.fromCanonical('mes-de01', 'completed'); // 'DONE'
 */
export class CodeMap {
  /** The domain the map is for, e.g. `workorder-status`; named in every error. */
  readonly domain: string;
  private readonly options: ResolvedCodeMapOptions;
  private readonly rowList: readonly CodeMapRow[];
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();
  private readonly counts = new Map<
    string,
    { direction: LookupDirection; system: string; code: string; count: number }
  >();
  private total = 0;

  private constructor(
    domain: string,
    rows: readonly LocatedCodeMapRow[],
    options: CodeMapOptions | undefined,
  ) {
    if (typeof domain !== 'string' || domain === '') {
      throw new MappingError('INVALID_CODE_MAP', 'a code map needs a domain name');
    }
    this.domain = domain;
    this.options = resolveCodeMapOptions(domain, options);
    const kept: CodeMapRow[] = [];
    const primaries = new Set<string>();
    rows.forEach((row, index) => {
      if (!isRow(row)) {
        throw new MappingError(
          'INVALID_CODE_MAP',
          `code map ${domain}: row ${index + 1} is not an object { system, code, canonical }`,
          { domain, location: `row ${index + 1}` },
        );
      }
      const { system, code, canonical } = row;
      const location = locate(row, index);
      for (const [name, value] of [
        ['system', system],
        ['code', code],
        ['canonical', canonical],
      ] as const) {
        if (typeof value !== 'string' || value === '') {
          throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: ${location} has an empty ${name}`, {
            domain,
            location,
          });
        }
      }
      const codeKey = `${system}${SEPARATOR}${code}`;
      const known = this.forward.get(codeKey);
      if (known !== undefined && known !== canonical) {
        throw new MappingError(
          'CODE_CONFLICT',
          `code map ${domain}: ${system} code ${code} maps to both ${known} and ${canonical} (${location})`,
          { domain, system, value: code, canonical, location },
        );
      }
      const canonicalKey = `${system}${SEPARATOR}${canonical}`;
      if (row.primary === true) {
        const chosen = this.backward.get(canonicalKey);
        if (primaries.has(canonicalKey) && chosen !== code) {
          throw new MappingError(
            'CODE_CONFLICT',
            `code map ${domain}: ${system} has two primary codes for ${canonical}: ${chosen} and ${code} (${location})`,
            { domain, system, value: code, canonical, location },
          );
        }
        primaries.add(canonicalKey);
        this.backward.set(canonicalKey, code);
      } else if (!this.backward.has(canonicalKey)) {
        this.backward.set(canonicalKey, code);
      }
      if (known === undefined) {
        this.forward.set(codeKey, canonical);
        kept.push({ system, code, canonical });
      }
    });
    // Mark the code each canonical value maps back to, so that rows() and toCsv() rebuild the same map.
    this.rowList = kept.map((row) =>
      this.backward.get(`${row.system}${SEPARATOR}${row.canonical}`) === row.code
        ? { ...row, primary: true }
        : row,
    );
  }

  /**
   * Builds a map from rows; identical rows are kept once.
   * @returns the map.
   * @throws MappingError `CODE_CONFLICT` when one code of a system maps to two canonical values,
   * or two rows are primary for one canonical value; `INVALID_CODE_MAP` for rows that are not
   * an iterable of objects, an empty or non-string field, or a bad option.
   * @example CodeMap.fromRows('uom', [{ system: 'mes-de01', code: 'Stk', canonical: 'H87' }]).toCanonical('mes-de01', 'Stk') // 'H87'
   */
  static fromRows(domain: string, rows: Iterable<CodeMapRow>, options?: CodeMapOptions): CodeMap {
    if (typeof (rows as Partial<Iterable<unknown>> | null)?.[Symbol.iterator] !== 'function') {
      throw new MappingError(
        'INVALID_CODE_MAP',
        'the rows of a code map must be an array (or another iterable)',
        {
          domain: typeof domain === 'string' ? domain : undefined,
        },
      );
    }
    return new CodeMap(domain, [...rows], options);
  }

  /**
   * Builds a map from RFC 4180 CSV with the columns `system`, `code`, `canonical` and, optionally,
   * `primary` (quoted fields, escaped quotes, CRLF and embedded line breaks are all read).
   * @returns the map.
   * @throws MappingError `INVALID_CODE_MAP` with the `line:column` of malformed CSV or a missing
   * column, or for text that is not a string (decode a Buffer first: `buffer.toString('utf8')`);
   * `CODE_CONFLICT` as {@link CodeMap.fromRows}, with the CSV line.
   * @example CodeMap.fromCsv('uom', 'system,code,canonical\r\nmes,Stk,H87\r\n', { unmapped: 'passthrough' })
   */
  static fromCsv(domain: string, csvText: string, options: CodeMapCsvOptions = {}): CodeMap {
    return new CodeMap(domain, readCodeMapCsv(domain, csvText, options), options);
  }

  /**
   * The canonical value of a system's code.
   * @returns the canonical value; for an unmapped code, what the policy says.
   * @throws MappingError `UNMAPPED_CODE` for an unmapped code under the `'error'` policy;
   * `INVALID_SOURCE_DATA` when the system or the code is not a string.
   * @example sapOrderStatusMap.toCanonical('sap', 'REL') // 'released'
   */
  toCanonical(system: string, code: string): string {
    this.checkLookup(system, code, 'code');
    const found = this.forward.get(`${system}${SEPARATOR}${code}`);
    return found ?? this.unmapped('to-canonical', system, code, this.options.toCanonical);
  }

  /**
   * A system's code for a canonical value (the primary code when several map to it).
   * @returns the code; for an unmapped value, what the policy says.
   * @throws MappingError `UNMAPPED_CODE` for an unmapped value under the `'error'` policy;
   * `INVALID_SOURCE_DATA` when the system or the canonical value is not a string.
   * @example sapOrderStatusMap.fromCanonical('sap', 'completed') // 'CNF'
   */
  fromCanonical(system: string, canonical: string): string {
    this.checkLookup(system, canonical, 'canonical value');
    const found = this.backward.get(`${system}${SEPARATOR}${canonical}`);
    return found ?? this.unmapped('from-canonical', system, canonical, this.options.fromCanonical);
  }

  /**
   * The rows of the map, each once, with `primary: true` on the code each canonical value maps back to.
   * @returns the rows in the order given.
   */
  rows(): readonly CodeMapRow[] {
    return this.rowList;
  }

  /**
   * The map as CSV that {@link CodeMap.fromCsv} reads back to an equal map.
   * @returns the CSV text with a `system,code,canonical,primary` header.
   */
  toCsv(options?: CsvOptions): string {
    return writeCodeMapCsv(this.rowList, options);
  }

  /**
   * The unmapped look-ups counted since the map was built or last reset, for monitoring.
   * @returns the total and the counted codes, the most frequent first.
   */
  unmappedStats(): UnmappedStats {
    const codes = [...this.counts.values()].map((entry) => ({ ...entry })).sort((a, b) => b.count - a.count);
    return { total: this.total, codes };
  }

  /** Sets the unmapped counters back to zero (after a monitoring system has read them). */
  resetUnmappedStats(): void {
    this.counts.clear();
    this.total = 0;
  }

  /** A look-up key must be made of strings: a code from untrusted data may be anything. */
  private checkLookup(system: unknown, code: unknown, name: string): void {
    for (const [what, value] of [
      ['system', system],
      [name, code],
    ] as const) {
      if (typeof value !== 'string') {
        throw new MappingError(
          'INVALID_SOURCE_DATA',
          `code map ${this.domain}: the ${what} to look up must be a string, not ${describeInput(value)}`,
          { domain: this.domain },
        );
      }
    }
  }

  private unmapped(direction: LookupDirection, system: string, code: string, policy: UnmappedPolicy): string {
    this.total += 1;
    const key = `${direction}${SEPARATOR}${system}${SEPARATOR}${code}`;
    let entry = this.counts.get(key);
    if (entry === undefined && this.counts.size < this.options.maxTrackedCodes) {
      entry = { direction, system: String(system), code: String(code), count: 0 };
      this.counts.set(key, entry);
    }
    if (entry !== undefined) entry.count += 1;
    const count = entry?.count ?? 1;
    this.options.onUnmapped?.({ domain: this.domain, system, code, direction, count });
    if (policy === 'passthrough') return code;
    if (policy !== 'error') return policy.default;
    const what =
      direction === 'to-canonical' ? `${system} code ${code}` : `canonical value ${code} for ${system}`;
    throw new MappingError('UNMAPPED_CODE', `code map ${this.domain} has no mapping for ${what}`, {
      domain: this.domain,
      system,
      ...(direction === 'to-canonical' ? { value: code } : { canonical: code }),
    });
  }
}
