import type * as t from 'io-ts';
import type { z } from 'zod';
import { MillwrightError } from '../errors/millwright-error.js';
import { loadPeer } from '../internal/load-peer.js';
import { compilePredicate } from '../validate/compile-predicate.js';
import { hasPrototypeKey } from '../validate/prototype-keys.js';

const io = loadPeer<typeof t>('io-ts', 'millwright/io-ts', ['io-ts', 'fp-ts']);

interface Def {
  readonly type: string;
  readonly [field: string]: unknown;
}

/** An io-ts codec whose static type is the zod schema's output type. */
export type IoTsCodec<S extends z.ZodType> = t.Type<z.output<S>, z.output<S>, unknown>;

const codecs = new WeakMap<object, t.Mixed>();

/**
 * Derives an io-ts codec from a zod schema by walking its definition: objects become
 * `t.type`/`t.partial` pairs that also reject unknown keys (as zod's strict objects do), arrays
 * `t.array`, enums `t.keyof`, unions `t.union`, and leaf values (strings with patterns, numbers,
 * refinements) io-ts types that check exactly what zod checks. The codec accepts exactly the
 * inputs zod accepts; io-ts reports failures with its own context paths.
 *
 * @param schema - a zod schema built from the constructs canonical objects use.
 * @param name - the codec's name in io-ts error reports. @default the zod type, e.g. `object`
 * @returns the codec; `decode` yields the input itself when it is valid.
 * @throws {MillwrightError} code `UNSUPPORTED_SCHEMA` for a schema with transforms, defaults,
 *   stripping objects or other constructs outside that subset.
 * @example
 * import { isRight } from 'fp-ts/Either';
 * const result = WorkOrder.decode(JSON.parse(body)); // WorkOrder from 'millwright/io-ts'
 * if (isRight(result)) schedule(result.right);
 */
export function toIoTs<S extends z.ZodType>(schema: S, name?: string): IoTsCodec<S> {
  const codec = derive(schema);
  return (
    name === undefined ? codec : new io.Type(name, codec.is, codec.validate, codec.encode)
  ) as IoTsCodec<S>;
}

function derive(schema: z.ZodType): t.Mixed {
  const def = schema._zod.def as unknown as Def;
  const cached = codecs.get(def);
  if (cached !== undefined) return cached;
  const codec = withRefinements(deriveType(schema, def), def);
  codecs.set(def, codec);
  return codec;
}

/** Any value, as validate() accepts it: without a `__proto__` key at any depth. */
const unknownValue: t.Mixed = new io.Type<unknown, unknown, unknown>(
  'unknown',
  (input): input is unknown => !hasPrototypeKey(input),
  (input, context) =>
    hasPrototypeKey(input) ? io.failure(input, context, 'a "__proto__" key') : io.success(input),
  io.identity,
);

function deriveType(schema: z.ZodType, def: Def): t.Mixed {
  switch (def.type) {
    case 'boolean':
      return io.boolean;
    case 'unknown':
    case 'any':
      return unknownValue;
    case 'string':
    case 'number':
      return leaf(schema, def.type);
    case 'enum':
    case 'literal': {
      // The set zod itself checks against (a numeric enum's reverse-mapping keys are not in it).
      const values = [...(schema._zod.values ?? [])];
      if (values.length === 0) return unsupported(def.type);
      if (values.every((value) => typeof value === 'string')) {
        return io.keyof(Object.fromEntries(values.map((value) => [value, null])) as Record<string, null>);
      }
      if (!values.every((value) => ['string', 'number', 'boolean'].includes(typeof value))) {
        return unsupported(`${def.type} of ${values.map((value) => typeof value).join(', ')}`);
      }
      return union(values.map((value) => io.literal(value as string | number | boolean)));
    }
    case 'optional':
      return io.union([derive(def['innerType'] as z.ZodType), io.undefined]);
    case 'nullable':
      return io.union([derive(def['innerType'] as z.ZodType), io.null]);
    case 'array':
      return io.array(derive(def['element'] as z.ZodType), 'array');
    case 'union':
      return union((def['options'] as z.ZodType[]).map(derive));
    case 'record':
      return deriveRecord(def);
    case 'object':
      return deriveObject(def);
    default:
      return unsupported(def.type);
  }
}

function union(codecList: t.Mixed[]): t.Mixed {
  if (codecList.length === 1) return codecList[0] as t.Mixed;
  return io.union(codecList as unknown as [t.Mixed, t.Mixed, ...t.Mixed[]]);
}

/** A string or number with its checks: the type test and checks come from the same compiler as validate(). */
function leaf(schema: z.ZodType, kind: string): t.Mixed {
  const predicate = (compilePredicate(schema) ?? ((value: unknown) => schema.safeParse(value).success)) as (
    value: unknown,
  ) => value is unknown;
  return new io.Type<unknown, unknown, unknown>(
    kind,
    predicate,
    (input, context) => (predicate(input) ? io.success(input) : io.failure(input, context)),
    io.identity,
  );
}

/**
 * An object codec that reads fields as zod does (`input[key]`; an optional field may be absent or
 * undefined), reports every failing field under its key, and rejects unknown keys (strict) or
 * checks them against the catchall (loose).
 */
function deriveObject(def: Def): t.Mixed {
  const shape = def['shape'] as Record<string, z.ZodType>;
  const fields = Object.entries(shape).map(([key, field]) => {
    const fieldDef = field._zod.def as unknown as Def;
    const optional = fieldDef.type === 'optional';
    return { key, optional, codec: derive(optional ? (fieldDef['innerType'] as z.ZodType) : field) };
  });
  const catchall = def['catchall'] as z.ZodType | undefined;
  if (catchall === undefined) return unsupported('stripping object');
  const rest = (catchall._zod.def as unknown as Def).type === 'never' ? undefined : derive(catchall);
  const known = new Set(Object.keys(shape));
  const validate: t.Validate<unknown, unknown> = (input, context) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return io.failure(input, context);
    const record = input as Record<string, unknown>;
    const errors: t.Errors = [];
    for (const { key, optional, codec } of fields) {
      const value = record[key];
      if (optional && value === undefined) continue;
      const result = codec.validate(value, io.appendContext(context, key, codec, value));
      if (result._tag === 'Left') errors.push(...result.left);
    }
    for (const key in record) {
      if (known.has(key)) continue;
      const value = record[key];
      if (rest === undefined || key === '__proto__' || !rest.is(value)) {
        const at = io.appendContext(context, key, rest ?? io.never, value);
        errors.push({ value, context: at, message: `unknown field "${key}"` });
      }
    }
    return errors.length > 0 ? io.failures(errors) : io.success(input);
  };
  return fromValidate('object', validate);
}

/**
 * A record codec: every own key must pass the key codec and every value the value codec. (io-ts's
 * own `t.record` drops keys its domain rejects, where zod reports them.) `__proto__` is rejected.
 */
function deriveRecord(def: Def): t.Mixed {
  const keyDef = (def['keyType'] as z.ZodType)._zod.def as unknown as Def;
  if (keyDef.type !== 'string' || def['mode'] === 'loose' || def['partial'] === true)
    return unsupported('record key');
  const keyCodec = derive(def['keyType'] as z.ZodType);
  const valueCodec = derive(def['valueType'] as z.ZodType);
  const validate: t.Validate<unknown, unknown> = (input, context) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return io.failure(input, context);
    const prototype = Object.getPrototypeOf(input) as object | null;
    if (prototype !== Object.prototype && prototype !== null) return io.failure(input, context);
    const errors: t.Errors = [];
    for (const key of Object.keys(input)) {
      const value = (input as Record<string, unknown>)[key];
      const at = io.appendContext(context, key, valueCodec, value);
      if (key === '__proto__' || !keyCodec.is(key))
        errors.push({ value: key, context: at, message: `invalid key "${key}"` });
      else {
        const result = valueCodec.validate(value, at);
        if (result._tag === 'Left') errors.push(...result.left);
      }
    }
    return errors.length > 0 ? io.failures(errors) : io.success(input);
  };
  return fromValidate('record', validate);
}

/** A codec whose `is` is its own `validate`, decoding to the input itself. */
function fromValidate(name: string, validate: t.Validate<unknown, unknown>): t.Mixed {
  return new io.Type<unknown, unknown, unknown>(
    name,
    (input): input is unknown => validate(input, [])._tag === 'Right',
    validate,
    io.identity,
  );
}

/** Adds refinements (`.refine()`) and size checks of non-leaf schemas: arrays, objects, records. */
function withRefinements(codec: t.Mixed, def: Def): t.Mixed {
  if (def.type === 'string' || def.type === 'number') return codec;
  const checks =
    (def['checks'] as readonly { _zod: { def: { check: string; [field: string]: unknown } } }[]) ?? [];
  if (checks.length === 0) return codec;
  const tests = checks.map(({ _zod: { def: check } }): ((value: unknown) => boolean) => {
    switch (check.check) {
      case 'min_length':
        return (value) => (value as unknown[]).length >= (check['minimum'] as number);
      case 'max_length':
        return (value) => (value as unknown[]).length <= (check['maximum'] as number);
      case 'length_equals':
        return (value) => (value as unknown[]).length === (check['length'] as number);
      case 'custom': {
        if (check['when'] !== undefined) return unsupported('conditional refinement');
        // .refine() keeps its predicate in `fn`; .superRefine() and .check() have none to call.
        const fn = check['fn'];
        if (typeof fn !== 'function') return unsupported('a custom check without a predicate');
        return (value) => (fn as (value: unknown) => unknown)(value) === true;
      }
      default:
        return unsupported(`check ${check.check}`);
    }
  });
  const passes = (value: unknown): boolean => tests.every((test) => test(value));
  return new io.Type<unknown, unknown, unknown>(
    codec.name,
    (input): input is unknown => codec.is(input) && passes(input),
    (input, context) => {
      const result = codec.validate(input, context);
      return result._tag === 'Left' || passes(result.right) ? result : io.failure(input, context);
    },
    io.identity,
  );
}

function unsupported(construct: string): never {
  throw new MillwrightError(
    'UNSUPPORTED_SCHEMA',
    `toIoTs cannot derive a codec from a zod schema that uses ${construct}`,
  );
}
