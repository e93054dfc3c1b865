import { CodeMap, MappingError, type UnmappedLookup } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): MappingError => catchError(MappingError, run);

const rows = [
  { system: 'mes-de01', code: 'RUN', canonical: 'in-progress' },
  { system: 'mes-de01', code: 'START', canonical: 'in-progress' },
  { system: 'mes-de01', code: 'DONE', canonical: 'completed', primary: true },
  { system: 'mes-de01', code: 'FIN', canonical: 'completed' },
  { system: 'mes-cz01', code: 'RUN', canonical: 'released' },
];

describe('CodeMap', () => {
  it('maps codes to canonical values and back, per system', () => {
    const map = CodeMap.fromRows('workorder-status', rows);
    expect(map.domain).toBe('workorder-status');
    expect(map.toCanonical('mes-de01', 'RUN')).toBe('in-progress');
    expect(map.toCanonical('mes-de01', 'START')).toBe('in-progress');
    expect(map.toCanonical('mes-cz01', 'RUN')).toBe('released');
    expect(map.fromCanonical('mes-de01', 'in-progress')).toBe('RUN'); // the first row
    expect(map.fromCanonical('mes-de01', 'completed')).toBe('DONE'); // the primary row
  });

  it('rejects contradictions when it is built', () => {
    const conflict = failure(() =>
      CodeMap.fromRows('workorder-status', [
        ...rows,
        { system: 'mes-de01', code: 'RUN', canonical: 'on-hold' },
      ]),
    );
    expect(conflict.code).toBe('CODE_CONFLICT');
    expect(conflict).toMatchObject({
      domain: 'workorder-status',
      system: 'mes-de01',
      value: 'RUN',
      canonical: 'on-hold',
    });
    expect(
      failure(() =>
        CodeMap.fromRows('x', [
          ...rows,
          { system: 'mes-de01', code: 'FIN', canonical: 'completed', primary: true },
        ]),
      ).code,
    ).toBe('CODE_CONFLICT');
    expect(failure(() => CodeMap.fromRows('x', [{ system: 'a', code: '', canonical: 'b' }])).code).toBe(
      'INVALID_CODE_MAP',
    );
    expect(failure(() => CodeMap.fromRows('', rows)).code).toBe('INVALID_CODE_MAP');
    // Repeating a row is no contradiction.
    expect(CodeMap.fromRows('x', [...rows, rows[0] as (typeof rows)[number]]).rows()).toHaveLength(
      rows.length,
    );
  });

  it('applies the unmapped policy: error (default), passthrough, a default, or per direction', () => {
    const strict = CodeMap.fromRows('workorder-status', rows);
    const error = failure(() => strict.toCanonical('mes-de01', 'HOLD'));
    expect(error.code).toBe('UNMAPPED_CODE');
    expect(error).toMatchObject({ domain: 'workorder-status', system: 'mes-de01', value: 'HOLD' });
    expect(failure(() => strict.fromCanonical('mes-de01', 'closed'))).toMatchObject({ canonical: 'closed' });
    expect(CodeMap.fromRows('s', rows, { unmapped: 'passthrough' }).toCanonical('mes-de01', 'HOLD')).toBe(
      'HOLD',
    );
    const fallback = CodeMap.fromRows('s', rows, { unmapped: { default: 'on-hold' } });
    expect(fallback.toCanonical('mes-de01', 'HOLD')).toBe('on-hold');
    const mixed = CodeMap.fromRows('s', rows, {
      unmapped: { toCanonical: { default: 'created' }, fromCanonical: 'error' },
    });
    expect(mixed.toCanonical('other', 'X')).toBe('created');
    expect(failure(() => mixed.fromCanonical('other', 'created')).code).toBe('UNMAPPED_CODE');
    expect(failure(() => CodeMap.fromRows('s', rows, { unmapped: 'ignore' as 'error' })).code).toBe(
      'INVALID_CODE_MAP',
    );
  });

  it('counts unmapped look-ups for monitoring and calls the hook with one state object', () => {
    const seen: UnmappedLookup[] = [];
    const map = CodeMap.fromRows('workorder-status', rows, {
      unmapped: 'passthrough',
      onUnmapped: (lookup) => seen.push(lookup),
      maxTrackedCodes: 2,
    });
    map.toCanonical('mes-de01', 'HOLD');
    map.toCanonical('mes-de01', 'HOLD');
    map.fromCanonical('mes-de01', 'closed');
    map.toCanonical('mes-de01', 'THIRD'); // beyond maxTrackedCodes: only the total grows
    map.toCanonical('mes-de01', 'RUN'); // mapped: not counted
    expect(map.unmappedStats()).toEqual({
      total: 4,
      codes: [
        { direction: 'to-canonical', system: 'mes-de01', code: 'HOLD', count: 2 },
        { direction: 'from-canonical', system: 'mes-de01', code: 'closed', count: 1 },
      ],
    });
    expect(seen.map((lookup) => [lookup.code, lookup.count])).toEqual([
      ['HOLD', 1],
      ['HOLD', 2],
      ['closed', 1],
      ['THIRD', 1],
    ]);
    expect(seen[0]).toEqual({
      domain: 'workorder-status',
      system: 'mes-de01',
      code: 'HOLD',
      direction: 'to-canonical',
      count: 1,
    });
    map.resetUnmappedStats();
    expect(map.unmappedStats()).toEqual({ total: 0, codes: [] });
  });

  it('reads CSV with a header in any column order and writes CSV it reads back', () => {
    const csv = [
      'canonical,system,code,primary,comment',
      'in-progress,mes-de01,RUN,,"running, any shift"',
      'completed,mes-de01,"DONE ""final""",yes,',
      'completed,mes-de01,FIN,no,',
      '',
    ].join('\r\n');
    const map = CodeMap.fromCsv('workorder-status', csv);
    expect(map.toCanonical('mes-de01', 'DONE "final"')).toBe('completed');
    expect(map.fromCanonical('mes-de01', 'completed')).toBe('DONE "final"');
    const again = CodeMap.fromCsv('workorder-status', map.toCsv());
    expect(again.rows()).toEqual(map.rows());
    expect(
      CodeMap.fromCsv('x', 'system;code;canonical\nmes;A;b', { delimiter: ';' }).toCanonical('mes', 'A'),
    ).toBe('b');
  });

  it('reports CSV problems with their line', () => {
    expect(failure(() => CodeMap.fromCsv('x', 'system,code\r\nmes,A'))).toMatchObject({
      code: 'INVALID_CODE_MAP',
      location: '1:1',
    });
    expect(failure(() => CodeMap.fromCsv('x', 'system,code,canonical\r\nmes,A,b\r\nmes,A,c'))).toMatchObject({
      code: 'CODE_CONFLICT',
      location: '3:1',
    });
    expect(failure(() => CodeMap.fromCsv('x', 'system,code,canonical\r\nmes,"A'))).toMatchObject({
      location: '2:5',
    });
    expect(failure(() => CodeMap.fromCsv('x', 'system,code,canonical,primary\r\nmes,A,b,maybe')).code).toBe(
      'INVALID_CODE_MAP',
    );
    expect(failure(() => CodeMap.fromCsv('x', '')).code).toBe('INVALID_CODE_MAP');
  });

  it('rejects input of the wrong type with a MappingError, never a TypeError', () => {
    const codeOf = (run: () => unknown) => failure(run).code;
    expect(codeOf(() => CodeMap.fromCsv('d', Buffer.from('system,code,canonical\n') as never))).toBe(
      'INVALID_CODE_MAP',
    );
    expect(codeOf(() => CodeMap.fromCsv('d', 'system,code,canonical\n', null as never))).toBe(
      'INVALID_CODE_MAP',
    );
    expect(codeOf(() => CodeMap.fromCsv('d', 'system,code,canonical\n', { delimiter: '|' as never }))).toBe(
      'INVALID_CODE_MAP',
    );
    expect(codeOf(() => CodeMap.fromRows('d', [null] as never))).toBe('INVALID_CODE_MAP');
    expect(codeOf(() => CodeMap.fromRows('d', 5 as never))).toBe('INVALID_CODE_MAP');
    expect(codeOf(() => CodeMap.fromRows('d', null as never))).toBe('INVALID_CODE_MAP');
    expect(codeOf(() => CodeMap.fromRows('d', [{ system: 'a', code: 1, canonical: 'b' }] as never))).toBe(
      'INVALID_CODE_MAP',
    );
    expect(codeOf(() => CodeMap.fromRows('d', rows, null as never))).toBe('INVALID_CODE_MAP');
    const map = CodeMap.fromRows('d', rows, { unmapped: 'passthrough' });
    expect(codeOf(() => map.toCsv({ delimiter: 5 as never }))).toBe('INVALID_CODE_MAP');
    for (const bad of [Symbol('RUN'), 5, null, undefined, { code: 'RUN' }]) {
      expect(codeOf(() => map.toCanonical('mes-de01', bad as never))).toBe('INVALID_SOURCE_DATA');
      expect(codeOf(() => map.fromCanonical(bad as never, 'completed'))).toBe('INVALID_SOURCE_DATA');
    }
    expect(map.unmappedStats().total).toBe(0); // a value of the wrong type is no unmapped code
  });
});
