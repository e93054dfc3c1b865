import { MillwrightError } from './millwright-error.js';

/**
 * Why a unit operation failed:
 * - `UNKNOWN_UNIT`: a code is in no catalogue the registry knows (Rec 20, Rec 21, a retired code,
 *   an alias, SAP or UCUM), has no equivalent in the system asked for (`toUcum('XCT')`), or is
 *   an SAP code given where no system says the input is SAP (`resolve('KAR')`).
 * - `AMBIGUOUS_UNIT`: a code means different units in different systems and the caller did not
 *   say which (`KG`: Rec 20's deleted keg or SAP's kilogram); `readings` lists each meaning.
 * - `INCOMPATIBLE_UNITS`: the units measure different things (kilograms and metres), or one of
 *   them has no factor (a carton) and no material says how many base units it holds.
 * - `INEXACT`: the exact result has no finite decimal form (1/3) and no `scale` was given.
 * - `NO_MATERIAL_CONVERSION`: the material is unknown, or its alternative units do not reach the unit.
 * - `INVALID_QUANTITY`: a value is not an exact decimal string such as `"12.5"`.
 * - `INVALID_OPTIONS`: an option is out of range (a negative scale, an unknown rounding mode, an
 *   alias that points nowhere, a material with a zero denominator).
 */
export type UnitErrorCode =
  | 'UNKNOWN_UNIT'
  | 'AMBIGUOUS_UNIT'
  | 'INCOMPATIBLE_UNITS'
  | 'INEXACT'
  | 'NO_MATERIAL_CONVERSION'
  | 'INVALID_QUANTITY'
  | 'INVALID_OPTIONS';

/**
 * One meaning of a unit code in one system, as an `AMBIGUOUS_UNIT` error lists them:
 * - `rec20`: a code UN/ECE Rec 20 deprecated or deleted (`status`), meaning its successor.
 * - `sap`: an SAP unit, read as the internal code (T006 MSEHI) or as the external commercial code
 *   (T006A MSEH3) of the internal code `sap`.
 * - `ucum`: a UCUM code.
 */
export interface UnitCodeReading {
  readonly system: 'rec20' | 'sap' | 'ucum';
  /** For `rec20`: whether Rec 20 deprecated or deleted the code. */
  readonly status?: 'deprecated' | 'deleted';
  /** For `sap`: whether the code is read as an internal or an external code. */
  readonly form?: 'internal' | 'external';
  /** For `sap`: the internal SAP code of the unit read. */
  readonly sap?: string;
  /** The canonical code this reading means; null for a Rec 20 code retired without successor. */
  readonly unit: string | null;
  /** What it means, e.g. `keg` or `kilogram`. */
  readonly name: string;
}

/** The units and material involved; every field is optional and none is secret. */
export interface UnitErrorDetails {
  /** The unit converted from, as given. */
  readonly from?: string;
  /** The unit converted to, as given. */
  readonly to?: string;
  /** The material whose alternative units were used. */
  readonly material?: string;
  /** For `AMBIGUOUS_UNIT`: every meaning of the code. */
  readonly readings?: readonly UnitCodeReading[];
}

/**
 * A quantity could not be converted or a unit code could not be resolved. Part of the "data was
 * rejected" family, like {@link ValidationError} and {@link MappingError}.
 * @example
 * try { convert({ value: '1', unit: 'KGM' }, 'MTR'); } catch (error) {
 *   if (error instanceof UnitError && error.code === 'INCOMPATIBLE_UNITS') console.error(error.from, error.to);
 * }
 */
export class UnitError extends MillwrightError<UnitErrorCode> {
  /** The unit converted from, as given. */
  readonly from: string | undefined;
  /** The unit converted to, as given. */
  readonly to: string | undefined;
  /** The material whose alternative units were used. */
  readonly material: string | undefined;
  /** For `AMBIGUOUS_UNIT`: every meaning of the code (`from`), in the order Rec 20, SAP, UCUM. */
  readonly readings: readonly UnitCodeReading[] | undefined;

  /**
   * @param code - why the operation failed.
   * @param message - human-readable text; it must not contain a secret.
   * @param details - the units and material involved.
   * @param options - `cause`: a wrapped lower error.
   */
  constructor(
    code: UnitErrorCode,
    message: string,
    details: UnitErrorDetails = {},
    options?: { readonly cause?: unknown },
  ) {
    super(code, message, options);
    // A code from untrusted input may be anything; only strings are kept, as the types promise.
    this.from = stringOrUndefined(details.from);
    this.to = stringOrUndefined(details.to);
    this.material = stringOrUndefined(details.material);
    this.readings = details.readings;
  }

  override get name(): string {
    return 'UnitError';
  }

  protected override jsonDetails(): Record<string, unknown> {
    const { from, to, material, readings } = this;
    return { from, to, material, readings };
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
