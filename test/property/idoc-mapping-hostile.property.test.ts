// The callers' objects the IDoc mappings read: the options of idocToCanonical and
// canonicalToIdoc and the canonical objects given to canonicalToIdoc. Whatever they do on a read
// (a getter that throws, a revoked Proxy, a Proxy whose traps throw, a getter that answers
// differently each time), the mappings end in a MillwrightError or a result, and read each
// value at most once.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  CodeMap,
  createUnitRegistry,
  isMillwrightError,
  movementFromSap,
  type ProductionConfirmation,
  type WorkOrder,
} from 'millwright';
import { canonicalToIdoc, type Idoc, idocToCanonical, parseIdoc } from 'millwright/idoc';
import { describe, expect, it } from 'vitest';

const fixtures = new URL('../fixtures/idoc/', import.meta.url);
const read = (name: string): Buffer => readFileSync(new URL(name, fixtures));
const IDOCS: readonly Idoc[] = [
  parseIdoc(read('loipro01.full.xml'))[0] as Idoc,
  parseIdoc(read('wmmbid02.xml'))[0] as Idoc,
  parseIdoc(read('matmas05.utf8.idoc'))[0] as Idoc,
  parseIdoc(read('ppcc2pretticket01.idoc'))[0] as Idoc,
];

/** What a hostile value does when it is read. */
type Behaviour = 'throwing-getter' | 'revoked-proxy' | 'throwing-proxy' | 'changing-getter' | 'thrown-string';
const BEHAVIOURS: readonly Behaviour[] = [
  'throwing-getter',
  'revoked-proxy',
  'throwing-proxy',
  'changing-getter',
  'thrown-string',
];

/** Counts the reads of every property made hostile, to check that none is read twice. */
class Reads {
  readonly counts = new Map<string, number>();
  count(path: string): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }
}

/** A thrown value whose `name` getter throws as well, as a hostile caller may throw. */
function nastyError(): Error {
  const error = new TypeError('hostile');
  Object.defineProperty(error, 'name', {
    get() {
      throw new Error('name');
    },
  });
  return error;
}

/**
 * `value` with the property at `path` made hostile (`behaviour`); the property's own value is
 * what a changing getter answers first, `other` what it answers after.
 */
function hostile(
  value: unknown,
  path: readonly string[],
  behaviour: Behaviour,
  reads: Reads,
  other: unknown,
): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string, ...string[]];
  const base = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  const inner = hostile(base[key], rest, behaviour, reads, other);
  if (rest.length > 0) {
    base[key] = inner;
    return base;
  }
  const where = path.join('/');
  switch (behaviour) {
    case 'throwing-getter':
      Object.defineProperty(base, key, {
        enumerable: true,
        get() {
          reads.count(where);
          throw nastyError();
        },
      });
      return base;
    case 'thrown-string':
      Object.defineProperty(base, key, {
        enumerable: true,
        get() {
          reads.count(where);
          throw 'a string';
        },
      });
      return base;
    case 'changing-getter': {
      let first = true;
      Object.defineProperty(base, key, {
        enumerable: true,
        get() {
          reads.count(where);
          const answer = first ? inner : other;
          first = false;
          return answer;
        },
      });
      return base;
    }
    case 'revoked-proxy': {
      const { proxy, revoke } = Proxy.revocable(typeof inner === 'object' && inner !== null ? inner : {}, {});
      revoke();
      base[key] = proxy;
      return base;
    }
    case 'throwing-proxy':
      base[key] = new Proxy(typeof inner === 'object' && inner !== null ? inner : {}, {
        get() {
          reads.count(where);
          throw nastyError();
        },
        ownKeys() {
          throw nastyError();
        },
        getOwnPropertyDescriptor() {
          throw nastyError();
        },
      });
      return base;
  }
}

/** Runs `action`; a result passes, a throw must be a MillwrightError. */
function expectMillwrightOutcome(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    expect(isMillwrightError(error), String(error)).toBe(true);
  }
}

const units = createUnitRegistry();
const mappingOptions = {
  timeZone: 'Europe/Berlin',
  units,
  system: 'sap-prd',
  plant: 'DE01',
  stripLeadingZeros: false,
  codes: {
    materialType: CodeMap.fromRows('material-type', [{ system: 'sap', code: 'FERT', canonical: 'finished' }]),
    bomUsage: CodeMap.fromRows('bom-usage', [{ system: 'sap', code: '1', canonical: 'production' }]),
    workOrderStatus: () => 'released' as const,
    movementTypes: { Z61: { ...movementFromSap('261'), code: 'Z61' } },
  },
};
const MAPPING_PATHS: readonly (readonly string[])[] = [
  ['timeZone'],
  ['units'],
  ['units', 'fromSap'],
  ['units', 'resolve'],
  ['system'],
  ['plant'],
  ['stripLeadingZeros'],
  ['codes'],
  ['codes', 'materialType'],
  ['codes', 'workOrderStatus'],
  ['codes', 'movementTypes'],
  ['codes', 'movementTypes', 'Z61'],
  ['codes', 'movementTypes', 'Z61', 'kind'],
  ['codes', 'movementTypes', 'Z61', 'direction'],
];

const writeOptions = {
  ...mappingOptions,
  messageType: 'PPCC2PRETTICKET' as const,
  sender: { partner: 'MESCLNT100', port: 'MESPORT' },
  receiver: { partner: 'S4PCLNT100' },
  createdAt: '2026-05-18T12:00:00Z',
  docnum: '',
};
const WRITE_PATHS: readonly (readonly string[])[] = [
  ...MAPPING_PATHS,
  ['messageType'],
  ['sender'],
  ['sender', 'partner'],
  ['receiver'],
  ['createdAt'],
  ['docnum'],
];

const confirmation: ProductionConfirmation = {
  id: 'mes-1',
  workOrder: '000001004720',
  operation: '0010',
  plant: 'DE01',
  yield: { value: '118', unit: 'H87' },
  scrap: { value: '2', unit: 'H87' },
  final: true,
  confirmedAt: '2026-05-18T14:05:00+02:00',
};
const INPUT_PATHS: readonly (readonly string[])[] = [
  [],
  ['workOrder'],
  ['yield'],
  ['yield', 'value'],
  ['yield', 'unit'],
  ['scrap'],
  ['final'],
  ['confirmedAt'],
];

/** Values a changing getter answers on its second read: none of them valid where it stands. */
const OTHERS = fc.constantFrom<unknown>(undefined, null, 42, 'Mars/Olympus', '-1', {}, [], () => 1);

describe("IDoc mappings and callers' objects (property)", () => {
  it('idocToCanonical: any hostile option ends in a MillwrightError or a result, each read once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MAPPING_PATHS),
        fc.constantFrom(...BEHAVIOURS),
        fc.constantFrom(...IDOCS),
        OTHERS,
        (path, behaviour, idoc, other) => {
          const reads = new Reads();
          const options = hostile(mappingOptions, path, behaviour, reads, other);
          expectMillwrightOutcome(() => idocToCanonical(idoc, options as never));
          for (const [where, count] of reads.counts) expect(count, where).toBe(1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('canonicalToIdoc: any hostile option ends in a MillwrightError or an IDoc, each read once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WRITE_PATHS),
        fc.constantFrom(...BEHAVIOURS),
        OTHERS,
        (path, behaviour, other) => {
          const reads = new Reads();
          const options = hostile(writeOptions, path, behaviour, reads, other);
          expectMillwrightOutcome(() => canonicalToIdoc([confirmation], options as never));
          for (const [where, count] of reads.counts) expect(count, where).toBe(1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('canonicalToIdoc: a hostile canonical object ends in a MillwrightError, or is written as first read', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INPUT_PATHS),
        fc.constantFrom(...BEHAVIOURS),
        OTHERS,
        fc.boolean(),
        (path, behaviour, other, inList) => {
          const reads = new Reads();
          const input = hostile(confirmation, path, behaviour, reads, other);
          let written: Idoc | undefined;
          expectMillwrightOutcome(() => {
            written = canonicalToIdoc((inList ? [input] : input) as never, writeOptions);
          });
          for (const [where, count] of reads.counts) expect(count, where).toBe(1);
          // What was written is what was validated: the first answer of every getter.
          if (written !== undefined) {
            expect(written.segments[0]?.fields).toMatchObject({
              ORDERID: '000001004720',
              YIELD: '0000000118.000+',
              RECORDTYPE: 'L40',
            });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('canonicalToIdoc: a hostile work order ends in a MillwrightError or an IDoc', () => {
    const order: WorkOrder = {
      id: '000001004720',
      material: '4711',
      plant: 'DE01',
      quantity: { value: '10', unit: 'H87' },
      status: 'released',
      scheduledStart: '2026-05-18T06:00:00+02:00',
      scheduledEnd: '2026-05-19T06:00:00+02:00',
      operations: [{ operation: '0010', workCenter: 'WC-1' }],
    };
    const paths: readonly (readonly string[])[] = [[], ['operations'], ['operations', '0'], ['quantity']];
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.constantFrom(...BEHAVIOURS),
        OTHERS,
        (path, behaviour, other) => {
          const reads = new Reads();
          const input = hostile(order, path, behaviour, reads, other);
          expectMillwrightOutcome(() =>
            canonicalToIdoc(input as never, { ...writeOptions, messageType: 'LOIPRO' }),
          );
          for (const [where, count] of reads.counts) expect(count, where).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
