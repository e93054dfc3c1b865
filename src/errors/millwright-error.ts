/**
 * The brand every millwright error carries. `Symbol.for` makes it the same symbol in every copy
 * of the package (ESM and CJS builds, or two versions side by side), so errors are recognised
 * even when `instanceof` would compare two different classes.
 */
const BRAND = Symbol.for('millwright.error');

/** The plain, secret-free shape that {@link MillwrightError.toJSON} returns. */
export interface MillwrightErrorJSON {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  /** The cause, reduced to what is safe to log: a millwright cause in full, any other by name and code. */
  readonly cause?: MillwrightErrorJSON | { readonly name: string; readonly code?: string };
  readonly [detail: string]: unknown;
}

/** Options every millwright error accepts. */
export interface MillwrightErrorOptions {
  /** The lower-level error this one wraps; kept as the standard `cause`. */
  readonly cause?: unknown;
}

/**
 * The base class of every error millwright throws. Each error has a stable string `code` to
 * branch on, the standard `cause` when it wraps a lower error, and a `toJSON()` that is safe to
 * log: it never contains a secret, and a foreign cause is reduced to its name and code.
 *
 * Recognise errors with `instanceof` (which also works across the ESM and CJS builds of the
 * package, through a `Symbol.for('millwright.error')` brand) or with {@link isMillwrightError}.
 * Your own subclasses work with `instanceof` too; give them an `override get name()` to be
 * recognised across copies of your code as well.
 *
 * @example
 * try { parseEvent(json); } catch (error) {
 *   if (error instanceof ValidationError) console.error(error.issues);
 *   else if (isMillwrightError(error)) console.error(error.code);
 *   else throw error;
 * }
 */
export class MillwrightError<Code extends string = string> extends Error {
  /** A stable, machine-readable code such as `VALIDATION_FAILED` or `INEXACT`. */
  readonly code: Code;

  /**
   * @param code - the stable code of this failure.
   * @param message - a human-readable message; it must not contain a secret.
   * @param options - `cause`: the lower-level error this one wraps.
   */
  constructor(code: Code, message: string, options?: MillwrightErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  override get name(): string {
    return 'MillwrightError';
  }

  /**
   * `instanceof` that also recognises errors from another copy of the package: a branded error
   * is an instance of a millwright error class when a class of the same name is on its
   * prototype chain.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isMillwrightError(value)) return false;
    // A class of yours that does not name itself (no own `name` getter) is only recognised by
    // the prototype chain: the brand would otherwise make every millwright error one of it.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass that `instanceof` asks about.
    const prototype = this.prototype as MillwrightError;
    if (!Object.hasOwn(prototype, 'name')) return Object.prototype.isPrototypeOf.call(prototype, value);
    const wanted = prototype.name;
    for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
      if (proto === Error.prototype) return false;
      const getter = Object.getOwnPropertyDescriptor(proto, 'name')?.get;
      if (getter !== undefined && getter.call(value) === wanted) return true;
    }
    return false;
  }

  /** The details a subclass adds to {@link toJSON}; none of them may be secret. */
  protected jsonDetails(): Record<string, unknown> {
    return {};
  }

  /**
   * A plain object for logs and API responses; it carries no secret (see the class comment).
   * Never throws: a cause that cannot be read (a revoked Proxy, a throwing getter) is named by its
   * type, and a chain of causes that loops back or runs deeper than 16 errors is cut there.
   */
  toJSON(): MillwrightErrorJSON {
    return this.toJsonWithin(new Set());
  }

  /** {@link toJSON}, for an error met in a chain of causes that already holds `seen`. */
  private toJsonWithin(seen: Set<unknown>): MillwrightErrorJSON {
    seen.add(this);
    const json: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    Object.assign(json, this.jsonDetails());
    const cause = summarizeCause(this.cause, seen);
    if (cause !== undefined) json['cause'] = cause;
    return json as MillwrightErrorJSON;
  }
}

Object.defineProperty(MillwrightError.prototype, BRAND, { value: true });

/**
 * Whether `value` is an error thrown by millwright, from this copy of the package or any other.
 * @returns true for every {@link MillwrightError} subclass instance.
 * @example
 * if (isMillwrightError(error)) metrics.increment(`millwright.${error.code}`);
 */
export function isMillwrightError(value: unknown): value is MillwrightError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** How many causes deep {@link MillwrightError.toJSON} describes a chain of causes. */
const MAX_CAUSE_DEPTH = 16;

/**
 * A cause as toJSON shows it: a millwright error in full, any other by name and string code, a
 * value that is no error by its type. Undefined when there is none, or when the chain loops back
 * to an error already shown or runs deeper than {@link MAX_CAUSE_DEPTH}. Never throws.
 */
function summarizeCause(cause: unknown, seen: Set<unknown>): MillwrightErrorJSON['cause'] {
  if (cause === undefined || seen.has(cause) || seen.size >= MAX_CAUSE_DEPTH) return undefined;
  try {
    // An error of this copy (its prototype chain, not the brand that instanceof also accepts).
    if (Object.prototype.isPrototypeOf.call(MillwrightError.prototype, cause as object)) {
      return (cause as unknown as CauseChain).toJsonWithin(seen);
    }
    // A millwright error of another copy of the package: its own toJSON, which cannot share `seen`.
    if (isMillwrightError(cause)) return cause.toJSON();
    if (cause instanceof Error) {
      const { name, code } = cause as { name: unknown; code?: unknown };
      const shown = typeof name === 'string' ? name.slice(0, 100) : 'Error';
      return typeof code === 'string' ? { name: shown, code: code.slice(0, 100) } : { name: shown };
    }
  } catch {
    // A revoked Proxy, or a getter that throws: the cause is described by its type below.
  }
  return { name: typeof cause };
}

/** The private side of MillwrightError that summarizeCause follows a chain of causes with. */
interface CauseChain {
  toJsonWithin(seen: Set<unknown>): MillwrightErrorJSON;
}
