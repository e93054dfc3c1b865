// Reads the caller's option objects for the IDoc mappings: each property once, and whatever a
// getter, a Proxy trap or an option function throws comes out as a MillwrightError that names
// the option (the original is its cause), never as a TypeError from deep inside a mapping.
import { isMillwrightError, MillwrightError } from '../../../src/errors/millwright-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { thrownName } from './thrown-name.js';

/**
 * `owner[name]`, read once.
 * @param path - the option's name in errors (`sender.partner`); `name` when not given.
 * @throws {MillwrightError} `INVALID_OPTIONS` when reading it throws.
 */
export function readOption(owner: object, name: string, path = name): unknown {
  return callOption(path, () => (owner as Record<string, unknown>)[name], 'could not be read');
}

/**
 * Runs code of an option (a getter, a function the caller passed). A millwright error it throws
 * goes through as it is; any other becomes `INVALID_OPTIONS` naming the option.
 */
export function callOption<T>(path: string, run: () => T, what = 'threw'): T {
  try {
    return run();
  } catch (error) {
    if (isMillwrightError(error)) throw error;
    throw new MillwrightError('INVALID_OPTIONS', `options.${path} ${what} (${thrownName(error)})`, {
      cause: error,
    });
  }
}

/** The error for an option value of the wrong kind: `options.<path> must be <expected>, not …`. */
export function invalidOption(path: string, value: unknown, expected: string): MillwrightError {
  return new MillwrightError(
    'INVALID_OPTIONS',
    `options.${path} must be ${expected}, not ${describe(value)}`,
  );
}

/** `describeInput`, which a revoked Proxy can still make throw (Array.isArray reads its target). */
function describe(value: unknown): string {
  try {
    return describeInput(value);
  } catch {
    return 'an unreadable object';
  }
}
