import type { z } from 'zod';
import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../internal/describe-input.js';
import { shortenText } from '../internal/shorten-text.js';
import { type CodeMapRow, readCodeMapCsv, writeCodeMapCsv } from './code-map-csv.js';
import {
  type CanonicalSchema,
  type CodeMapOptions,
  type LookupDirection,
  type ResolvedCodeMapOptions,
  resolveCodeMapOptions,
  type UnmappedPolicy,
} from './code-map-options.js';
import { type RowField, readCodeMapRows, type SourcedRow } from './code-map-rows.js';
import type { CsvOptions } from './parse-csv.js';

/** Options of {@link CodeMap.fromCsv}: the map's options and how the CSV is read. */
export interface CodeMapCsvOptions<S extends CanonicalSchema = CanonicalSchema>
  extends CodeMapOptions<S>,
    CsvOptions {}

/** One counted unmapped code. */
export interface UnmappedCount {
  readonly direction: LookupDirection;
  /** The system, its first 256 characters when it is longer (then ending in `…`). */
  readonly system: string;
  /** The code, its first 256 characters when it is longer (then ending in `…`). */
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

/** A system name as messages show it: unquoted, its first 40 characters. */
function systemName(system: string): string {
  return system.length <= 40 ? system : `${system.slice(0, 40)}...`;
}

function checkDomain(domain: unknown): asserts domain is string {
  if (typeof domain !== 'string' || domain === '') {
    throw new MappingError('INVALID_CODE_MAP', 'a code map needs a domain name');
  }
}

/**
 * A bidirectional value map for one domain (work order statuses, movement types, reason
 * codes...): each system's codes ↔ canonical values, as SAP Cloud Integration's value mapping
 * or an Oracle XREF table. Several codes of a system may map to one canonical value; the
 * primary one (or the first) is what `fromCanonical` gives back. Contradictions, and canonical
 * values that the optional `canonical` schema refuses, are rejected when the map is built; every
 * unmapped look-up is counted for monitoring. Codes are matched exactly (case and blanks count).
 *
 * `C` is the type of the canonical values: the output of the `canonical` schema when one is
 * given (`CodeMap<WorkOrderStatus>`), else `string`.
 * @example
 * const status = CodeMap.fromRows('workorder-status', [
 *   { system: 'mes-de01', code: 'RUN', canonical: 'in-progress' },
 *   { system: 'mes-de01', code: 'DONE', canonical: 'completed' },
 * ], { canonical: WorkOrderStatus, unmapped: 'error' });
 * status.toCanonical('mes-de01', 'RUN'); // 'in-progress', typed WorkOrderStatus
 * status.fromCanonical('mes-de01', 'completed'); // 'DONE'
 */
export class CodeMap<C extends string = string> {
  /** The domain the map is for, e.g. `workorder-status`; named in every error. */
  readonly domain: string;
  private readonly options: ResolvedCodeMapOptions<C>;
  private readonly rowList: readonly CodeMapRow<C>[];
  private readonly forward = new Map<string, C>();
  private readonly backward = new Map<string, string>();
  private readonly counts = new Map<
    string,
    { direction: LookupDirection; system: string; code: string; count: number }
  >();
  private total = 0;

  private constructor(domain: string, rows: readonly SourcedRow[], options: ResolvedCodeMapOptions<C>) {
    this.domain = domain;
    this.options = options;
    const kept: CodeMapRow<C>[] = [];
    const primaries = new Set<string>();
    for (const row of rows) {
      const system = this.text(row, 'system');
      const code = this.text(row, 'code');
      const given = this.text(row, 'canonical');
      if (row.primary !== undefined && typeof row.primary !== 'boolean') {
        this.fail(row, 'primary', `primary is ${describeInput(row.primary)}, not true or false`, { system });
      }
      const checked = options.checkCanonical(given);
      if ('refusal' in checked) {
        this.fail(row, 'canonical', `the canonical value ${describeInput(given)} ${checked.refusal}`, {
          system,
          canonical: given,
        });
      }
      const canonical = checked.value;
      const codeKey = `${system}${SEPARATOR}${code}`;
      const known = this.forward.get(codeKey);
      if (known !== undefined && known !== canonical) {
        this.fail(
          row,
          'code',
          `${systemName(system)} code ${describeInput(code)} maps to both ${describeInput(known)} and ${describeInput(canonical)}`,
          { system, value: code, canonical },
          'CODE_CONFLICT',
        );
      }
      const canonicalKey = `${system}${SEPARATOR}${canonical}`;
      if (row.primary === true) {
        const chosen = this.backward.get(canonicalKey);
        if (primaries.has(canonicalKey) && chosen !== code) {
          this.fail(
            row,
            'primary',
            `${systemName(system)} has two primary codes for ${describeInput(canonical)}: ${describeInput(chosen)} and ${describeInput(code)}`,
            { system, value: code, canonical },
            'CODE_CONFLICT',
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
    }
    // Mark the code each canonical value maps back to, so that rows() and toCsv() rebuild the same map.
    // Frozen, so that what rows() hands out cannot drift from what was checked.
    this.rowList = Object.freeze(
      kept.map((row) =>
        Object.freeze(
          this.backward.get(`${row.system}${SEPARATOR}${row.canonical}`) === row.code
            ? { ...row, primary: true }
            : row,
        ),
      ),
    );
  }

  /**
   * Builds a map from rows; identical rows are kept once. The rows are iterated once, and each
   * field of each row is read once.
   * @returns the map; its canonical values are typed by the `canonical` schema, when given.
   * @throws MappingError `CODE_CONFLICT` when one code of a system maps to two canonical values,
   * or two rows are primary for one canonical value; `INVALID_CODE_MAP` for rows that are not
   * an iterable of objects, an empty or non-string field, a `primary` that is not a boolean, a
   * canonical value the `canonical` schema refuses, a bad option, or rows and options that
   * cannot be read (a throwing getter or iterator, a revoked Proxy: the error is the `cause`).
   * Messages read `code map <domain> row N: …`.
   * @example CodeMap.fromRows('uom', [{ system: 'mes-de01', code: 'Stk', canonical: 'H87' }]).toCanonical('mes-de01', 'Stk') // 'H87'
   */
  static fromRows<S extends CanonicalSchema = CanonicalSchema>(
    domain: string,
    rows: Iterable<CodeMapRow>,
    options?: CodeMapOptions<S>,
  ): CodeMap<z.output<S>> {
    checkDomain(domain);
    const resolved = resolveCodeMapOptions<z.output<S>>(domain, options);
    return new CodeMap(domain, readCodeMapRows(domain, rows), resolved);
  }

  /**
   * Builds a map from RFC 4180 CSV with the columns `system`, `code`, `canonical` and, optionally,
   * `primary` (quoted fields, escaped quotes, CRLF and embedded line breaks are all read).
   * Whitespace around names and values outside quotes is ignored (`mes , RUN` reads `RUN`;
   * `" RUN "` keeps its blanks), rows longer than the header are refused, and a field longer
   * than `maxFieldLength` (65,536 characters unless given) is refused before it is read whole.
   * @returns the map; its canonical values are typed by the `canonical` schema, when given.
   * @throws MappingError `INVALID_CODE_MAP`, with the message `code map <domain> line N column
   * M: …` and the location `N:M`, for malformed CSV, a missing or repeated column, a row longer
   * than the header or missing a required column, an empty value, a field that is too long or a
   * canonical value the `canonical` schema refuses; without a location for text that is not a
   * string (decode a Buffer first: `buffer.toString('utf8')`) or bad options; `CODE_CONFLICT` as
   * {@link CodeMap.fromRows}, with the CSV line and column.
   * @example CodeMap.fromCsv('uom', 'system,code,canonical\r\nmes,Stk,H87\r\n', { unmapped: 'passthrough' })
   */
  static fromCsv<S extends CanonicalSchema = CanonicalSchema>(
    domain: string,
    csvText: string,
    options?: CodeMapCsvOptions<S>,
  ): CodeMap<z.output<S>> {
    checkDomain(domain);
    const resolved = resolveCodeMapOptions<z.output<S>>(domain, options);
    return new CodeMap(domain, readCodeMapCsv(domain, csvText, options), resolved);
  }

  /**
   * The canonical value of a system's code.
   * @returns the canonical value; for an unmapped code, what the policy says.
   * @throws MappingError `UNMAPPED_CODE` for an unmapped code under the `'error'` policy, or
   * under `'passthrough'` when the `canonical` schema refuses the code; `INVALID_SOURCE_DATA`
   * when the system or the code is not a string; `INVALID_CODE_MAP` when the `onUnmapped` hook
   * throws (its error is the `cause`).
   * @example sapOrderStatusMap.toCanonical('sap', 'REL') // 'released'
   */
  toCanonical(system: string, code: string): C {
    this.checkLookup(system, code, 'code');
    const found = this.forward.get(`${system}${SEPARATOR}${code}`);
    if (found !== undefined) return found;
    const policy = this.unmapped('to-canonical', system, code, this.options.toCanonical);
    if (policy !== 'passthrough') return policy;
    const checked = this.options.checkCanonical(code);
    if ('refusal' in checked) {
      throw this.unmappedError(
        'to-canonical',
        system,
        code,
        `, and ${describeInput(code)} is no canonical value to pass through`,
      );
    }
    return checked.value;
  }

  /**
   * A system's code for a canonical value (the primary code when several map to it).
   * @returns the code; for an unmapped value, what the policy says.
   * @throws MappingError `UNMAPPED_CODE` for an unmapped value under the `'error'` policy;
   * `INVALID_SOURCE_DATA` when the system or the canonical value is not a string;
   * `INVALID_CODE_MAP` when the `onUnmapped` hook throws (its error is the `cause`).
   * @example sapOrderStatusMap.fromCanonical('sap', 'completed') // 'CNF'
   */
  fromCanonical(system: string, canonical: C): string {
    this.checkLookup(system, canonical, 'canonical value');
    const found = this.backward.get(`${system}${SEPARATOR}${canonical}`);
    if (found !== undefined) return found;
    const policy = this.unmapped('from-canonical', system, canonical, this.options.fromCanonical);
    return policy === 'passthrough' ? canonical : policy;
  }

  /**
   * The rows of the map, each once, with `primary: true` on the code each canonical value maps back to.
   * @returns the rows in the order given, frozen.
   */
  rows(): readonly CodeMapRow<C>[] {
    return this.rowList;
  }

  /**
   * The map as CSV that {@link CodeMap.fromCsv} reads back to an equal map.
   * @returns the CSV text with a `system,code,canonical,primary` header.
   * @throws MappingError `INVALID_CODE_MAP` for bad options.
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

  /** A field of a row that must be a non-empty string. */
  private text(row: SourcedRow, field: RowField): string {
    const value = row[field];
    if (value === '') this.fail(row, field, `the ${field} is empty`);
    if (typeof value !== 'string')
      this.fail(row, field, `the ${field} is ${describeInput(value)}, not a string`);
    return value as string;
  }

  private fail(
    row: SourcedRow,
    field: RowField,
    message: string,
    details: { readonly system?: string; readonly value?: string; readonly canonical?: string } = {},
    code: 'INVALID_CODE_MAP' | 'CODE_CONFLICT' = 'INVALID_CODE_MAP',
  ): never {
    const place = row.place(field);
    const { system, value, canonical } = details;
    throw new MappingError(code, `code map ${this.domain} ${place.text}: ${message}`, {
      domain: this.domain,
      location: place.location,
      ...(system === undefined ? {} : { system: shortenText(system) }),
      ...(value === undefined ? {} : { value: shortenText(value) }),
      ...(canonical === undefined ? {} : { canonical: shortenText(canonical) }),
    });
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

  /**
   * Counts an unmapped look-up, tells the hook, and applies the policy.
   * @returns the policy's `'passthrough'` or its default.
   * @throws MappingError `UNMAPPED_CODE` under the `'error'` policy; `INVALID_CODE_MAP` when the hook throws.
   */
  private unmapped<T extends string>(
    direction: LookupDirection,
    system: string,
    code: string,
    policy: UnmappedPolicy<T>,
  ): 'passthrough' | T {
    this.total += 1;
    // Shortened, so that a megabyte-long code from untrusted input is not kept alive by the counters.
    const shownSystem = shortenText(system);
    const shownCode = shortenText(code);
    const key = `${direction}${SEPARATOR}${shownSystem}${SEPARATOR}${shownCode}`;
    let entry = this.counts.get(key);
    if (entry === undefined && this.counts.size < this.options.maxTrackedCodes) {
      entry = { direction, system: shownSystem, code: shownCode, count: 0 };
      this.counts.set(key, entry);
    }
    if (entry !== undefined) entry.count += 1;
    const count = entry?.count ?? 1;
    const hook = this.options.onUnmapped;
    if (hook !== undefined) {
      try {
        hook({ domain: this.domain, system: shownSystem, code: shownCode, direction, count });
      } catch (error) {
        throw new MappingError(
          'INVALID_CODE_MAP',
          `code map ${this.domain}: the onUnmapped hook threw while reporting ${this.describeLookup(direction, system, code)} (see the cause)`,
          { domain: this.domain, system: shownSystem, value: shownCode },
          { cause: error },
        );
      }
    }
    if (policy === 'error') throw this.unmappedError(direction, system, code, '');
    return policy === 'passthrough' ? policy : policy.default;
  }

  private describeLookup(direction: LookupDirection, system: string, code: string): string {
    return direction === 'to-canonical'
      ? `${systemName(system)} code ${describeInput(code)}`
      : `canonical value ${describeInput(code)} for ${systemName(system)}`;
  }

  private unmappedError(
    direction: LookupDirection,
    system: string,
    code: string,
    reason: string,
  ): MappingError {
    return new MappingError(
      'UNMAPPED_CODE',
      `code map ${this.domain} has no mapping for ${this.describeLookup(direction, system, code)}${reason}`,
      {
        domain: this.domain,
        system: shortenText(system),
        ...(direction === 'to-canonical' ? { value: shortenText(code) } : { canonical: shortenText(code) }),
      },
    );
  }
}
