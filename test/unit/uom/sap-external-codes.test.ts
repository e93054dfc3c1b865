// SAP's external (commercial, T006A MSEH3) unit codes next to the internal ones (issue 9, item 3).
import { readFileSync } from 'node:fs';
import { createUnitRegistry, UnitError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/codes/parse-csv.js';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);
const registry = createUnitRegistry();

/** The SAP map the catalogue is generated from: internal code, English commercial code, canonical unit. */
const t006 = parseCsv(
  readFileSync(new URL('../../../data/uom/sap/t006-iso-map.csv', import.meta.url), 'utf8'),
)
  .slice(1)
  .map(
    ({ fields: [internal, external, , unit] }) => ({ internal, external, unit }) as Record<string, string>,
  );

describe('SAP external (commercial) unit codes', () => {
  it('reads PC, the English commercial code of ST, as a piece', () => {
    expect(registry.fromSap('PC')).toBe('H87');
    expect(registry.fromSap('PC', { sapForm: 'external' })).toBe('H87');
    expect(registry.convert({ value: '12', unit: 'PC' }, 'DZ', { system: 'sap' })).toEqual({
      value: '1',
      unit: 'DZN',
    });
  });

  it('reads every internal and every external code of the data as its unit', () => {
    expect(t006.length).toBeGreaterThan(40);
    for (const { internal, external, unit } of t006) {
      expect(registry.fromSap(internal as string, { sapForm: 'internal' }), internal).toBe(unit);
      expect(registry.fromSap(external as string, { sapForm: 'external' }), external).toBe(unit);
      expect(registry.fromSap(external as string), external).toBe(unit);
    }
  });

  it('knows the commercial codes that differ from the internal ones: CAR, PAC, DAY, WK, YR', () => {
    expect(['CAR', 'PAC', 'DAY', 'WK', 'YR'].map((code) => registry.fromSap(code))).toEqual([
      'XCT',
      'XPK',
      'DAY',
      'WEE',
      'ANN',
    ]);
  });

  it('refuses a code that is one unit’s internal code and another’s external code, unless the form is given', () => {
    // A system whose own internal unit PC is a package, while PC is also ST's commercial code.
    const units = createUnitRegistry({ sapUnits: [{ sap: 'PC', unit: 'XPK' }] });
    const error = failure(() => units.fromSap('PC'));
    expect(error.code).toBe('AMBIGUOUS_UNIT');
    expect(error.message).toContain("sapForm: 'internal'");
    expect(error.message).toContain("sapForm: 'external'");
    expect(error.readings).toEqual([
      { system: 'sap', form: 'internal', sap: 'PC', unit: 'XPK', name: 'Package' },
      { system: 'sap', form: 'external', sap: 'ST', unit: 'H87', name: 'piece' },
    ]);
    expect(units.fromSap('PC', { sapForm: 'internal' })).toBe('XPK');
    expect(units.fromSap('PC', { sapForm: 'external' })).toBe('H87');
    expect(failure(() => units.convert({ value: '1', unit: 'PC' }, 'H87', { system: 'sap' })).code).toBe(
      'AMBIGUOUS_UNIT',
    );
  });

  it('reads a system’s own external codes, and an external code through its internal unit', () => {
    const units = createUnitRegistry({
      sapUnits: [
        { sap: 'ZBG', external: 'BAG', unit: 'XBG', primary: true },
        { sap: 'ST', unit: 'C62' }, // this system counts ST as "one"
      ],
    });
    expect(units.fromSap('BAG')).toBe('XBG');
    expect(units.fromSap('ZBG')).toBe('XBG');
    expect(units.fromSap('PC')).toBe('C62'); // PC is ST's commercial code: it follows ST
    expect(units.toSap('XBG')).toBe('ZBG');
  });

  it('refuses a bad external code or form', () => {
    expect(
      failure(() => createUnitRegistry({ sapUnits: [{ sap: 'ZBG', external: 5 as never, unit: 'XBG' }] }))
        .code,
    ).toBe('INVALID_OPTIONS');
    expect(failure(() => registry.fromSap('PC', { sapForm: 'commercial' as never })).code).toBe(
      'INVALID_OPTIONS',
    );
  });
});
