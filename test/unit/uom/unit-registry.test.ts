import { createUnitRegistry, type Material, UnitError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);

// A finished good counted in pieces: a carton holds 12, a pallet 40 cartons, a piece weighs 250 g.
const bottle: Material = {
  id: 'FG-4711',
  description: 'Bottle 0.5 l',
  type: 'finished',
  baseUnit: 'H87',
  alternativeUnits: [
    { unit: 'XCT', numerator: 12, denominator: 1 },
    { unit: 'XPX', numerator: 480, denominator: 1 },
    { unit: 'KGM', numerator: 4, denominator: 1 },
  ],
};

describe('createUnitRegistry', () => {
  const registry = createUnitRegistry({
    aliases: { Stk: 'H87', PC: 'PCE', KG: 'KGM', 'Ktn.': 'XCT' },
    materials: [
      bottle,
      { id: 'RM-1', baseUnit: 'KGM', alternativeUnits: [{ unit: 'LTR', numerator: 9, denominator: 10 }] },
    ],
  });

  it('resolves aliases, retired codes and UCUM codes to canonical codes, SAP codes when asked', () => {
    expect(registry.resolve('Stk')).toBe('H87');
    expect(registry.resolve('PC')).toBe('H87');
    expect(registry.resolve('KG')).toBe('KGM'); // the alias wins over Rec 20's deleted KG (keg)
    expect(registry.resolve('Ktn.')).toBe('XCT');
    expect(registry.resolve('PCE')).toBe('H87');
    expect(registry.resolve('CT')).toBe('XCT');
    expect(registry.resolve('PF')).toBe('XPX');
    expect(registry.resolve('KAR', { system: 'sap' })).toBe('XCT');
    expect(registry.resolve('kg')).toBe('KGM');
    expect(registry.resolve('KGM')).toBe('KGM');
    expect(failure(() => registry.resolve('nonsense')).code).toBe('UNKNOWN_UNIT');
  });

  it('reads SAP units only when asked, and refuses the Rec 20 codes they collide with otherwise', () => {
    const plain = createUnitRegistry();
    expect(failure(() => plain.resolve('ST')).code).toBe('AMBIGUOUS_UNIT'); // SAP piece or Rec 20's deleted sheet
    expect(failure(() => plain.resolve('KG')).code).toBe('AMBIGUOUS_UNIT'); // SAP kilogram or Rec 20's deleted keg
    expect(plain.resolve('ST', { system: 'sap' })).toBe('H87');
    expect(plain.resolve('EA')).toBe('EA'); // active in Rec 20
    expect(plain.resolve('BX')).toBe('XBX'); // retired, no SAP unit
    expect(failure(() => plain.resolve('M')).code).toBe('UNKNOWN_UNIT'); // SAP only
    expect(plain.resolve('M', { system: 'sap' })).toBe('MTR');
    expect(createUnitRegistry({ aliases: { ST: 'XST' } }).resolve('ST')).toBe('XST'); // an alias decides
  });

  it('converts a material’s alternative units (1 unit = numerator/denominator base units)', () => {
    expect(registry.convert({ value: '3', unit: 'XCT' }, 'H87', { material: 'FG-4711' })).toEqual({
      value: '36',
      unit: 'H87',
    });
    expect(registry.convert({ value: '1', unit: 'XPX' }, 'XCT', { material: 'FG-4711' }).value).toBe('40');
    expect(registry.convert({ value: '30', unit: 'Stk' }, 'XCT', { material: 'FG-4711' }).value).toBe('2.5');
    expect(registry.convert({ value: '1', unit: 'XCT' }, 'GRM', { material: 'FG-4711' }).value).toBe('3000');
    expect(registry.convert({ value: '500', unit: 'GRM' }, 'EA', { material: 'FG-4711' }).value).toBe('2');
    expect(
      registry.convert({ value: '1', unit: 'PCE' }, 'XCT', { material: 'FG-4711', scale: 3 }).value,
    ).toBe('0.083');
    // A density: 1 litre of RM-1 weighs 0.9 kg.
    expect(registry.convert({ value: '2', unit: 'MLT' }, 'GRM', { material: 'RM-1' }).value).toBe('1.8');
    // Physical conversions do not need the material and ignore it.
    expect(registry.convert({ value: '1', unit: 'KGM' }, 'GRM', { material: 'FG-4711' }).value).toBe('1000');
  });

  it('takes a material inline, as the canonical Material object', () => {
    const plain = createUnitRegistry();
    expect(plain.convert({ value: '2', unit: 'XCT' }, 'H87', { material: bottle }).value).toBe('24');
  });

  it('says which material conversion is missing', () => {
    const missing = failure(() =>
      registry.convert({ value: '1', unit: 'XBX' }, 'H87', { material: 'FG-4711' }),
    );
    expect(missing.code).toBe('NO_MATERIAL_CONVERSION');
    expect(missing.material).toBe('FG-4711');
    expect(missing.message).toContain('XBX');
    expect(
      failure(() => registry.convert({ value: '1', unit: 'XCT' }, 'H87', { material: 'FG-9' })).code,
    ).toBe('NO_MATERIAL_CONVERSION');
    expect(failure(() => registry.convert({ value: '1', unit: 'XCT' }, 'H87')).code).toBe(
      'INCOMPATIBLE_UNITS',
    );
  });

  it('maps to and from SAP units, with the system’s own units first', () => {
    expect(registry.fromSap('ST')).toBe('H87');
    expect(registry.fromSap('KG')).toBe('KGM');
    expect(registry.fromSap('KAR')).toBe('XCT');
    expect(registry.fromSap('PAL')).toBe('XPX');
    expect(registry.fromSap('PCE')).toBe('H87'); // an ISO code as IDocs carry it
    expect(registry.fromSap('MTR')).toBe('MTR');
    expect(registry.toSap('H87')).toBe('ST');
    expect(registry.toSap('PCE')).toBe('ST');
    expect(registry.toSap('XCT')).toBe('KAR');
    expect(registry.toSap('KGM')).toBe('KG');
    expect(failure(() => registry.fromSap('ZZ9')).code).toBe('UNKNOWN_UNIT');
    expect(failure(() => registry.toSap('A53')).code).toBe('UNKNOWN_UNIT');
    const custom = createUnitRegistry({
      sapUnits: [
        { sap: 'ZBG', unit: 'XBG', primary: true },
        { sap: 'STK', unit: 'H87', primary: true },
      ],
    });
    expect(custom.fromSap('ZBG')).toBe('XBG');
    expect(custom.toSap('XBG')).toBe('ZBG');
    expect(custom.toSap('H87')).toBe('STK');
    expect(custom.resolve('ZBG', { system: 'sap' })).toBe('XBG');
    expect(failure(() => custom.resolve('ZBG')).code).toBe('UNKNOWN_UNIT');
  });

  it('maps to and from UCUM, in any spelling of a term', () => {
    expect(registry.toUcum('KGM')).toBe('kg');
    expect(registry.toUcum('LBR')).toBe('[lb_av]');
    expect(registry.toUcum('H87')).toBe('{piece}');
    expect(registry.toUcum('CEL')).toBe('Cel');
    expect(registry.fromUcum('[in_i]')).toBe('INH');
    expect(registry.fromUcum('kg/(m2.s)')).toBe(registry.fromUcum('kg.m-2.s-1'));
    expect(registry.fromUcum('{each}')).toBe('EA');
    expect(failure(() => registry.toUcum('XCT')).code).toBe('UNKNOWN_UNIT');
    expect(failure(() => registry.fromUcum('[not_a_unit]')).code).toBe('UNKNOWN_UNIT');
  });

  it('describes a unit with its exact factor', () => {
    expect(registry.describe('GLL')).toMatchObject({
      code: 'GLL',
      dimension: 'm3',
      factor: '473176473/125000000000',
      status: 'active',
    });
    expect(registry.describe('CEL')).toMatchObject({ dimension: 'K', factor: '1', offset: '5463/20' });
    expect(registry.describe('DD')).toMatchObject({ dimension: 'rad', factor: '1/180', pi: 1 });
    expect(registry.describe('PCE')).toMatchObject({ status: 'deleted', successor: 'H87' });
    expect(registry.describe('Stk')).toMatchObject({ code: 'H87', dimension: 'item', factor: '1' });
    expect(registry.describe('XCT')).toMatchObject({ dimension: undefined, factor: undefined });
  });

  it('rejects options that do not resolve', () => {
    expect(failure(() => createUnitRegistry({ aliases: { Stk: 'nothing' } })).code).toBe('UNKNOWN_UNIT');
    expect(failure(() => createUnitRegistry({ aliases: { KGM: 'GRM' } })).code).toBe('INVALID_OPTIONS');
    expect(failure(() => createUnitRegistry({ materials: [bottle, bottle] })).code).toBe('INVALID_OPTIONS');
    expect(
      failure(() =>
        createUnitRegistry({
          materials: [
            { id: 'X', baseUnit: 'H87', alternativeUnits: [{ unit: 'XCT', numerator: 0, denominator: 1 }] },
          ],
        }),
      ).code,
    ).toBe('INVALID_OPTIONS');
    expect(
      failure(() =>
        createUnitRegistry({
          materials: [
            {
              id: 'X',
              baseUnit: 'H87',
              alternativeUnits: [
                { unit: 'XCT', numerator: 12, denominator: 1 },
                { unit: 'CT', numerator: 10, denominator: 1 },
              ],
            },
          ],
        }),
      ).code,
    ).toBe('INVALID_OPTIONS');
    expect(failure(() => createUnitRegistry({ materials: [{ id: 'X', baseUnit: 'QQQ' }] })).code).toBe(
      'UNKNOWN_UNIT',
    );
    expect(
      failure(() =>
        createUnitRegistry({
          sapUnits: [
            { sap: 'A', unit: 'H87', primary: true },
            { sap: 'B', unit: 'H87', primary: true },
          ],
        }),
      ).code,
    ).toBe('INVALID_OPTIONS');
  });

  it('caches pairs: converting the same pair again gives the same result', () => {
    const first = registry.convert({ value: '1.5', unit: 'LBR' }, 'KGM');
    for (let index = 0; index < 3; index += 1)
      expect(registry.convert({ value: '1.5', unit: 'LBR' }, 'KGM')).toEqual(first);
  });

  it('reads alias targets through the other aliases, as resolve reads codes', () => {
    const chained = createUnitRegistry({ aliases: { Ktn: 'XCT', Karton: 'Ktn', A: 'KGM', B: 'A' } });
    expect(chained.resolve('Karton')).toBe('XCT');
    expect(chained.resolve('B')).toBe('KGM'); // not AMP, the UCUM ampere A
    expect(chained.resolve('A')).toBe('KGM');
    // Declared in any order, chains of any length.
    const aliases = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`lvl-${i}`, `lvl-${i + 1}`]));
    expect(
      createUnitRegistry({ aliases: { ...aliases, 'lvl-5000': 'Stk', Stk: 'H87' } }).resolve('lvl-0'),
    ).toBe('H87');
  });

  it('rejects aliases that name each other in a cycle, and aliases that redefine a code through a chain', () => {
    const cycle = failure(() => createUnitRegistry({ aliases: { A1: 'B1', B1: 'C1', C1: 'A1' } }));
    expect(cycle.code).toBe('INVALID_OPTIONS');
    expect(cycle.message).toContain('A1 → B1 → C1 → A1');
    expect(failure(() => createUnitRegistry({ aliases: { Q1: 'Q2', Q2: 'Q2' } })).code).toBe('UNKNOWN_UNIT');
    expect(failure(() => createUnitRegistry({ aliases: { X: 'GRM', KGM: 'X' } })).code).toBe(
      'INVALID_OPTIONS',
    );
    expect(createUnitRegistry({ aliases: { KGM: 'KGM', kilo: 'KGM' } }).resolve('kilo')).toBe('KGM');
  });

  it('rejects options of the wrong shape with INVALID_OPTIONS, never a TypeError', () => {
    const codeOf = (options: unknown) => failure(() => createUnitRegistry(options as never)).code;
    expect(codeOf(null)).toBe('INVALID_OPTIONS');
    expect(codeOf(5)).toBe('INVALID_OPTIONS');
    expect(codeOf({ materials: [null] })).toBe('INVALID_OPTIONS');
    expect(codeOf({ materials: [{ id: 'x' }] })).toBe('INVALID_OPTIONS');
    expect(codeOf({ materials: [{ id: 'x', baseUnit: 'H87', alternativeUnits: [null] }] })).toBe(
      'INVALID_OPTIONS',
    );
    expect(codeOf({ materials: [{ id: 'x', baseUnit: 'H87', alternativeUnits: 5 }] })).toBe(
      'INVALID_OPTIONS',
    );
    expect(codeOf({ materials: 5 })).toBe('INVALID_OPTIONS');
    expect(codeOf({ sapUnits: [null] })).toBe('INVALID_OPTIONS');
    expect(codeOf({ sapUnits: { sap: 'ST', unit: 'H87' } })).toBe('INVALID_OPTIONS');
    expect(codeOf({ sapUnits: [{ sap: 'ZBG', unit: 5 }] })).toBe('UNKNOWN_UNIT');
    expect(codeOf({ aliases: { A: 5 } })).toBe('INVALID_OPTIONS');
    expect(codeOf({ aliases: ['KGM'] })).toBe('INVALID_OPTIONS');
    const inline = failure(() =>
      registry.convert({ value: '1', unit: 'XCT' }, 'H87', { material: 5 as never }),
    );
    expect(inline.code).toBe('INVALID_OPTIONS');
  });
});
