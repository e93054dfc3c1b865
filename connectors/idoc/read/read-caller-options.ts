// Reads the options a caller passes to the IDoc functions. A caller's object may be hostile: a
// getter that throws or answers differently on each read, a Proxy whose traps throw, a revoked
// Proxy. Each option is read here once, into plain values that the resolvers check and use;
// whatever a read throws becomes an issue of a ValidationError (the thrown value is kept as its
// `cause`, never looked at), and every other problem is an issue with the option's JSON Pointer.
import { ValidationError, type ValidationIssue } from '../../../src/errors/validation-error.js';
import { describeInput } from '../../../src/internal/describe-input.js';
import { isArraySafely } from '../../../src/internal/is-array-safely.js';
import type { IdocSchema } from '../schema/idoc-schema.js';

/** Collects the issues of one options object and throws them together. */
export class OptionIssues {
  private readonly issues: ValidationIssue[] = [];
  private cause: unknown;

  /** @param schema - the name of the options type, e.g. `ParseIdocOptions`. */
  constructor(private readonly schema: string) {}

  /** Adds an issue. */
  add(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Adds the issue of a value that could not be read; the thrown value becomes the error's cause. */
  unreadable(path: string, cause: unknown): void {
    this.cause ??= cause;
    this.add(path, 'invalid_input', 'could not be read (a getter or Proxy trap threw)');
  }

  /**
   * Reads the named options once each.
   * @returns the values read (undefined for an option left out or unreadable); `{}` for undefined options.
   */
  read<Key extends string>(options: unknown, keys: readonly Key[]): Partial<Record<Key, unknown>> {
    const values: Partial<Record<Key, unknown>> = {};
    if (options === undefined) return values;
    if (typeof options !== 'object' || options === null || isArraySafely(options)) {
      this.add('', 'invalid_type', `the options must be an object, not ${describeInput(options)}`);
      return values;
    }
    for (const key of keys) {
      try {
        values[key] = (options as Record<Key, unknown>)[key];
      } catch (cause) {
        this.unreadable(`/${key}`, cause);
      }
    }
    return values;
  }

  /** Checks that a value, when given, is one of `allowed`. */
  oneOf<T>(value: unknown, allowed: readonly T[], path: string): value is T | undefined {
    if (value === undefined || allowed.includes(value as T)) return true;
    this.add(
      path,
      'invalid_value',
      `must be one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`,
    );
    return false;
  }

  /**
   * The items of an array, each read once by index (its iterator is not called).
   * @returns the items, or undefined (with an issue) when the value is no array or cannot be read.
   */
  list(value: unknown, path: string, expected: string): unknown[] | undefined {
    if (!isArraySafely(value)) {
      this.add(path, 'invalid_type', `must be ${expected}, not ${describeInput(value)}`);
      return undefined;
    }
    const read = readArrayItems(value as readonly unknown[]);
    if ('items' in read) return read.items;
    this.unreadable(read.failedAt < 0 ? path : `${path}/${read.failedAt}`, read.cause);
    return undefined;
  }

  /**
   * The `schemas` option: an array of objects, each read once. What is inside each schema is
   * checked when it is compiled (an `INVALID_SCHEMA` IdocError).
   * @returns the schemas, or undefined when left out or invalid (with an issue).
   */
  schemas(value: unknown): readonly IdocSchema[] | undefined {
    if (value === undefined) return undefined;
    const list = this.list(value, '/schemas', 'an array of IDoc schemas');
    list?.forEach((schema, index) => {
      if (typeof schema !== 'object' || schema === null || isArraySafely(schema)) {
        this.add(
          `/schemas/${index}`,
          'invalid_type',
          `must be an IDoc schema from loadIdocSchema() or builtinIdocSchemas, not ${describeInput(schema)}`,
        );
      }
    });
    return list as IdocSchema[] | undefined;
  }

  /** @throws {ValidationError} when any issue was added. */
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    throw new ValidationError(this.issues, { schema: this.schema, cause: this.cause });
  }
}

/**
 * The items of a caller's array, its length and each item read once (by index: its iterator is
 * not called).
 * @returns the items, or where reading threw (`failedAt`: the index, -1 for the length) and what.
 */
export function readArrayItems(
  array: readonly unknown[],
): { readonly items: unknown[] } | { readonly failedAt: number; readonly cause: unknown } {
  const items: unknown[] = [];
  let index = -1;
  try {
    const length = array.length;
    for (index = 0; index < length; index += 1) items.push(array[index]);
  } catch (cause) {
    return { failedAt: index, cause };
  }
  return { items };
}
