import { MappingError } from '../errors/mapping-error.js';

/**
 * What a look-up returns for a code the map does not have:
 * - `'error'`: throw `MappingError` `UNMAPPED_CODE` (the default: nothing passes unnoticed);
 * - `'passthrough'`: return the code unchanged;
 * - `{ default: 'x' }`: return `'x'`.
 */
export type UnmappedPolicy = 'error' | 'passthrough' | { readonly default: string };

/** The direction of a look-up: a system's code to canonical, or canonical to a system's code. */
export type LookupDirection = 'to-canonical' | 'from-canonical';

/** One look-up that found no mapping, as the `onUnmapped` hook receives it. */
export interface UnmappedLookup {
  readonly domain: string;
  readonly system: string;
  /** The code (to-canonical) or canonical value (from-canonical) that was not found. */
  readonly code: string;
  readonly direction: LookupDirection;
  /** How many times this code has now been looked up in vain, this one included. */
  readonly count: number;
}

/** How a code map treats codes it does not have, and how it reports them. */
export interface CodeMapOptions {
  /**
   * The policy for unmapped codes, for both directions or per direction.
   * @default 'error'
   */
  readonly unmapped?:
    | UnmappedPolicy
    | { readonly toCanonical?: UnmappedPolicy; readonly fromCanonical?: UnmappedPolicy };
  /** Called on every unmapped look-up, whatever the policy, e.g. to feed a metrics counter. */
  readonly onUnmapped?: (lookup: UnmappedLookup) => void;
  /**
   * How many distinct unmapped codes are counted one by one; further ones only add to the total,
   * so codes from untrusted input cannot grow the counters without bound.
   * @default 1000
   */
  readonly maxTrackedCodes?: number;
}

/** {@link CodeMapOptions} with every default filled in. */
export interface ResolvedCodeMapOptions {
  readonly toCanonical: UnmappedPolicy;
  readonly fromCanonical: UnmappedPolicy;
  readonly onUnmapped: ((lookup: UnmappedLookup) => void) | undefined;
  readonly maxTrackedCodes: number;
}

function checkPolicy(policy: unknown, domain: string): UnmappedPolicy {
  if (policy === 'error' || policy === 'passthrough') return policy;
  if (
    typeof policy === 'object' &&
    policy !== null &&
    typeof (policy as { default?: unknown }).default === 'string'
  ) {
    return { default: (policy as { default: string }).default };
  }
  throw new MappingError(
    'INVALID_CODE_MAP',
    `code map ${domain}: unmapped must be 'error', 'passthrough' or { default: string }`,
    { domain },
  );
}

/**
 * Fills in the defaults of {@link CodeMapOptions} and checks them.
 * @returns the resolved options.
 * @throws MappingError `INVALID_CODE_MAP` for options that are not an object, an unknown policy
 * or a negative `maxTrackedCodes`.
 * @example resolveCodeMapOptions('uom', { unmapped: 'passthrough' }).fromCanonical // 'passthrough'
 */
export function resolveCodeMapOptions(domain: string, options: CodeMapOptions = {}): ResolvedCodeMapOptions {
  if (typeof options !== 'object' || options === null) {
    throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: the options must be an object`, {
      domain,
    });
  }
  const { unmapped = 'error', onUnmapped, maxTrackedCodes = 1000 } = options;
  const perDirection =
    typeof unmapped === 'object' && unmapped !== null && !('default' in unmapped)
      ? (unmapped as { readonly toCanonical?: UnmappedPolicy; readonly fromCanonical?: UnmappedPolicy })
      : { toCanonical: unmapped as UnmappedPolicy, fromCanonical: unmapped as UnmappedPolicy };
  if (!Number.isSafeInteger(maxTrackedCodes) || maxTrackedCodes < 0) {
    throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: maxTrackedCodes must be a whole number`, {
      domain,
    });
  }
  if (onUnmapped !== undefined && typeof onUnmapped !== 'function') {
    throw new MappingError('INVALID_CODE_MAP', `code map ${domain}: onUnmapped must be a function`, {
      domain,
    });
  }
  return {
    toCanonical: checkPolicy(perDirection.toCanonical ?? 'error', domain),
    fromCanonical: checkPolicy(perDirection.fromCanonical ?? 'error', domain),
    onUnmapped,
    maxTrackedCodes,
  };
}
