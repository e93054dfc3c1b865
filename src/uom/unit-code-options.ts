import { UnitError } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { readOptionFields } from './read-caller-value.js';

/** Which SAP code a code is: internal (T006 MSEHI, `ST`) or external commercial (T006A MSEH3, `PC`). */
export type SapCodeForm = 'internal' | 'external';

/** How `fromSap` reads an SAP code. */
export interface SapCodeOptions {
  /**
   * Read the code only as an internal SAP code (`ST`) or only as an external commercial code
   * (`PC`). Needed only for a code that is one unit's internal code and another unit's external
   * code, which is refused as `AMBIGUOUS_UNIT` otherwise.
   * @default either form; a code that means different units in the two forms is refused
   */
  readonly sapForm?: SapCodeForm;
}

/**
 * The system the unit codes you pass come from. Without it, codes are read by the precedence
 * rule: a plant alias; an active UN/ECE Rec 20 (or X-prefixed Rec 21) code as Rec 20 (`PAL` is
 * pascal); a code Rec 20 retired as its successor (`PCE` → `H87`) and a UCUM code (`kg`), when
 * that is the code's only meaning. An SAP code (`KAR`) is read only with `system: 'sap'`, and a
 * code that means different units in different systems (`KG`: Rec 20's deleted keg or SAP's
 * kilogram) is refused with `AMBIGUOUS_UNIT`, never guessed.
 */
export interface UnitCodeOptions extends SapCodeOptions {
  /**
   * `'sap'`: the codes are SAP units of measurement, read as `fromSap` reads them (your
   * `sapUnits`, SAP's internal and external codes, then the code as an ISO code, as IDocs carry
   * them): `KG` is kilogram, `PAL` a pallet. Applies to every code of the call, the target unit too.
   * @default undefined: the precedence rule above
   */
  readonly system?: 'sap';
}

/** {@link UnitCodeOptions} resolved: how each code of a call is read. */
export interface ResolvedUnitCodeOptions {
  readonly system: 'any' | 'sap';
  readonly sapForm: SapCodeForm | 'either';
  /** Prefixed to a code in caches, so that one code read in two ways is two entries; '' for `any`. */
  readonly key: string;
}

/** Codes read by the precedence rule, no system named. */
export const ANY_SYSTEM: ResolvedUnitCodeOptions = Object.freeze({
  system: 'any',
  sapForm: 'either',
  key: '',
});
const SAP_EITHER: ResolvedUnitCodeOptions = Object.freeze({ system: 'sap', sapForm: 'either', key: 'sap\0' });
const SAP_INTERNAL: ResolvedUnitCodeOptions = Object.freeze({
  system: 'sap',
  sapForm: 'internal',
  key: 'sap internal\0',
});
const SAP_EXTERNAL: ResolvedUnitCodeOptions = Object.freeze({
  system: 'sap',
  sapForm: 'external',
  key: 'sap external\0',
});

/**
 * Checks the unit-code part of a call's options, already read once from the caller's object.
 * @param system - the `system` option as given.
 * @param sapForm - the `sapForm` option as given.
 * @param impliedSystem - `'sap'` for `fromSap`, where the system is SAP without saying so.
 * @returns one of four frozen resolved options (so they can key a cache).
 * @throws UnitError `INVALID_OPTIONS` for an unknown system or form, or a form without `system: 'sap'`.
 */
export function resolveUnitCodeFields(
  system: unknown,
  sapForm: unknown,
  impliedSystem?: 'sap',
): ResolvedUnitCodeOptions {
  if (system !== undefined && system !== 'sap') {
    throw new UnitError('INVALID_OPTIONS', `system must be 'sap' or absent, not ${describeInput(system)}`);
  }
  const sap = (system ?? impliedSystem) === 'sap';
  if (sapForm === undefined) return sap ? SAP_EITHER : ANY_SYSTEM;
  if (sapForm !== 'internal' && sapForm !== 'external') {
    throw new UnitError(
      'INVALID_OPTIONS',
      `sapForm must be 'internal' or 'external', not ${describeInput(sapForm)}`,
    );
  }
  if (!sap) throw new UnitError('INVALID_OPTIONS', "sapForm applies only with system: 'sap'");
  return sapForm === 'internal' ? SAP_INTERNAL : SAP_EXTERNAL;
}

/**
 * Fills in the defaults of {@link UnitCodeOptions} and checks them, reading each option once.
 * @param impliedSystem - `'sap'` for `fromSap`.
 * @returns the resolved options.
 * @throws UnitError `INVALID_OPTIONS` for options that are not an object or cannot be read, an
 * unknown system or form, or a form without `system: 'sap'`.
 * @example resolveUnitCodeOptions({ system: 'sap' }).sapForm // 'either'
 */
export function resolveUnitCodeOptions(
  options: UnitCodeOptions | undefined,
  impliedSystem?: 'sap',
): ResolvedUnitCodeOptions {
  if (options === undefined) return impliedSystem === 'sap' ? SAP_EITHER : ANY_SYSTEM;
  const { system, sapForm } = readOptionFields(options, ['system', 'sapForm'], 'the options');
  return resolveUnitCodeFields(system, sapForm, impliedSystem);
}
