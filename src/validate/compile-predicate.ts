import type { z } from 'zod';
import { MAX_ARRAY_LENGTH, readData } from './read-data.js';

/** What a compiled reader returns for data its schema refuses. */
export const REJECTED: unique symbol = Symbol('millwright.rejected');

/**
 * Reads data through a schema: returns a checked copy of it, or {@link REJECTED}. Throws what
 * reading the data throws (a caller's getter or Proxy trap).
 */
export type Reader = (value: unknown) => unknown;

/** A check that answers only "valid or not". */
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
 * Compiles a zod schema into a reader that checks data and copies it in one pass, several times
 * faster than a full parse because it builds no issues: the schema becomes one generated
 * function, the way ajv compiles JSON Schema. The copy is what was checked: each value of the
 * data is read once, so a getter that answers differently later cannot change it, and the
 * schema's refinements run on the copy, as zod runs them on its output.
 *
 * It handles what canonical objects are made of (strict and loose objects, arrays, records,
 * strings with patterns and lengths, ISO dates, numbers, booleans, enums, literals, unions,
 * optional, nullable, unknown values and synchronous refinements, rule checks included). It
 * returns `null` for a schema that uses anything else (transforms, defaults, stripping
 * objects...), whose output could differ from zod's, and where the runtime forbids generating
 * code.
 *
 * A copy guarantees that zod accepts the data and returns an equal copy of it; {@link REJECTED}
 * proves nothing (the caller runs zod for the issues). Values of unknown type are copied as
 * plain data and refused where validate() refuses them: a `__proto__` key at any depth, a cycle,
 * an array too long to read (see `readData`).
 * @returns the reader, or null.
 */
export function compileReader(schema: z.ZodType): Reader | null {
  try {
    const compiler = new Compiler();
    const source = compiler.source(schema);
    return new Function('refs', source)(compiler.refs) as Reader;
  } catch {
    // Unsupported: a construct outside the subset; EvalError: code generation is disallowed
    // (--disallow-code-generation-from-strings). Whatever the reason, zod does the work.
    return null;
  }
}

/**
 * Compiles a zod schema into a predicate: whether its reader ({@link compileReader}) accepts the
 * data.
 * @returns the predicate, or null where there is no reader.
 */
export function compilePredicate(schema: z.ZodType): Predicate | null {
  const reader = compileReader(schema);
  return reader === null ? null : (value) => reader(value) !== REJECTED;
}

/** Schema types whose checked values are never undefined. */
const DEFINED_TYPES = new Set(['string', 'number', 'boolean', 'object', 'array', 'record']);

/** Whether a value that passed `schema` is certainly not undefined (so its field is always copied). */
function isDefinedWhenValid(schema: z.ZodType): boolean {
  const def = schema._zod.def as unknown as Def;
  if (DEFINED_TYPES.has(def.type)) return true;
  if (def.type === 'enum' || def.type === 'literal')
    return !(schema._zod.values ?? new Set([undefined])).has(undefined);
  if (def.type === 'union') return (def['options'] as z.ZodType[]).every(isDefinedWhenValid);
  return false;
}

/** Reads a value of unknown type: itself, or its copy as plain data, or REJECTED. */
function readUnknown(value: object): unknown {
  const reading = readData(value, true);
  return reading.complete && reading.issues.length === 0 ? reading.copy : REJECTED;
}

/** Statements that check a value, and the expression that holds its checked copy after them. */
interface Emitted {
  readonly code: string;
  readonly result: string;
}

/** Generates readers; each statement returns `R` (REJECTED) on invalid data. */
class Compiler {
  /** Constants the generated code reads as `c<i>`: REJECTED, patterns, sets, functions. */
  readonly refs: unknown[] = [REJECTED];
  /** The functions that read the options of unions. */
  private readonly functions: string[] = [];
  private counter = 0;
  private readonly active = new Set<object>();

  /** The body of a factory that takes `refs` and returns the reader of `schema`. */
  source(schema: z.ZodType): string {
    const read = this.function(schema, 'read');
    const constants = this.refs.map((_, index) => (index === 0 ? 'R' : `c${index}`)).join(', ');
    return `const [${constants}] = refs;\n${this.functions.join('\n')}\nreturn ${read};`;
  }

  /** The source of a function that reads one value through `schema`. */
  private function(schema: z.ZodType, name: string): string {
    const { code, result } = this.emit(schema, 'value');
    return `function ${name}(value) {\n${code}return ${result};\n}`;
  }

  private pattern(pattern: unknown): string {
    // A global or sticky pattern keeps state between calls to test(); zod's own use of it is not mirrored.
    if (!(pattern instanceof RegExp) || pattern.global || pattern.sticky) throw new Unsupported('pattern');
    return this.ref(pattern);
  }

  private ref(value: unknown): string {
    let index = this.refs.indexOf(value);
    if (index === -1) index = this.refs.push(value) - 1;
    return `c${index}`;
  }

  private variable(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  /** Statements that `return R` unless the value in variable `v` matches `schema`. */
  emit(schema: z.ZodType, v: string): Emitted {
    const def = schema._zod.def as unknown as Def;
    if (this.active.has(def)) throw new Unsupported('recursive schema');
    if (def['coerce'] === true) throw new Unsupported('coerce');
    this.active.add(def);
    try {
      const { code, result } = this.emitType(schema, def, v);
      return { code: code + this.emitChecks(def, result), result };
    } finally {
      this.active.delete(def);
    }
  }

  private emitType(schema: z.ZodType, def: Def, v: string): Emitted {
    switch (def.type) {
      case 'string':
        return { code: this.emitString(def, v), result: v };
      case 'number':
        return { code: this.emitNumber(def, v), result: v };
      case 'boolean':
        return { code: `if (typeof ${v} !== 'boolean') return R;\n`, result: v };
      case 'unknown':
      case 'any': {
        // Plain data is copied and checked for what validate() refuses in data of any type.
        const copy = this.variable('u');
        return {
          code:
            `const ${copy} = typeof ${v} === 'object' && ${v} !== null ? ${this.ref(readUnknown)}(${v}) : ${v};\n` +
            `if (${copy} === R) return R;\n`,
          result: copy,
        };
      }
      case 'enum':
      case 'literal': {
        // The set zod itself checks against: a numeric enum's reverse-mapping keys are not in it.
        const values = schema._zod.values;
        if (values === undefined) throw new Unsupported(def.type);
        return { code: this.emitMembership([...values], v), result: v };
      }
      case 'optional':
        return this.emitUnless('undefined', def, v);
      case 'nullable':
        return this.emitUnless('null', def, v);
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
    let code = `if (typeof ${v} !== 'string') return R;\n`;
    const format = def['format'];
    if (format !== undefined) {
      // z.iso.datetime() and friends: the schema is its own format check.
      if (typeof format !== 'string' || !PATTERN_FORMATS.has(format))
        throw new Unsupported(`format ${format}`);
      code += `if (!${this.pattern(def['pattern'])}.test(${v})) return R;\n`;
    }
    return code;
  }

  private emitNumber(def: Def, v: string): string {
    const format = def['format'];
    if (format === undefined) return `if (typeof ${v} !== 'number' || !Number.isFinite(${v})) return R;\n`;
    if (format === 'safeint') return `if (!Number.isSafeInteger(${v})) return R;\n`;
    throw new Unsupported(`number format ${String(format)}`);
  }

  private emitMembership(values: readonly unknown[], v: string): string {
    if (values.length <= INLINE_MEMBERS && values.every((value) => typeof value === 'string')) {
      const tests = values.map((value) => `${v} !== ${JSON.stringify(value)}`);
      return `if (${tests.length === 0 ? 'true' : tests.join(' && ')}) return R;\n`;
    }
    return `if (!${this.ref(new Set(values))}.has(${v})) return R;\n`;
  }

  /** Optional and nullable: the inner schema, unless the value is `undefined` or `null`. */
  private emitUnless(absent: 'undefined' | 'null', def: Def, v: string): Emitted {
    const inner = this.emit(def['innerType'] as z.ZodType, v);
    if (inner.result === v) return { code: `if (${v} !== ${absent}) {\n${inner.code}}\n`, result: v };
    const result = this.variable('r');
    return {
      code: `let ${result} = ${v};\nif (${v} !== ${absent}) {\n${inner.code}${result} = ${inner.result};\n}\n`,
      result,
    };
  }

  private emitArray(def: Def, v: string): Emitted {
    const length = this.variable('n');
    const index = this.variable('i');
    const item = this.variable('e');
    const copy = this.variable('a');
    const inner = this.emit(def['element'] as z.ZodType, item);
    // The length is read once; only a sparse array or a Proxy can claim more items than this.
    return {
      code:
        `if (!Array.isArray(${v})) return R;\n` +
        `const ${length} = ${v}.length;\n` +
        `if (typeof ${length} !== 'number' || !(${length} <= ${MAX_ARRAY_LENGTH})) return R;\n` +
        `const ${copy} = [];\n` +
        `for (let ${index} = 0; ${index} < ${length}; ${index}++) {\nconst ${item} = ${v}[${index}];\n` +
        `${inner.code}${copy}.push(${inner.result});\n}\n`,
      result: copy,
    };
  }

  private emitObject(def: Def, v: string): Emitted {
    const shape = def['shape'] as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    if (keys.includes('__proto__')) throw new Unsupported('__proto__ in shape');
    const catchall = def['catchall'] as z.ZodType | undefined;
    // Without a catchall zod strips unknown keys, so its output would differ from the input.
    if (catchall === undefined) throw new Unsupported('stripping object');
    let code = `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return R;\n`;
    const fields: { key: string; result: string; present: boolean }[] = [];
    for (const key of keys) {
      const field = this.variable('f');
      const schema = shape[key] as z.ZodType;
      const emitted = this.emit(schema, field);
      const present = isDefinedWhenValid(schema);
      code += `const ${field} = ${v}[${JSON.stringify(key)}];\n${emitted.code}`;
      // zod wants the key of a field that is not optional, even when its schema takes undefined.
      if (!present && (schema._zod as { readonly optin?: string }).optin !== 'optional')
        code += `if (${field} === undefined && !(${JSON.stringify(key)} in ${v})) return R;\n`;
      fields.push({ key: JSON.stringify(key), result: emitted.result, present });
    }
    // The copy has the shape's keys in the shape's order, as zod's output; an absent field stays
    // absent. The leading fields that are always there go into the literal.
    const copy = this.variable('o');
    const leading = fields.findIndex((field) => !field.present);
    const literal = leading === -1 ? fields : fields.slice(0, leading);
    code += `const ${copy} = {${literal.map((field) => `${field.key}: ${field.result}`).join(', ')}};\n`;
    for (const { key, result, present } of fields.slice(literal.length)) {
      code += `${present ? '' : `if (${result} !== undefined) `}${copy}[${key}] = ${result};\n`;
    }
    const name = this.variable('k');
    const known =
      keys.length === 0 ? '' : `${keys.map((key) => `case ${JSON.stringify(key)}:`).join(' ')} break;`;
    const catchallDef = catchall._zod.def as unknown as Def;
    let unknownKey = 'return R;';
    if (catchallDef.type !== 'never') {
      const emitted = this.emit(catchall, `${name}v`);
      unknownKey =
        `if (${name} === '__proto__') return R;\n` +
        `{ const ${name}v = ${v}[${name}];\n${emitted.code}${copy}[${name}] = ${emitted.result}; }`;
    }
    // `for...in` as zod reads unknown keys: it sees inherited enumerable keys too.
    code += `for (const ${name} in ${v}) {\nswitch (${name}) { ${known} default: ${unknownKey} }\n}\n`;
    return { code, result: copy };
  }

  private emitRecord(def: Def, v: string): Emitted {
    const keyDef = (def['keyType'] as z.ZodType)._zod.def as unknown as Def;
    // A record keyed by an enum or literal has required keys; only free-form string keys are supported.
    if (keyDef.type !== 'string' || def['mode'] === 'loose' || def['partial'] === true) {
      throw new Unsupported('record key');
    }
    const name = this.variable('k');
    const item = this.variable('e');
    const proto = this.variable('p');
    const copy = this.variable('o');
    const key = this.emit(def['keyType'] as z.ZodType, name);
    const value = this.emit(def['valueType'] as z.ZodType, item);
    // zod wants a plain object and silently drops a __proto__ key; the reader rejects that key.
    return {
      code:
        `if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return R;\n` +
        `{ const ${proto} = Object.getPrototypeOf(${v}); if (${proto} !== Object.prototype && ${proto} !== null) return R; }\n` +
        `const ${copy} = {};\n` +
        `for (const ${name} of Reflect.ownKeys(${v})) {\n` +
        `if (typeof ${name} !== 'string' || ${name} === '__proto__') return R;\n` +
        `${key.code}const ${item} = ${v}[${name}];\n` +
        `${value.code}${copy}[${name}] = ${value.result};\n}\n`,
      result: copy,
    };
  }

  private emitUnion(def: Def, v: string): Emitted {
    if (def['inclusive'] === false) throw new Unsupported('exclusive union');
    const options = (def['options'] as z.ZodType[]).map((option) => {
      const name = this.variable('option');
      this.functions.push(this.function(option, name));
      return name;
    });
    const result = this.variable('r');
    let code = `let ${result} = R;\n`;
    for (const option of options) code += `if (${result} === R) ${result} = ${option}(${v});\n`;
    return { code: `${code}if (${result} === R) return R;\n`, result };
  }

  /** Statements for the schema's checks on the checked copy: lengths, bounds, patterns and refinements. */
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
        return `if (!${this.pattern(check['pattern'])}.test(${v})) return R;\n`;
      }
      case 'min_length':
        return `if (${v}.length < ${Number(check['minimum'])}) return R;\n`;
      case 'max_length':
        return `if (${v}.length > ${Number(check['maximum'])}) return R;\n`;
      case 'length_equals':
        return `if (${v}.length !== ${Number(check['length'])}) return R;\n`;
      case 'greater_than':
        return `if (!(${v} ${check['inclusive'] === true ? '>=' : '>'} ${Number(check['value'])})) return R;\n`;
      case 'less_than':
        return `if (!(${v} ${check['inclusive'] === true ? '<=' : '<'} ${Number(check['value'])})) return R;\n`;
      case 'custom': {
        // .refine() and rule checks keep their predicate in `fn`; .superRefine() and .check() have none to call.
        const fn = check['fn'];
        if (typeof fn !== 'function') throw new Unsupported('custom check without a predicate');
        return `if (${this.ref(fn)}(${v}) !== true) return R;\n`;
      }
      default:
        throw new Unsupported(`check ${check.check}`);
    }
  }
}
