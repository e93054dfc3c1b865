import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';
import type { Idoc, Segment } from '../idoc.js';

/**
 * Checks that a value given to a writer has the shape of an {@link Idoc}: a `control` object
 * and a `segments` array. Objects built in JavaScript or read from JSON may not.
 *
 * @param index - the IDoc's position in the list given to the writer.
 * @throws {IdocError} code `INVALID_RECORD` naming what is missing.
 */
export function assertIdocShape(idoc: unknown, index: number): asserts idoc is Idoc {
  const value = idoc as Partial<Idoc> | null;
  const problem =
    typeof idoc !== 'object' || idoc === null
      ? 'is not an object'
      : !isObject(value?.control)
        ? 'has no control object'
        : !Array.isArray(value?.segments)
          ? 'has no segments array'
          : undefined;
  if (problem !== undefined) {
    throw new IdocError('INVALID_RECORD', `IDoc ${index + 1} given to the writer ${problem}`, {
      docnum: isObject(value?.control) ? String(value.control.docnum ?? '') : undefined,
    });
  }
}

/**
 * Checks that a value in a `segments` or `children` array has the shape of a {@link Segment}:
 * a `name` without white space, a `fields` object and a `children` array.
 *
 * @throws {IdocError} code `INVALID_RECORD` naming what is missing.
 */
export function assertSegmentShape(segment: unknown, where: IdocErrorDetails): asserts segment is Segment {
  if (typeof segment !== 'object' || segment === null) {
    throw new IdocError('INVALID_RECORD', 'a segment given to the writer is not an object', where);
  }
  const value = segment as Partial<Segment>;
  const name = typeof value.name === 'string' ? value.name : undefined;
  const problem =
    name === undefined || name === '' || /\s/.test(name)
      ? 'has no name, or one with white space (SAP segment names have none)'
      : !isObject(value.fields) || Array.isArray(value.fields)
        ? 'has no fields object'
        : !Array.isArray(value.children)
          ? 'has no children array'
          : undefined;
  if (problem !== undefined) {
    throw new IdocError('INVALID_RECORD', `segment ${name ?? ''} given to the writer ${problem}`, {
      ...where,
      segment: name,
    });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
