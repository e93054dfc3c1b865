// Whether a mapping may take the value of a segment field as what SAP sent. In IDoc-XML and in
// segments built in code every field arrives by name, so a field that is not there is blank. In a
// flat file a field is cut out of the segment data by its layout; where the layout does not reach
// a field, the field's characters are somewhere in the data past the layout's end (`unparsed`).
// When that rest is blank, every field in it is blank too, so the value is still known; when it is
// not, the value cannot be known, and a mapping must not decide anything from it.
import { MappingError } from '../../../src/errors/mapping-error.js';
import { FlatSegment } from '../flat/flat-segment.js';
import type { Segment } from '../idoc.js';

/** The errors {@link unreadField} made, so {@link isUnreadField} knows them from other mapping errors. */
const unreadErrors = new WeakSet<object>();

/** Whether the value of `field` in `segment` is known (see the file comment). */
export function isKnown(segment: Segment, field: string): boolean {
  if (Object.hasOwn(segment.fields, field)) return true;
  if (segment instanceof FlatSegment && segment.layout?.fieldSet.has(field) === true) return true;
  const rest = segment.unparsed;
  return rest === undefined || rest.trim() === '';
}

/**
 * Whether the segment's own field layout holds the field: always for IDoc-XML and segments built
 * in code; for a flat-file segment, whether its layout lists the field (it may still be known
 * through a blank rest, see {@link isKnown}).
 */
export function inLayout(segment: Segment, field: string): boolean {
  return !(segment instanceof FlatSegment) || segment.layout?.fieldSet.has(field) === true;
}

/** Whether a segment was read from a flat file without any field layout (it holds raw text only). */
export function isRaw(segment: Segment): boolean {
  return segment instanceof FlatSegment && (segment.layout?.fieldNames.length ?? 0) === 0;
}

/**
 * The error for a field whose value is not known (see the file comment). It names the field, why
 * it could not be read and what to do: load the WE60 export of the IDoc type, or `remedy`.
 */
export function unreadField(
  segment: Segment,
  field: string,
  basicType: string,
  remedy?: string,
): MappingError {
  const location = `${segment.name}/${field}`;
  const layout = segment instanceof FlatSegment ? segment.layout?.fieldNames : undefined;
  const why =
    layout === undefined || layout.length === 0
      ? 'the segment was read without a field layout and its data is not blank'
      : `the field layout of ${segment.name} stops at ${layout[layout.length - 1]} and the data after it is not blank`;
  const export_ = `load your WE60 export of ${basicType || 'the IDoc type'} with loadIdocSchema() and pass it to parseIdoc`;
  const error = new MappingError(
    'INVALID_SOURCE_DATA',
    `${location} cannot be read: ${why}; ${export_}${remedy === undefined ? '' : `, or ${remedy}`}`,
    { location },
  );
  unreadErrors.add(error);
  return error;
}

/** Whether an error is one of {@link unreadField}'s. */
export function isUnreadField(error: unknown): error is MappingError {
  return typeof error === 'object' && error !== null && unreadErrors.has(error);
}
