import fc from 'fast-check';
import {
  CodeMap,
  type CodeMapRow,
  MappingError,
  movementFromSap,
  WorkOrderStatus,
  workOrderStatusFromSap,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../src/codes/parse-csv.js';
import { catchError } from '../support/catch-error.js';
import {
  hostility,
  makeHostile,
  resultOrError,
  revokedProxy,
  thrownValue,
} from '../support/hostile-values.js';

/** Field text with the characters CSV must escape: delimiters, quotes, CR, LF, spaces. */
const field = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', ',', ';', '"', '\r', '\n', '\t', 'é', '€'),
  maxLength: 8,
});
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
const delimiter = fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t');

describe('CSV (property)', () => {
  it('reads back exactly what it writes, with any delimiter', () => {
    fc.assert(
      fc.property(records, delimiter, (rows, separator) => {
        const text = formatCsv(rows, { delimiter: separator });
        expect(parseCsv(text, { delimiter: separator }).map((record) => record.fields)).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws anything but MappingError, and never hangs, on any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\ufeff'), maxLength: 40 }),
        (text) => {
          try {
            for (const record of parseCsv(text)) expect(record.fields.length).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(MappingError);
            expect((error as MappingError).location).toMatch(/^\d+:\d+$/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

const name = fc.string({
  unit: fc.constantFrom('A', 'b', '1', '-', ' ', ',', '"', '\n'),
  minLength: 1,
  maxLength: 5,
});
/** Consistent rows: each (system, code) once; random primaries, at most one per (system, canonical). */
const mapRows = fc
  .uniqueArray(
    fc.record({
      system: fc.constantFrom('sap', 'mes-de01', 'wms'),
      code: name,
      canonical: fc.constantFrom('a', 'b', 'c', 'd'),
    }),
    {
      selector: (row) => `${row.system}\u0000${row.code}`,
      maxLength: 30,
    },
  )
  .chain((rows) =>
    fc
      .tuple(fc.constant(rows), fc.array(fc.boolean(), { minLength: rows.length, maxLength: rows.length }))
      .map(([list, flags]): CodeMapRow[] => {
        const primaries = new Set<string>();
        return list.map((row, index) => {
          const key = `${row.system}\u0000${row.canonical}`;
          if (!flags[index] || primaries.has(key)) return row;
          primaries.add(key);
          return { ...row, primary: true };
        });
      }),
  );

describe('CodeMap (property)', () => {
  it('is bidirectional: every code maps to its canonical value, and every canonical value back to a code that maps to it', () => {
    fc.assert(
      fc.property(mapRows, (rows) => {
        const map = CodeMap.fromRows('domain', rows);
        for (const row of rows) {
          expect(map.toCanonical(row.system, row.code)).toBe(row.canonical);
          const back = map.fromCanonical(row.system, row.canonical);
          expect(map.toCanonical(row.system, back)).toBe(row.canonical);
          if (row.primary === true) expect(back).toBe(row.code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('survives a CSV round trip unchanged', () => {
    fc.assert(
      fc.property(mapRows, delimiter, (rows, separator) => {
        const map = CodeMap.fromRows('domain', rows);
        const again = CodeMap.fromCsv('domain', map.toCsv({ delimiter: separator }), {
          delimiter: separator,
        });
        expect(again.rows()).toEqual(map.rows());
        for (const row of rows)
          expect(again.fromCanonical(row.system, row.canonical)).toBe(
            map.fromCanonical(row.system, row.canonical),
          );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any row that gives a mapped code a second canonical value', () => {
    fc.assert(
      fc.property(
        mapRows.filter((rows) => rows.length > 0),
        fc.nat(),
        fc.nat(),
        (rows, pick, position) => {
          const victim = rows[pick % rows.length] as (typeof rows)[number];
          const conflicting = {
            system: victim.system,
            code: victim.code,
            canonical: `${victim.canonical}-other`,
          };
          const list = [...rows];
          list.splice(position % (list.length + 1), 0, conflicting);
          expect(() => CodeMap.fromRows('domain', list)).toThrow(MappingError);
          try {
            CodeMap.fromRows('domain', list);
          } catch (error) {
            expect((error as MappingError).code).toBe('CODE_CONFLICT');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('CodeMap robustness (property)', () => {
  /** Anything a caller may pass where rows, a code, text or options belong. */
  const junk = fc.oneof(
    fc.anything(),
    fc.constantFrom(null, undefined, Symbol('RUN'), Object.create(null), 5, Buffer.from('a,b,c')),
  );
  /** Codes up to 64 characters, with the characters that matter to keys and CSV. */
  const longCode = fc.string({
    unit: fc.constantFrom('A', 'b', '1', '-', ' ', ',', '"', '\n', '\u0000', '€', '_'),
    maxLength: 64,
  });

  function mappingErrorOnly(run: () => unknown): void {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
    }
  }

  it('throws nothing but MappingError for rows, text, options and codes of any type', () => {
    const row = fc.oneof(
      junk,
      fc.record(
        {
          system: fc.oneof(fc.constantFrom('sap', 'mes'), junk),
          code: fc.oneof(longCode, junk),
          canonical: fc.oneof(longCode, junk),
          primary: fc.oneof(fc.boolean(), junk),
        },
        { requiredKeys: [] },
      ),
    );
    const options = fc.oneof(
      junk,
      fc.record(
        {
          unmapped: fc.oneof(fc.constantFrom('error', 'passthrough', { default: 'x' }), junk),
          maxTrackedCodes: fc.oneof(fc.integer({ min: -1, max: 3 }), junk),
          delimiter: fc.oneof(fc.constantFrom(',', ';', '\t', '|'), junk),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(row, { maxLength: 5 }), junk),
        fc.oneof(fc.string({ maxLength: 80 }), junk),
        options,
        fc.oneof(fc.constantFrom('sap', 'mes'), junk),
        fc.oneof(longCode, junk),
        (rows, text, given, system, code) => {
          mappingErrorOnly(() => CodeMap.fromRows('domain', rows as never, given as never));
          mappingErrorOnly(() => CodeMap.fromCsv('domain', text as never, given as never));
          const map = CodeMap.fromRows('domain', [{ system: 'sap', code: 'A', canonical: 'a' }], {
            unmapped: 'passthrough',
          });
          mappingErrorOnly(() => map.toCanonical(system as never, code as never));
          mappingErrorOnly(() => map.fromCanonical(system as never, code as never));
          mappingErrorOnly(() => map.toCsv(given as never));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('maps codes of up to 64 characters both ways, whatever characters they hold', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          longCode.filter((code) => code !== ''),
          { minLength: 1, maxLength: 10 },
        ),
        (codes) => {
          const rows = codes.map((code, index) => ({ system: 'sap', code, canonical: `c${index}` }));
          const map = CodeMap.fromCsv('domain', CodeMap.fromRows('domain', rows).toCsv());
          rows.forEach((row) => {
            expect(map.toCanonical('sap', row.code)).toBe(row.canonical);
            expect(map.fromCanonical('sap', row.canonical)).toBe(row.code);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('code maps and SAP readers with hostile callers (property)', () => {
  const validRows: CodeMapRow[] = [
    { system: 'mes', code: 'RUN', canonical: 'in-progress' },
    { system: 'mes', code: 'DONE', canonical: 'completed', primary: true },
  ];
  const csv = 'system,code,canonical,primary\r\nmes,RUN,in-progress,\r\nmes,DONE,completed,yes\r\n';
  const validOptions = {
    canonical: WorkOrderStatus,
    unmapped: { toCanonical: 'passthrough', fromCanonical: { default: 'X' } },
    onUnmapped: () => {},
    maxTrackedCodes: 10,
    delimiter: ',',
  };
  /** What a changing getter answers after its first read: anything, and values that look almost right. */
  const later = fc.oneof(
    fc.anything().map((value) => () => value),
    fc
      .constantFrom('bogus', '', 5, null, {}, { default: {} }, Symbol('x'), [], 'in-progress')
      .map((value) => () => value),
    fc.constant(revokedProxy),
  );
  const how = hostility(later);

  /** A map that was built holds only strings and canonical values the schema accepts. */
  function expectSound(map: CodeMap | undefined): void {
    if (map === undefined) return;
    expect(map.rows()).toEqual(CodeMap.fromRows('d', validRows).rows());
    for (const code of ['RUN', 'DONE', 'in-progress', 'zzz']) {
      const canonical = resultOrError(MappingError, () => map.toCanonical('mes', code));
      if (canonical !== undefined) expect(WorkOrderStatus.safeParse(canonical).success).toBe(true);
    }
  }

  it('reads rows, each row and the options once, and throws nothing but MappingError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rows', 'row', 'options', 'unmapped', 'csv-options'),
        how,
        thrownValue,
        fc.nat(),
        (target, hostile, thrown, pick) => {
          const make = (value: object): never => makeHostile(value, hostile, thrown) as never;
          const options =
            target === 'options'
              ? make(validOptions)
              : target === 'unmapped'
                ? { ...validOptions, unmapped: make(validOptions.unmapped) }
                : validOptions;
          if (target === 'csv-options') {
            expectSound(resultOrError(MappingError, () => CodeMap.fromCsv('d', csv, make(validOptions))));
            return;
          }
          const rows =
            target === 'rows'
              ? make(validRows)
              : target === 'row'
                ? validRows.map((row, index) => (index === pick % validRows.length ? make(row) : row))
                : validRows;
          expectSound(resultOrError(MappingError, () => CodeMap.fromRows('d', rows, options as never)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('wraps whatever the onUnmapped hook throws in a MappingError with the cause', () => {
    fc.assert(
      fc.property(thrownValue, fc.constantFrom('to', 'from'), (thrown, direction) => {
        const error = thrown();
        const map = CodeMap.fromRows('d', validRows, {
          unmapped: 'passthrough',
          onUnmapped: () => {
            throw error;
          },
        });
        const caught = catchError(MappingError, () =>
          direction === 'to' ? map.toCanonical('mes', 'zzz') : map.fromCanonical('mes', 'zzz'),
        );
        expect(caught.code).toBe('INVALID_CODE_MAP');
        expect(caught.cause).toBe(error);
      }),
      { numRuns: 200 },
    );
  });

  it('reads SAP status lists once, and refuses hostile codes, texts and options with MappingError only', () => {
    fc.assert(
      fc.property(how, thrownValue, (hostile, thrown) => {
        const statuses = makeHostile(['REL', 'PCNF'], hostile, thrown);
        const status = resultOrError(MappingError, () => workOrderStatusFromSap(statuses as never));
        if (status !== undefined) expect(status).toBe('in-progress');
        const thing = makeHostile({ code: '101' }, hostile, thrown);
        resultOrError(MappingError, () => movementFromSap(thing as never));
        const map = CodeMap.fromRows('d', validRows, { unmapped: 'passthrough' });
        resultOrError(MappingError, () => map.toCanonical(thing as never, 'RUN'));
        resultOrError(MappingError, () => map.fromCanonical('mes', thing as never));
        resultOrError(MappingError, () => map.toCsv(thing as never));
        resultOrError(MappingError, () => CodeMap.fromCsv('d', thing as never));
        resultOrError(MappingError, () => CodeMap.fromCsv('d', csv, { delimiter: thing as never }));
      }),
      { numRuns: 1000 },
    );
  });
});
