import type { Idoc } from '../idoc.js';
import type { CompiledSchema } from '../schema/compile-schema.js';

/**
 * Gives a parsed IDoc the schema it was read with, as `idoc.schema`: the object the caller
 * passed (or the built-in one), so that writeIdoc lays its segments out as they were read. The
 * property is not enumerable, so JSON.stringify, structuredClone, object spread and equality
 * checks leave it out, and writable, so the caller can replace it.
 * @returns the IDoc.
 */
export function attachIdocSchema(idoc: Idoc, schema: CompiledSchema | undefined): Idoc {
  if (schema !== undefined) {
    Object.defineProperty(idoc, 'schema', {
      value: schema.source,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  return idoc;
}
