import { UnitError } from '../errors/unit-error.js';
import { describeInput } from '../internal/describe-input.js';
import { readOptionFields } from './read-caller-value.js';
import { type RoundingMode, roundingModes } from './rounding-mode.js';
import {
  ANY_SYSTEM,
  type ResolvedUnitCodeOptions,
  resolveUnitCodeFields,
  type UnitCodeOptions,
} from './unit-code-options.js';

/** How a converted value is written, and which system the unit codes come from. */
export interface ConvertOptions extends UnitCodeOptions {
  /**
   * The number of decimal places of the result. Without it the result is exact and a result
   * that does not terminate (1/3) throws `INEXACT`; with it the result is rounded by `rounding`
   * and written with exactly `scale` decimals. An integer from 0 to {@link MAX_SCALE}.
   * @default undefined (exact)
   */
  readonly scale?: number;
  /** How to round to `scale`; ignored without `scale`. @default 'half-even' */
  readonly rounding?: RoundingMode;
}

/** {@link ConvertOptions} with every default filled in. */
export interface ResolvedConvertOptions {
  readonly scale: number | undefined;
  readonly rounding: RoundingMode;
  /** How the unit codes of the call are read. */
  readonly codes: ResolvedUnitCodeOptions;
}

/** The largest scale accepted: far beyond any ERP field, small enough to keep the arithmetic quick. */
export const MAX_SCALE = 1000;

/** The option names of {@link ConvertOptions}, each read once from the caller's object. */
export const CONVERT_OPTION_KEYS = ['scale', 'rounding', 'system', 'sapForm'] as const;

/** The fields of {@link ConvertOptions} as read from the caller's object, not yet checked. */
export type ConvertOptionFields = Record<(typeof CONVERT_OPTION_KEYS)[number], unknown>;

const DEFAULTS: ResolvedConvertOptions = Object.freeze({
  scale: undefined,
  rounding: 'half-even',
  codes: ANY_SYSTEM,
});

/**
 * Checks the fields of {@link ConvertOptions}, already read once, and fills in the defaults.
 * @returns the resolved options.
 * @throws UnitError `INVALID_OPTIONS` for a scale that is not an integer from 0 to 1000, an
 * unknown rounding mode, system or SAP form.
 */
export function resolveConvertFields(fields: ConvertOptionFields): ResolvedConvertOptions {
  const { scale, rounding = 'half-even', system, sapForm } = fields;
  if (
    scale !== undefined &&
    (!Number.isInteger(scale) || (scale as number) < 0 || (scale as number) > MAX_SCALE)
  ) {
    throw new UnitError(
      'INVALID_OPTIONS',
      `scale must be an integer from 0 to ${MAX_SCALE}, not ${describeInput(scale)}`,
    );
  }
  if (!roundingModes.includes(rounding as RoundingMode)) {
    throw new UnitError(
      'INVALID_OPTIONS',
      `rounding must be one of ${roundingModes.join(', ')}, not ${describeInput(rounding)}`,
    );
  }
  const codes = resolveUnitCodeFields(system, sapForm);
  if (scale === undefined && rounding === 'half-even' && codes === ANY_SYSTEM) return DEFAULTS;
  return { scale: scale as number | undefined, rounding: rounding as RoundingMode, codes };
}

/**
 * Fills in the defaults of {@link ConvertOptions} and checks them, reading each option once.
 * @returns the resolved options.
 * @throws UnitError `INVALID_OPTIONS` for options that are not an object or cannot be read, a
 * scale that is not an integer from 0 to 1000, an unknown rounding mode, system or SAP form.
 * @example resolveConvertOptions({ scale: 2 }) // { scale: 2, rounding: 'half-even', codes: { system: 'any', ... } }
 */
export function resolveConvertOptions(options: ConvertOptions | undefined): ResolvedConvertOptions {
  if (options === undefined) return DEFAULTS;
  return resolveConvertFields(readOptionFields(options, CONVERT_OPTION_KEYS, 'the options'));
}
