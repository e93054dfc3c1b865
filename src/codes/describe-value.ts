import { describeInput } from '../uom/describe-input.js';

/**
 * A value from a caller as an error message shows it (see `describeInput`), also when it is a
 * hostile object: a revoked Proxy throws even when asked whether it is an array.
 * @returns the description; never throws.
 * @example describeValue(101) // '101'
 */
export function describeValue(value: unknown): string {
  try {
    return describeInput(value);
  } catch {
    return 'an object that cannot be read';
  }
}
