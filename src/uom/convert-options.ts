import { UnitError } from '../errors/unit-error.js';
import { describeInput } from './describe-input.js';
import { type RoundingMode, roundingModes } from './rounding-mode.js';

/** How a converted value is written. */
export interface ConvertOptions {
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
}

/** The largest scale accepted: far beyond any ERP field, small enough to keep the arithmetic quick. */
export const MAX_SCALE = 1000;

const DEFAULTS: ResolvedConvertOptions = Object.freeze({ scale: undefined, rounding: 'half-even' });

/**
 * Fills in the defaults of {@link ConvertOptions} and checks them.
 * @returns the resolved options.
 * @throws UnitError `INVALID_OPTIONS` for options that are not an object, a scale that is not
 * an integer from 0 to 1000, or an unknown rounding mode.
 * @example resolveConvertOptions({ scale: 2 }) // { scale: 2, rounding: 'half-even' }
 */
export function resolveConvertOptions(options: ConvertOptions | undefined): ResolvedConvertOptions {
  if (options === undefined) return DEFAULTS;
  if (typeof options !== 'object' || options === null) {
    throw new UnitError('INVALID_OPTIONS', `the options must be an object, not ${describeInput(options)}`);
  }
  if (options.scale === undefined && options.rounding === undefined) return DEFAULTS;
  const { scale, rounding = 'half-even' } = options;
  if (scale !== undefined && (!Number.isInteger(scale) || scale < 0 || scale > MAX_SCALE)) {
    throw new UnitError(
      'INVALID_OPTIONS',
      `scale must be an integer from 0 to ${MAX_SCALE}, not ${describeInput(scale)}`,
    );
  }
  if (!roundingModes.includes(rounding)) {
    throw new UnitError(
      'INVALID_OPTIONS',
      `rounding must be one of ${roundingModes.join(', ')}, not ${describeInput(rounding)}`,
    );
  }
  return { scale, rounding };
}
