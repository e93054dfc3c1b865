import {
  CodeMap,
  type CodeMapRow,
  MappingError,
  movementFromSap,
  sapOrderStatusMap,
  type UnmappedLookup,
  WorkOrderStatus,
  workOrderStatusFromSap,
} from 'millwright';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
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
      location: '1:12',
    });
    expect(failure(() => CodeMap.fromCsv('x', 'system,code,canonical\r\nmes,A,b\r\nmes,A,c'))).toMatchObject({
      code: 'CODE_CONFLICT',
      location: '3:5',
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

describe('CodeMap from CSV: whitespace, row width and error style', () => {
  it('ignores whitespace around values outside quotes, as around the header names', () => {
    const map = CodeMap.fromCsv(
      'workorder-status',
      ' System , code ,canonical\r\n mes-de01 , RUN ,\tin-progress \r\nmes-de01,"DONE ",completed\r\n',
    );
    expect(map.toCanonical('mes-de01', 'RUN')).toBe('in-progress');
    expect(map.toCanonical('mes-de01', 'DONE ')).toBe('completed');
    expect(map.rows()).toEqual([
      { system: 'mes-de01', code: 'RUN', canonical: 'in-progress', primary: true },
      { system: 'mes-de01', code: 'DONE ', canonical: 'completed', primary: true },
    ]);
    // and writes such codes so that they are read back unchanged
    expect(CodeMap.fromCsv('workorder-status', map.toCsv()).rows()).toEqual(map.rows());
  });

  it('refuses a row longer than the header, at its first extra field', () => {
    const error = failure(() =>
      CodeMap.fromCsv('uom', 'system,code,canonical\r\nmes,Stk,H87\r\nmes,1,5,KGM'),
    );
    expect(error).toMatchObject({ code: 'INVALID_CODE_MAP', domain: 'uom', location: '3:9' });
    expect(error.message).toBe('code map uom line 3 column 9: the row has 4 fields, the header 3');
  });

  it('reports every CSV problem as "code map <domain> line N column M: …"', () => {
    const cases: readonly [string, string, string][] = [
      ['system,code\r\nmes,A', '1:12', 'the header has no "canonical" column'],
      ['system,code,canonical,code\r\nmes,A,b,c', '1:23', 'the header names the column "code" twice'],
      ['system,code,canonical\r\nmes,"A', '2:5', 'a quote that is never closed'],
      ['system,code,canonical\r\nmes,A', '2:6', 'the row ends before its "canonical" column'],
      ['system,code,canonical\r\nmes, ,b', '2:6', 'the code is empty'],
      ['system,code,canonical,primary\r\nmes,A,b, maybe', '2:10', 'primary "maybe" is not a yes or a no'],
      ['system,code,canonical\r\nmes,A,b\r\nmes,A,c', '3:5', 'mes code "A" maps to both "b" and "c"'],
      [
        'system,code,canonical,primary\r\nmes,A,b,x\r\nmes,B,b,x',
        '3:9',
        'mes has two primary codes for "b": "A" and "B"',
      ],
    ];
    for (const [csv, location, text] of cases) {
      const error = failure(() => CodeMap.fromCsv('x', csv));
      expect(error.location, csv).toBe(location);
      const [line, column] = location.split(':');
      expect(error.message, csv).toBe(`code map x line ${line} column ${column}: ${text}`);
    }
  });

  it('names rows by their number when they come from fromRows', () => {
    expect(
      failure(() =>
        CodeMap.fromRows('x', [
          { system: 'mes', code: 'A', canonical: 'b' },
          { system: 'mes', code: 'A', canonical: 'c' },
        ]),
      ),
    ).toMatchObject({
      location: 'row 2',
      message: 'code map x row 2: mes code "A" maps to both "b" and "c"',
    });
    expect(failure(() => CodeMap.fromRows('x', [{ system: 'mes', code: '', canonical: 'b' }])).message).toBe(
      'code map x row 1: the code is empty',
    );
  });
});

describe('CodeMap with a canonical schema', () => {
  const statusRows = [
    { system: 'mes-de01', code: 'RUN', canonical: 'in-progress' },
    { system: 'mes-de01', code: 'DONE', canonical: 'completed' },
  ];

  it('refuses rows whose canonical value the schema rejects, when the map is built', () => {
    const error = failure(() =>
      CodeMap.fromRows(
        'workorder-status',
        [...statusRows, { system: 'mes-de01', code: 'HOLD', canonical: 'paused' }],
        { canonical: WorkOrderStatus },
      ),
    );
    expect(error).toMatchObject({ code: 'INVALID_CODE_MAP', location: 'row 3', canonical: 'paused' });
    expect(error.message).toMatch(
      /^code map workorder-status row 3: the canonical value "paused" is refused by the canonical schema: /,
    );
    const csv = failure(() =>
      CodeMap.fromCsv(
        'workorder-status',
        'system,code,canonical\r\nmes-de01,RUN,in-progress\r\nmes-de01,HOLD, paused',
        {
          canonical: WorkOrderStatus,
        },
      ),
    );
    expect(csv).toMatchObject({ code: 'INVALID_CODE_MAP', location: '3:16' });
    expect(csv.message).toMatch(/^code map workorder-status line 3 column 16: the canonical value "paused"/);
  });

  it('narrows its types to the schema output', () => {
    const map = CodeMap.fromRows('workorder-status', statusRows, { canonical: WorkOrderStatus });
    expectTypeOf(map).toEqualTypeOf<CodeMap<WorkOrderStatus>>();
    expectTypeOf(map.toCanonical('mes-de01', 'RUN')).toEqualTypeOf<WorkOrderStatus>();
    expectTypeOf(map.rows()).toEqualTypeOf<readonly CodeMapRow<WorkOrderStatus>[]>();
    expectTypeOf(map.fromCanonical).parameter(1).toEqualTypeOf<WorkOrderStatus>();
    expect(map.fromCanonical('mes-de01', 'completed')).toBe('DONE');
    // @ts-expect-error 'paused' is no WorkOrderStatus
    expect(() => map.fromCanonical('mes-de01', 'paused')).toThrow(MappingError);
    const fromCsv = CodeMap.fromCsv('workorder-status', 'system,code,canonical\r\nmes,RUN,in-progress', {
      canonical: WorkOrderStatus,
      unmapped: { toCanonical: { default: 'on-hold' } },
    });
    expectTypeOf(fromCsv.toCanonical('mes', 'X')).toEqualTypeOf<WorkOrderStatus>();
    expect(fromCsv.toCanonical('mes', 'X')).toBe('on-hold');
    const plain = CodeMap.fromRows('any', statusRows);
    expectTypeOf(plain).toEqualTypeOf<CodeMap<string>>();
    expectTypeOf(plain.toCanonical('mes-de01', 'RUN')).toEqualTypeOf<string>();
    expectTypeOf(sapOrderStatusMap).toEqualTypeOf<CodeMap<WorkOrderStatus>>();
    expect(() =>
      // @ts-expect-error the default must be a WorkOrderStatus too
      CodeMap.fromRows('x', statusRows, { canonical: WorkOrderStatus, unmapped: { default: 'bogus' } }),
    ).toThrow(MappingError);
  });

  it('checks the unmapped default and passes through only codes the schema accepts', () => {
    expect(
      failure(() =>
        CodeMap.fromRows('workorder-status', statusRows, {
          canonical: WorkOrderStatus,
          unmapped: { default: 'bogus' as WorkOrderStatus },
        }),
      ),
    ).toMatchObject({ code: 'INVALID_CODE_MAP', message: expect.stringMatching(/default "bogus"/) });
    const map = CodeMap.fromRows('workorder-status', statusRows, {
      canonical: WorkOrderStatus,
      unmapped: 'passthrough',
    });
    expect(map.toCanonical('mes-de01', 'on-hold')).toBe('on-hold');
    expect(failure(() => map.toCanonical('mes-de01', 'HOLD'))).toMatchObject({
      code: 'UNMAPPED_CODE',
      value: 'HOLD',
      message: expect.stringMatching(/"HOLD" is no canonical value to pass through/),
    });
    // Towards the system, the canonical value passes as a code.
    expect(map.fromCanonical('mes-de01', 'on-hold')).toBe('on-hold');
  });

  it('keeps the schema output and refuses a schema that is not one, or gives no string', () => {
    const trimmed = CodeMap.fromRows('d', [{ system: 's', code: 'A', canonical: ' Released ' }], {
      canonical: z.string().trim().toLowerCase(),
    });
    expect(trimmed.toCanonical('s', 'A')).toBe('released');
    expect(
      failure(() => CodeMap.fromRows('d', statusRows, { canonical: 'WorkOrderStatus' as never })),
    ).toMatchObject({
      code: 'INVALID_CODE_MAP',
      message: 'code map d: canonical must be a zod schema, such as WorkOrderStatus',
    });
    expect(
      failure(() =>
        CodeMap.fromRows('d', statusRows, {
          canonical: z.string().transform((text) => text.length) as never,
        }),
      ).message,
    ).toMatch(
      /row 1: the canonical value "in-progress" becomes a number through the canonical schema, not a string/,
    );
  });
});

describe('CodeMap unmapped codes of any length', () => {
  it('keeps at most 256 characters of each tracked code, system and error value', () => {
    const seen: UnmappedLookup[] = [];
    const map = CodeMap.fromRows('d', [{ system: 'mes', code: 'A', canonical: 'a' }], {
      unmapped: { toCanonical: 'passthrough', fromCanonical: 'error' },
      onUnmapped: (lookup) => seen.push(lookup),
    });
    const long = 'X'.repeat(1_000_000);
    expect(map.toCanonical('mes', long)).toBe(long);
    map.toCanonical('mes', long);
    map.toCanonical(`S${long}`, 'B');
    const { codes } = map.unmappedStats();
    expect(codes.map((entry) => [entry.code.length, entry.system.length, entry.count])).toEqual([
      [256, 3, 2],
      [1, 256, 1],
    ]);
    expect(codes[0]?.code).toBe(`${'X'.repeat(255)}…`);
    expect(seen.map((lookup) => lookup.code.length)).toEqual([256, 256, 1]);
    const error = failure(() => map.fromCanonical('mes', long));
    expect(error.message.length).toBeLessThan(200);
    expect(error.canonical).toHaveLength(256);
  });
});

describe('CodeMap with hostile callers', () => {
  const throwing = (): never => {
    throw new Error('boom');
  };
  const revoked = (): object => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const good = [{ system: 'mes', code: 'RUN', canonical: 'in-progress' }];

  it('wraps what options, rows and iterators throw in a MappingError with the cause', () => {
    const cases: readonly (() => unknown)[] = [
      () => CodeMap.fromRows('d', good, revoked() as never),
      () =>
        CodeMap.fromRows('d', good, {
          get unmapped() {
            return throwing();
          },
        }),
      () => CodeMap.fromRows('d', good, { unmapped: revoked() as never }),
      () => CodeMap.fromRows('d', good, { canonical: revoked() as never }),
      () => CodeMap.fromRows('d', revoked() as never),
      () =>
        CodeMap.fromRows('d', {
          *[Symbol.iterator]() {
            yield good[0] as CodeMapRow;
            throwing();
          },
        }),
      () =>
        CodeMap.fromRows('d', [
          {
            system: 'mes',
            code: 'RUN',
            get canonical() {
              return throwing();
            },
          },
        ]),
      () => CodeMap.fromRows('d', [revoked() as never]),
      () =>
        CodeMap.fromCsv('d', 'system,code,canonical\r\nmes,RUN,x', {
          get delimiter() {
            return throwing();
          },
        }),
      () => workOrderStatusFromSap(revoked() as never),
      () => workOrderStatusFromSap(['REL', revoked()] as never),
      () => movementFromSap(revoked() as never),
    ];
    for (const run of cases) {
      const error = failure(run);
      expect(['INVALID_CODE_MAP', 'INVALID_SOURCE_DATA'], String(run)).toContain(error.code);
    }
    const getter = failure(() =>
      CodeMap.fromRows('d', [
        {
          system: 'mes',
          code: 'A',
          get canonical() {
            return throwing();
          },
        },
      ]),
    );
    expect(getter).toMatchObject({
      location: 'row 1',
      message: 'code map d row 1: the row could not be read (see the cause)',
    });
    expect((getter.cause as Error).message).toBe('boom');
  });

  it('reads each option and row field once, so a later answer cannot change what was checked', () => {
    let reads = 0;
    const map = CodeMap.fromRows('d', good, {
      canonical: WorkOrderStatus,
      unmapped: {
        get default() {
          reads += 1;
          return reads === 1 ? 'on-hold' : {};
        },
      } as never,
    });
    expect(map.toCanonical('mes', 'zzz')).toBe('on-hold');
    let codeReads = 0;
    const row = {
      system: 'mes',
      get code() {
        codeReads += 1;
        return codeReads === 1 ? 'RUN' : 5;
      },
      canonical: 'in-progress',
    };
    expect(CodeMap.fromRows('d', [row as never]).rows()).toEqual([{ ...good[0], primary: true }]);
    expect(codeReads).toBe(1);
  });

  it('wraps an error of the onUnmapped hook in a MappingError with the cause', () => {
    const hookError = new Error('metrics down');
    const map = CodeMap.fromRows('d', good, {
      unmapped: 'passthrough',
      onUnmapped: () => {
        throw hookError;
      },
    });
    const error = failure(() => map.toCanonical('mes', 'zzz'));
    expect(error).toMatchObject({ code: 'INVALID_CODE_MAP', domain: 'd' });
    expect(error.message).toBe(
      'code map d: the onUnmapped hook threw while reporting mes code "zzz" (see the cause)',
    );
    expect(error.cause).toBe(hookError);
    expect(map.unmappedStats().total).toBe(1); // counted before the hook ran
  });
});
