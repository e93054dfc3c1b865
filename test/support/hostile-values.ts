// fast-check arbitraries of what a caller's object can do to a library that reads it: getters
// that throw, getters that answer differently on a later read, Proxies whose traps throw,
// revoked Proxies, iterators that throw, and thrown values that are hostile themselves (a
// revoked Proxy, an object whose `name` getter throws). Shared by the property tests of the
// code maps and the events.
import fc from 'fast-check';
import { expect } from 'vitest';

/** A revoked Proxy: every operation on it throws a TypeError. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Values a hostile getter or trap throws: errors, and values that throw when looked at. */
export const thrownValue: fc.Arbitrary<() => unknown> = fc.constantFrom(
  () => new Error('boom'),
  () => new TypeError('boom'),
  () => revokedProxy(),
  () => ({
    get name(): string {
      throw new Error('name');
    },
    get message(): string {
      throw new Error('message');
    },
  }),
  () => Symbol('thrown'),
  () => undefined,
  () => 'a string',
);

/** The ways to make one object hostile. */
export type Hostility =
  | { readonly kind: 'revoked' }
  | { readonly kind: 'throwing-trap'; readonly trap: keyof ProxyHandler<object> }
  | { readonly kind: 'throwing-getter'; readonly key: number }
  | { readonly kind: 'changing-getter'; readonly key: number; readonly later: () => unknown }
  | { readonly kind: 'throwing-iterator'; readonly after: number };

/**
 * One hostility; `later` makes what a changing getter gives after its first read (a function, so
 * that fast-check never has to copy a revoked Proxy).
 */
export function hostility(later: fc.Arbitrary<() => unknown>): fc.Arbitrary<Hostility> {
  return fc.oneof(
    fc.constant({ kind: 'revoked' as const }),
    fc.record({
      kind: fc.constant('throwing-trap' as const),
      trap: fc.constantFrom<keyof ProxyHandler<object>>(
        'get',
        'has',
        'ownKeys',
        'getOwnPropertyDescriptor',
        'getPrototypeOf',
      ),
    }),
    fc.record({ kind: fc.constant('throwing-getter' as const), key: fc.nat() }),
    fc.record({ kind: fc.constant('changing-getter' as const), key: fc.nat(), later }),
    fc.record({ kind: fc.constant('throwing-iterator' as const), after: fc.nat({ max: 3 }) }),
  );
}

/**
 * A hostile stand-in for `target` (an object or array, copied first): a throwing or changing
 * getter on one of its keys (picked by `key` modulo the number of keys), a Proxy whose trap
 * throws, a revoked Proxy, or (for arrays) an iterator that throws after `after` items.
 */
export function makeHostile(target: object, how: Hostility, thrown: () => unknown): object {
  const copy = (Array.isArray(target) ? [...target] : { ...target }) as Record<PropertyKey, unknown>;
  switch (how.kind) {
    case 'revoked':
      return revokedProxy();
    case 'throwing-trap':
      return new Proxy(copy, {
        [how.trap]: () => {
          throw thrown();
        },
      });
    case 'throwing-iterator': {
      const items = Array.isArray(copy) ? copy : Object.values(copy);
      return {
        *[Symbol.iterator]() {
          yield* items.slice(0, how.after);
          throw thrown();
        },
      };
    }
    case 'throwing-getter':
    case 'changing-getter': {
      const keys = Object.keys(copy);
      const key = keys.length === 0 ? 'x' : (keys[how.key % keys.length] as string);
      const first = copy[key];
      let reads = 0;
      Object.defineProperty(copy, key, {
        enumerable: true,
        configurable: true,
        get: () => {
          reads += 1;
          if (how.kind === 'throwing-getter') throw thrown();
          return reads === 1 ? first : how.later();
        },
      });
      return copy;
    }
  }
}

/** Every path (list of keys) to an object or array inside a value, the root included. */
export function objectPaths(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(path);
  for (const [key, item] of Object.entries(value)) objectPaths(item, [...path, key], out);
  return out;
}

/** A deep copy of a JSON value in which the object at `path` is made hostile. */
export function hostileAt(
  value: unknown,
  path: readonly string[],
  how: Hostility,
  thrown: () => unknown,
): unknown {
  if (path.length === 0) return makeHostile(value as object, how, thrown);
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, unknown>;
  const [head, ...rest] = path as [string, ...string[]];
  copy[head] = hostileAt(copy[head], rest, how, thrown);
  return copy;
}

/**
 * Runs `run`; anything it throws must be an instance of `kind` (the test fails otherwise).
 * @returns the result, or undefined when `run` threw such an error.
 */
export function resultOrError<T>(
  kind: abstract new (...args: never[]) => Error,
  run: () => T,
): T | undefined {
  try {
    return run();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return undefined;
  }
}
