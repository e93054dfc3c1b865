import type { z } from 'zod';
import { MappingError } from '../errors/mapping-error.js';
import { describeInput } from '../internal/describe-input.js';
import { validate } from '../validate/validate.js';
import { readCallerValue } from './read-caller-value.js';

/**
 * What a look-up returns for a code the map does not have:
 * - `'error'`: throw `MappingError` `UNMAPPED_CODE` (the default: nothing passes unnoticed);
 * - `'passthrough'`: return the code unchanged (towards canonical values, only a code that the
 *   map's `canonical` schema accepts; any other is `UNMAPPED_CODE`);
 * - `{ default: 'x' }`: return `'x'`.
 */
export type UnmappedPolicy<T extends string = string> = 'error' | 'passthrough' | { readonly default: T };

/** The direction of a look-up: a system's code to canonical, or canonical to a system's code. */
export type LookupDirection = 'to-canonical' | 'from-canonical';

/** One look-up that found no mapping, as the `onUnmapped` hook receives it. */
export interface UnmappedLookup {
  readonly domain: string;
  /** The system, its first 256 characters when it is longer (then ending in `…`). */
  readonly system: string;
  /**
   * The code (to-canonical) or canonical value (from-canonical) that was not found, its first
   * 256 characters when it is longer (then ending in `…`).
   */
  readonly code: string;
  readonly direction: LookupDirection;
  /** How many times this code has now been looked up in vain, this one included. */
  readonly count: number;
}

/** A zod schema whose output is a canonical value, e.g. `WorkOrderStatus`. */
export type CanonicalSchema = z.ZodType<string>;

/**
 * How a code map checks its canonical values, treats codes it does not have, and reports them.
 * `S` is the type of the `canonical` schema; the map's canonical values are its output.
 */
export interface CodeMapOptions<S extends CanonicalSchema = CanonicalSchema> {
  /**
   * The schema every canonical value must pass, e.g. `WorkOrderStatus`: a row whose canonical
   * value it refuses is refused when the map is built (with its row number or CSV line), the
   * map keeps the schema's output, and the map's types narrow to it (`toCanonical` returns a
   * `WorkOrderStatus`). @default none: any non-empty string
   */
  readonly canonical?: S;
  /**
   * The policy for unmapped codes, for both directions or per direction.
   * @default 'error'
   */
  readonly unmapped?:
    | UnmappedPolicy<z.output<S>>
    | {
        readonly toCanonical?: UnmappedPolicy<z.output<S>>;
        readonly fromCanonical?: UnmappedPolicy;
      };
  /**
   * Called on every unmapped look-up, whatever the policy, e.g. to feed a metrics counter. When it
   * throws, the look-up throws `MappingError` `INVALID_CODE_MAP` with the hook's error as `cause`.
   */
  readonly onUnmapped?: (lookup: UnmappedLookup) => void;
  /**
   * How many distinct unmapped codes are counted one by one; further ones only add to the total,
   * so codes from untrusted input cannot grow the counters without bound (and each counted code
   * keeps at most 256 characters).
   * @default 1000
   */
  readonly maxTrackedCodes?: number;
}

/** {@link CodeMapOptions} with every default filled in; `C` is the type of canonical values. */
export interface ResolvedCodeMapOptions<C extends string = string> {
  readonly toCanonical: UnmappedPolicy<C>;
  readonly fromCanonical: UnmappedPolicy;
  readonly onUnmapped: ((lookup: UnmappedLookup) => void) | undefined;
  readonly maxTrackedCodes: number;
  /**
   * Checks a canonical value: its schema output, or why the schema refuses it, as the end of a
   * sentence about the value (`is refused by the canonical schema: …`).
   */
  readonly checkCanonical: (value: string) => { readonly value: C } | { readonly refusal: string };
}

function invalid(domain: string, message: string, cause?: unknown): MappingError {
  return new MappingError('INVALID_CODE_MAP', `code map ${domain}: ${message}`, { domain }, { cause });
}

/** A canonical value checked by the schema: its output when that is a string, else why not. */
function canonicalChecker<C extends string>(
  schema: CanonicalSchema | undefined,
): ResolvedCodeMapOptions<C>['checkCanonical'] {
  if (schema === undefined) return (value) => ({ value: value as C });
  return (value) => {
    const result = validate(schema, value);
    if (!result.ok) {
      const reason = result.issues[0]?.message ?? 'invalid';
      return { refusal: `is refused by the canonical schema: ${reason}` };
    }
    const output: unknown = result.value;
    if (typeof output !== 'string') {
      return { refusal: `becomes a ${typeof output} through the canonical schema, not a string` };
    }
    return { value: output as C };
  };
}

function readPolicy<T extends string>(
  policy: unknown,
  domain: string,
  check: ((value: string) => { readonly value: T } | { readonly refusal: string }) | undefined,
  unreadable: (cause: unknown) => MappingError,
): UnmappedPolicy<T> {
  if (policy === 'error' || policy === 'passthrough') return policy;
  if (typeof policy === 'object' && policy !== null) {
    const fallback: unknown = readCallerValue(
      () => (policy as { readonly default?: unknown }).default,
      unreadable,
    );
    if (typeof fallback === 'string') {
      if (check === undefined) return { default: fallback as T };
      const checked = check(fallback);
      if ('refusal' in checked)
        throw invalid(domain, `the unmapped default ${describeInput(fallback)} ${checked.refusal}`);
      return { default: checked.value };
    }
  }
  throw invalid(domain, "unmapped must be 'error', 'passthrough' or { default: string }");
}

/**
 * Fills in the defaults of {@link CodeMapOptions} and checks them, reading each option once
 * (a getter that answers differently on a second read cannot slip anything past the checks).
 * @returns the resolved options.
 * @throws MappingError `INVALID_CODE_MAP` for options that are not an object or cannot be read
 * (a throwing getter, a revoked Proxy: the error is the `cause`), an unknown policy, a default
 * the canonical schema refuses, a `canonical` that is not a zod schema, a negative
 * `maxTrackedCodes` or an `onUnmapped` that is not a function.
 * @example resolveCodeMapOptions('uom', { unmapped: 'passthrough' }).fromCanonical // 'passthrough'
 */
export function resolveCodeMapOptions<C extends string = string>(
  domain: string,
  options: CodeMapOptions | undefined,
): ResolvedCodeMapOptions<C> {
  if (options === undefined) options = {};
  if (typeof options !== 'object' || options === null) throw invalid(domain, 'the options must be an object');
  const unreadable = (cause: unknown): MappingError =>
    invalid(domain, 'the options could not be read (see the cause)', cause);
  const given = options;
  const { unmapped, onUnmapped, maxTrackedCodes, canonical, canParse } = readCallerValue(() => {
    const read: CodeMapOptions = given;
    const { unmapped = 'error', onUnmapped, maxTrackedCodes = 1000, canonical } = read;
    const canParse =
      typeof canonical === 'object' &&
      canonical !== null &&
      typeof (canonical as { readonly safeParse?: unknown }).safeParse === 'function';
    return { unmapped: unmapped as unknown, onUnmapped, maxTrackedCodes, canonical, canParse };
  }, unreadable);
  if (canonical !== undefined && !canParse) {
    throw invalid(domain, 'canonical must be a zod schema, such as WorkOrderStatus');
  }
  const checkCanonical = canonicalChecker<C>(canonical);
  let toCanonical: unknown = unmapped;
  let fromCanonical: unknown = unmapped;
  if (typeof unmapped === 'object' && unmapped !== null) {
    const policies = readCallerValue(() => {
      const {
        default: fallback,
        toCanonical,
        fromCanonical,
      } = unmapped as {
        readonly default?: unknown;
        readonly toCanonical?: unknown;
        readonly fromCanonical?: unknown;
      };
      return { fallback, toCanonical, fromCanonical };
    }, unreadable);
    if (policies.fallback === undefined) {
      toCanonical = policies.toCanonical ?? 'error';
      fromCanonical = policies.fromCanonical ?? 'error';
    } else if (policies.toCanonical !== undefined || policies.fromCanonical !== undefined) {
      throw invalid(domain, 'unmapped is either { default } or { toCanonical, fromCanonical }, not both');
    } else {
      toCanonical = { default: policies.fallback };
      fromCanonical = toCanonical;
    }
  }
  if (!Number.isSafeInteger(maxTrackedCodes) || maxTrackedCodes < 0) {
    throw invalid(domain, 'maxTrackedCodes must be a whole number');
  }
  if (onUnmapped !== undefined && typeof onUnmapped !== 'function') {
    throw invalid(domain, 'onUnmapped must be a function');
  }
  return {
    toCanonical: readPolicy<C>(
      toCanonical,
      domain,
      canonical === undefined ? undefined : checkCanonical,
      unreadable,
    ),
    fromCanonical: readPolicy<string>(fromCanonical, domain, undefined, unreadable),
    onUnmapped,
    maxTrackedCodes,
    checkCanonical,
  };
}
