import type * as t from 'io-ts';
import type { z } from 'zod';
import { MillwrightError } from '../errors/millwright-error.js';
import { describeInput } from '../internal/describe-input.js';
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
 * Derives an io-ts codec from a zod schema by walking its definition: objects of all three kinds
 * (`z.strictObject` refuses unknown keys, `z.looseObject` keeps them, `z.object` strips them from
 * the output, as io-ts's `t.exact` does), arrays, records, enums, literals, unions, optional and
 * nullable values, refinements, and leaf values (strings with patterns, numbers) that check
 * exactly what zod checks. The codec accepts exactly the inputs zod accepts and decodes them to
 * what zod's parse returns; io-ts reports failures with its own context paths.
 *
 * @param schema - a zod schema built from those constructs.
 * @param name - the codec's name in io-ts error reports. @default the zod type, e.g. `object`
 * @returns the codec; `decode` yields the input itself when it is valid and holds no stripping
 *   object (a `z.object` gives a copy without the unknown keys, as zod does); `encode` is the
 *   identity.
 * @throws {MillwrightError} code `UNSUPPORTED_SCHEMA` for a schema with transforms, defaults or
 *   other constructs outside that subset.
 * @example
 * import { isRight } from 'fp-ts/Either';
 * const result = WorkOrder.decode(JSON.parse(body)); // WorkOrder from 'millwright/io-ts'
 * if (isRight(result)) schedule(result.right);
 * const Note = toIoTs(z.object({ text: z.string() })); // Note.decode({ text: 'hi', x: 1 }) → right({ text: 'hi' })
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

/** What a codec says of a `__proto__` key, in the words of validate(). */
const PROTOTYPE_KEY_MESSAGE = 'the key "__proto__" is not allowed';

/** Any value, as validate() accepts it: without a `__proto__` key at any depth. */
const unknownValue: t.Mixed = new io.Type<unknown, unknown, unknown>(
  'unknown',
  (input): input is unknown => !hasPrototypeKey(input),
  (input, context) =>
    hasPrototypeKey(input) ? io.failure(input, context, PROTOTYPE_KEY_MESSAGE) : io.success(input),
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

/** The entries of an object or record being decoded: their errors, and the output zod would build. */
interface EntryCollector {
  readonly errors: t.Errors;
  /** Decodes one entry: its error goes to `errors`, its decoded value into the output. */
  decode(key: string, value: unknown, at: t.Context, codec: t.Mixed): void;
  /** The failures, or the input itself when no entry decoded to something else (else the output). */
  result(input: unknown): t.Validation<unknown>;
}

/** @param copy - whether the output is a new object even when no entry changes (stripping objects). */
function collectEntries(copy: boolean): EntryCollector {
  const errors: t.Errors = [];
  const output: Record<string, unknown> = {};
  let changed = copy;
  return {
    errors,
    decode(key, value, at, codec) {
      const result = codec.validate(value, at);
      if (result._tag === 'Left') {
        errors.push(...result.left);
        return;
      }
      output[key] = result.right;
      if (result.right !== value) changed = true;
    },
    result: (input) => (errors.length > 0 ? io.failures(errors) : io.success(changed ? output : input)),
  };
}

/** How an object treats keys its shape does not name, as zod's three kinds of object do. */
type UnknownKeys = 'strip' | 'strict' | { readonly catchall: t.Mixed };

/**
 * An object codec that reads fields as zod does (`key in input`, then `input[key]`; a field that
 * zod may omit may be absent), reports every failing field under its key, and treats unknown
 * keys as the zod object does: a strict object (`z.strictObject`) refuses them, a loose one
 * (`z.looseObject`, `.catchall()`) checks them against its catchall and keeps them, a stripping
 * one (`z.object`) drops them from the output. A `__proto__` key is refused anywhere, even in a
 * value that would be dropped, as validate() refuses it.
 *
 * The output is what zod's parse returns: for strict and loose objects the input itself unless a
 * field decodes to something else (a stripping object inside), for stripping objects a new
 * object with the shape's keys, in the shape's order.
 */
function deriveObject(def: Def): t.Mixed {
  const shape = def['shape'] as Record<string, z.ZodType>;
  const fields = Object.entries(shape)
    // zod never reads nor writes a "__proto__" field of a shape.
    .filter(([key]) => key !== '__proto__')
    .map(([key, field]) => ({
      key,
      omittable: (field._zod as { readonly optin?: string }).optin === 'optional',
      codec: derive(field),
    }));
  const catchall = def['catchall'] as z.ZodType | undefined;
  const unknownKeys: UnknownKeys =
    catchall === undefined
      ? 'strip'
      : (catchall._zod.def as unknown as Def).type === 'never'
        ? 'strict'
        : { catchall: derive(catchall) };
  const known = new Set(Object.keys(shape));
  const validate: t.Validate<unknown, unknown> = (input, context) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return io.failure(input, context);
    const record = input as Record<string, unknown>;
    const entries = collectEntries(unknownKeys === 'strip');
    for (const { key, omittable, codec } of fields) {
      const present = key in record;
      if (!present && omittable) continue;
      const value = record[key];
      const at = io.appendContext(context, key, codec, value);
      if (present) entries.decode(key, value, at, codec);
      else {
        // zod reports an absent field that may not be omitted, even when its schema takes undefined.
        const result = codec.validate(value, at);
        const missing = { value, context: at, message: `required field ${describeInput(key)} is missing` };
        entries.errors.push(...(result._tag === 'Left' ? result.left : [missing]));
      }
    }
    for (const key in record) {
      if (known.has(key) && key !== '__proto__') continue;
      const value = record[key];
      if (key === '__proto__' || unknownKeys === 'strict') {
        const at = io.appendContext(context, key, io.never, value);
        const message = key === '__proto__' ? PROTOTYPE_KEY_MESSAGE : `unknown field ${describeInput(key)}`;
        entries.errors.push({ value, context: at, message });
      } else if (unknownKeys === 'strip') {
        if (hasPrototypeKey(value)) {
          const at = io.appendContext(context, key, io.never, value);
          entries.errors.push({ value, context: at, message: `${PROTOTYPE_KEY_MESSAGE} (inside it)` });
        }
      } else {
        entries.decode(
          key,
          value,
          io.appendContext(context, key, unknownKeys.catchall, value),
          unknownKeys.catchall,
        );
      }
    }
    return entries.result(input);
  };
  return fromValidate('object', validate);
}

/**
 * A record codec: every own key must pass the key codec and every value the value codec. (io-ts's
 * own `t.record` drops keys its domain rejects, where zod reports them.) `__proto__` is rejected.
 * The output is the input itself unless a value decodes to something else.
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
    const entries = collectEntries(false);
    for (const key of Object.keys(input)) {
      const value = (input as Record<string, unknown>)[key];
      const at = io.appendContext(context, key, valueCodec, value);
      if (key === '__proto__')
        entries.errors.push({ value: key, context: at, message: PROTOTYPE_KEY_MESSAGE });
      else if (!keyCodec.is(key))
        entries.errors.push({ value: key, context: at, message: `invalid key ${describeInput(key)}` });
      else entries.decode(key, value, at, valueCodec);
    }
    return entries.result(input);
  };
  return fromValidate('record', validate);
}

/** A codec whose `is` is its own `validate` (and whose `encode` is the identity). */
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
  // zod runs the checks on the parsed output (a stripped object), so they test what decoding gives.
  return fromValidate(codec.name, (input, context) => {
    const result = codec.validate(input, context);
    return result._tag === 'Left' || passes(result.right) ? result : io.failure(input, context);
  });
}

function unsupported(construct: string): never {
  throw new MillwrightError(
    'UNSUPPORTED_SCHEMA',
    `toIoTs cannot derive a codec from a zod schema that uses ${construct}`,
  );
}
