import type { z } from 'zod';
import { hasPrototypeKey } from './prototype-keys.js';

/** A check that answers only "valid or not", building no output and no issues. */
export type Predicate = (value: unknown) => boolean;

/**
 * The part of a zod definition this compiler reads. zod 4 keeps its definitions in
 * `schema._zod.def`; the fields differ per `type`.
 */
interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

interface CheckDef {
  readonly check: string;
  readonly [field: string]: unknown;
}

/** Raised inside the compiler when a schema uses a construct it does not handle. */
class Unsupported extends Error {}

/** String formats whose zod check is exactly `pattern.test(value)`. */
const PATTERN_FORMATS = new Set(['regex', 'datetime', 'date', 'time']);

/** Checks whose zod `when` only asks whether the value has a length, which the type test already proved. */
const LENGTH_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/** Enums and literals with at most this many values are compared inline rather than through a Set. */
const INLINE_MEMBERS = 8;

/**
 * Compiles a zod schema into a predicate that answers whether data is valid, several times faster
 * than a full parse because it builds no output and no issues: the schema becomes one generated
 * function, the way ajv compiles JSON Schema.
 *
 * It handles what canonical objects are made of (strict and loose objects, arrays, records,
 * strings with patterns and lengths, ISO dates, numbers, booleans, enums, literals, unions,
 * optional, nullable and synchronous refinements). It returns `null` for a schema that uses
 * anything else (transforms, defaults, stripping objects...), whose output could differ from its
 * input, and where the runtime forbids generating code.
 *
 * A predicate that says true guarantees that zod accepts the data and returns an equal copy of
 * it; one that says false proves nothing (the caller runs zod for the issues).
 * @returns the predicate, or null.
 */
export function compilePredicate(schema: z.ZodType): Predicate | null {
  try {
    const compiler = new Compiler();
    const body = compiler.emit(schema, 'value');
    const factory = new Function('refs', `return function predicate(value) {\n${body}\nreturn true;\n};`);
    return factory(compiler.refs) as Predicate;
  } catch {
    // Unsupported: a construct outside the subset; EvalError: code generation is disallowed
    // (--disallow-code-generation-from-strings). Whatever the reason, zod does the work.
    return null;
  }
}

/** Generates the statements of a predicate; each statement returns false on invalid data. */
class Compiler {
  /** Constants the generated code reads as `refs[i]`: patterns, sets, refinement functions. */
  readonly refs: unknown[] = [];
  private counter = 0;
  private readonly active = new Set<object>();

  private pattern(pattern: unknown): string {
    // A global or sticky pattern keeps state between calls to test(); zod's own use of it is not mirrored.
    if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) throw new Unsupported('pattern');
    return this.ref(pattern);
  }

  private ref(value: unknown): string {
    this.refs.push(value);
    return `refs[${this.refs.length - 1}]`;
  }

  private variable(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Statements that `return false` unless the value in variable `v` matches `schema`. */
  emit(schema: z.ZodType, v: string): string {
    const def = schema._zod.def as unknown as Def;
    if (this.active.has(def)) throw new Unsupported('recursive schema');
    if (def['coerce'] === true) throw new Unsupported('coerce');
    this.active.add(def);
    try {
      return this.emitType(schema, def, v) + this.emitChecks(def, v);
    } finally {
      this.active.delete(def);
    }
  }

  private emitType(schema: z.ZodType, def: Def, v: string): string {
    switch (def.type) {
      case 'string':
        return this.emitString(def, v);
      case 'number':
        return this.emitNumber(def, v);
      case 'boolean':
        return `if (typeof ${v} !== 'boolean') return false;\n`;
      case 'unknown':
      case 'any':
        // validate() rejects a __proto__ key anywhere, also inside values of any type.
        return `if (${this.ref(hasPrototypeKey)}(${v})) return false;\n`;
      case 'enum':
      case 'literal': {
        // The set zod itself checks against: a numeric enum's reverse-mapping keys are not in it.
        const values = schema._zod.values;
        if (values === undefined) throw new Unsupported(def.type);
        return this.emitMembership([...values], v);
      }
      case 'optional':
        return `if (${v} !== undefined) {\n${this.emit(def['innerType'] as z.ZodType, v)}}\n`;
      case 'nullable':
        return `if (${v} !== null) {\n${this.emit(def['innerType'] as z.ZodType, v)}}\n`;
      case 'array':
        return this.emitArray(def, v);
      case 'object':
        return this.emitObject(def, v);
      case 'record':
        return this.emitRecord(def, v);
      case 'union':
        return this.emitUnion(def, v);
      default:
        throw new Unsupported(def.type);
    }
  }

  private emitString(def: Def, v: string): string {
    let code = `if (typeof ${v} !== 'string') return false;\n`;
    const format = def['format'];
    if (format !== undefined) {
      // z.iso.datetime() and friends: the schema is its own format check.
      if (typeof format !== 'string' || !PATTERN_FORMATS.has(format))
        throw new Unsupported(`format ${format}`);
      code += `if (!${this.pattern(def['pattern'])}.test(${v})) return false;\n`;
    }
    return code;
  }

  private emitNumber(def: Def, v: string): string {
    const format = def['format'];
    if (format === undefined)
      return `if (typeof ${v} !== 'number' || !Number.isFinite(${v})) return false;\n`;
    if (format === 'safeint') return `if (!Number.isSafeInteger(${v})) return false;\n`;
    throw new Unsupported(`number format ${String(format)}`);
  }

  private emitMembership(values: readonly unknown[], v: string): string {
    if (values.length <= INLINE_MEMBERS && values.every((value) => typeof value === 'string')) {
      const tests = values.map((value) => `${v} !== ${JSON.stringify(value)}`);
      return `if (${tests.length === 0 ? 'true' : tests.join(' && ')}) return false;\n`;
    }
    return `if (!${this.ref(new Set(values))}.has(${v})) return false;\n`;
  }

  private emitArray(def: Def, v: string): string {
    const index = this.variable('i');
    const item = this.variable('e');
    const inner = this.emit(def['element'] as z.ZodType, item);
    return (
      `if (!Array.isArray(${v})) return false;\n` +
      `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {\nconst ${item} = ${v}[${index}];\n${inner}}\n`
    );
  }

  private emitObject(def: Def, v: string): string {
    const shape = def['shape'] as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) throw new Unsupported('__proto__ in shape');
    const catchall = def['catchall'] as z.ZodType | undefined;
    // Without a catchall zod strips unknown keys, so its output would differ from the input.
    if (catchall === undefined) throw new Unsupported('stripping object');
    let code = `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;\n`;
    for (const key of keys) {
      const field = this.variable('f');
      code += `const ${field} = ${v}[${JSON.stringify(key)}];\n${this.emit(shape[key] as z.ZodType, field)}`;
    }
    const name = this.variable('k');
    const known =
      keys.length === 0 ? '' : `${keys.map((key) => `case ${JSON.stringify(key)}:`).join(' ')} break;`;
    const catchallDef = catchall._zod.def as unknown as Def;
    const unknownKey =
      catchallDef.type === 'never'
        ? 'return false;'
        : `if (${name} === '__proto__') return false;\n{ const ${name}v = ${v}[${name}];\n${this.emit(catchall, `${name}v`)}}`;
    // `for...in` as zod reads unknown keys: it sees inherited enumerable keys too.
    return `${code}for (const ${name} in ${v}) {\nswitch (${name}) { ${known} default: ${unknownKey} }\n}\n`;
  }

  private emitRecord(def: Def, v: string): string {
    const keyDef = (def['keyType'] as z.ZodType)._zod.def as unknown as Def;
    // A record keyed by an enum or literal has required keys; only free-form string keys are supported.
    if (keyDef.type !== 'string' || def['mode'] === 'loose' || def['partial'] === true) {
      throw new Unsupported('record key');
    }
    const name = this.variable('k');
    const item = this.variable('e');
    const proto = this.variable('p');
    // zod wants a plain object and silently drops a __proto__ key; the predicate rejects that key.
    return (
      `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return false;\n` +
      `{ const ${proto} = Object.getPrototypeOf(${v}); if (${proto} !== Object.prototype && ${proto} !== null) return false; }\n` +
      `for (const ${name} of Reflect.ownKeys(${v})) {\n` +
      `if (typeof ${name} !== 'string' || ${name} === '__proto__') return false;\n` +
      `${this.emit(def['keyType'] as z.ZodType, name)}const ${item} = ${v}[${name}];\n` +
      `${this.emit(def['valueType'] as z.ZodType, item)}}\n`
    );
  }

  private emitUnion(def: Def, v: string): string {
    if (def['inclusive'] === false) throw new Unsupported('exclusive union');
    const options = (def['options'] as z.ZodType[]).map((option) => {
      const body = this.emit(option, 'value');
      return this.ref(
        new Function('refs', `return function option(value) {\n${body}return true;\n};`)(this.refs),
      );
    });
    return `if (!(${options.map((option) => `${option}(${v})`).join(' || ')})) return false;\n`;
  }

  /** Statements for the schema's checks: lengths, bounds, patterns and refinements. */
  private emitChecks(def: Def, v: string): string {
    const checks = (def['checks'] as readonly { _zod: { def: CheckDef } }[] | undefined) ?? [];
    return checks.map((check) => this.emitCheck(check._zod.def, v)).join('');
  }

  private emitCheck(check: CheckDef, v: string): string {
    if (check['when'] !== undefined && !LENGTH_CHECKS.has(check.check))
      throw new Unsupported('conditional check');
    switch (check.check) {
      case 'string_format': {
        if (!PATTERN_FORMATS.has(check['format'] as string))
          throw new Unsupported(`format ${check['format']}`);
        return `if (!${this.pattern(check['pattern'])}.test(${v})) return false;\n`;
      }
      case 'min_length':
        return `if (${v}.length < ${Number(check['minimum'])}) return false;\n`;
      case 'max_length':
        return `if (${v}.length > ${Number(check['maximum'])}) return false;\n`;
      case 'length_equals':
        return `if (${v}.length !== ${Number(check['length'])}) return false;\n`;
      case 'greater_than':
        return `if (!(${v} ${check['inclusive'] === true ? '>=' : '>'} ${Number(check['value'])})) return false;\n`;
      case 'less_than':
        return `if (!(${v} ${check['inclusive'] === true ? '<=' : '<'} ${Number(check['value'])})) return false;\n`;
      case 'custom': {
        // .refine() keeps its predicate in `fn`; .superRefine() and .check() have none to call.
        const fn = check['fn'];
        if (typeof fn !== 'function') throw new Unsupported('custom check without a predicate');
        return `if (${this.ref(fn)}(${v}) !== true) return false;\n`;
      }
      default:
        throw new Unsupported(`check ${check.check}`);
    }
  }
}
