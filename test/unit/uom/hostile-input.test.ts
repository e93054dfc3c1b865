// Callers' objects that fight back (issue 9, item 18): throwing getters, throwing and revoked
// Proxies, throwing iterators, getters that answer differently on each read. Each must end in a
// UnitError, never a TypeError or the caller's own exception, and each value is read once.
import {
  addQuantities,
  compareQuantities,
  convert,
  createUnitRegistry,
  sumQuantities,
  UnitError,
} from 'millwright';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const failure = (run: () => unknown): UnitError => catchError(UnitError, run);
const q = (value: string, unit: string) => ({ value, unit });

/** A thrown value that is no Error at all. */
const THROWN = Symbol('thrown by the caller');

/** An object whose `key` getter throws. */
function throwingGetter<T extends object>(base: T, key: string): T {
  return Object.defineProperty({ ...base }, key, {
    enumerable: true,
    get() {
      throw THROWN;
    },
  });
}

/** A Proxy whose every trap throws. */
const throwingProxy = new Proxy(
  {},
  {
    get: () => {
      throw THROWN;
    },
    has: () => {
      throw THROWN;
    },
    ownKeys: () => {
      throw THROWN;
    },
    getOwnPropertyDescriptor: () => {
      throw THROWN;
    },
    getPrototypeOf: () => {
      throw THROWN;
    },
  },
);

function revoked(target: object = {}): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** An object whose `key` answers `first` on the first `valid` reads and `then` afterwards. */
function changing<T extends object>(base: T, key: string, first: unknown, then: unknown, valid = 1): T {
  let reads = 0;
  return Object.defineProperty({ ...base }, key, {
    enumerable: true,
    get() {
      reads += 1;
      return reads <= valid ? first : then;
    },
  });
}

describe('hostile caller objects', () => {
  it('convert: a quantity that throws, or is a throwing or revoked Proxy, is INVALID_QUANTITY', () => {
    for (const quantity of [throwingGetter(q('1', 'KGM'), 'value'), throwingProxy, revoked()]) {
      const error = failure(() => convert(quantity as never, 'GRM'));
      expect(error.code).toBe('INVALID_QUANTITY');
    }
    expect(failure(() => convert(throwingGetter(q('1', 'KGM'), 'unit'), 'GRM')).cause).toBe(THROWN);
  });

  it('convert: a value read as a string once and as something else later converts what was read once', () => {
    expect(convert(changing(q('1', 'KGM'), 'value', '1', 5), 'GRM')).toEqual({ value: '1000', unit: 'GRM' });
  });

  it('convert and registry.convert: options that throw or are revoked are INVALID_OPTIONS', () => {
    const registry = createUnitRegistry();
    for (const options of [throwingGetter({}, 'scale'), throwingProxy, revoked()]) {
      expect(failure(() => convert(q('1', 'KGM'), 'GRM', options as never)).code).toBe('INVALID_OPTIONS');
      expect(failure(() => registry.convert(q('1', 'KGM'), 'GRM', options as never)).code).toBe(
        'INVALID_OPTIONS',
      );
    }
    for (const options of [throwingGetter({}, 'sapForm'), throwingProxy, revoked()]) {
      expect(failure(() => registry.resolve('KGM', options as never)).code).toBe('INVALID_OPTIONS');
      expect(failure(() => registry.describe('KGM', options as never)).code).toBe('INVALID_OPTIONS');
      expect(failure(() => registry.fromSap('ST', options as never)).code).toBe('INVALID_OPTIONS');
    }
    for (const material of [throwingGetter({ id: 'M', baseUnit: 'H87' }, 'alternativeUnits'), revoked()]) {
      expect(
        failure(() => registry.convert(q('1', 'XCT'), 'H87', { material: material as never })).code,
      ).toBe('INVALID_OPTIONS');
    }
  });

  it('sumQuantities: a list that throws, a revoked list and an iterator that throws are INVALID_QUANTITY', () => {
    const throwingIterator = {
      *[Symbol.iterator]() {
        yield q('1', 'KGM');
        throw THROWN;
      },
    };
    for (const list of [throwingIterator, revoked([]), throwingProxy, [throwingProxy], [revoked()]]) {
      expect(failure(() => sumQuantities(list as never)).code).toBe('INVALID_QUANTITY');
    }
    const lying = new Proxy([q('1', 'KGM')], {
      get(target, key) {
        if (key === 'length') throw THROWN;
        return Reflect.get(target, key);
      },
    });
    expect(failure(() => sumQuantities(lying)).code).toBe('INVALID_QUANTITY');
  });

  it('sums, adds and compares each quantity as read once', () => {
    const grows = changing(q('1', 'KGM'), 'value', '1', '1000');
    expect(sumQuantities([grows, q('1', 'KGM')])).toEqual({ value: '2', unit: 'KGM' });
    const moves = changing(q('1', 'KGM'), 'unit', 'KGM', 'GRM');
    expect(addQuantities(moves, q('1', 'KGM'))).toEqual({ value: '2', unit: 'KGM' });
    expect(compareQuantities(changing(q('1', 'KGM'), 'unit', 'KGM', 'GRM'), q('1000', 'GRM'))).toBe(0);
    expect(failure(() => compareQuantities(q('1', 'KGM'), q('1', 'KGM'), throwingProxy as never)).code).toBe(
      'INVALID_OPTIONS',
    );
  });

  it('createUnitRegistry: options, aliases, materials and SAP units that throw or are revoked are INVALID_OPTIONS', () => {
    const cases: unknown[] = [
      throwingGetter({}, 'aliases'),
      throwingProxy,
      revoked(),
      { aliases: throwingProxy },
      { aliases: revoked() },
      { aliases: throwingGetter({ Stk: 'H87' }, 'Stk') },
      { materials: revoked([]) },
      { materials: [throwingProxy] },
      { materials: [{ id: 'M', baseUnit: 'H87', alternativeUnits: [revoked()] }] },
      { materials: [throwingGetter({ id: 'M', baseUnit: 'H87' }, 'id')] },
      { sapUnits: [throwingGetter({ sap: 'ZBG', unit: 'XBG' }, 'unit')] },
      { sapUnits: revoked([]) },
    ];
    for (const options of cases) {
      const error = failure(() => createUnitRegistry(options as never));
      expect(error.code).toBe('INVALID_OPTIONS');
    }
  });

  it('createUnitRegistry: an SAP unit read as a string once keeps that string', () => {
    const registry = createUnitRegistry({
      sapUnits: [changing({ unit: 'XBG', primary: true }, 'sap', 'ZBG', 42, 2) as never],
    });
    expect(registry.toSap('XBG')).toBe('ZBG');
    expect(registry.fromSap('ZBG')).toBe('XBG');
  });

  it('createUnitRegistry: a material base unit read once', () => {
    const registry = createUnitRegistry({
      materials: [changing({ id: 'M', alternativeUnits: [] }, 'baseUnit', 'H87', 7, 1) as never],
    });
    expect(registry.convert(q('2', 'H87'), 'DZN', { material: 'M', scale: 2 }).value).toBe('0.17');
  });
});
