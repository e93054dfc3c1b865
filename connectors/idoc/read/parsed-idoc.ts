import type { Idoc, IdocControl, IdocFlatLayout, IdocWarning, Segment } from '../idoc.js';
import type { IdocSchema } from '../schema/idoc-schema.js';

/**
 * An IDoc as `parseIdoc` and `parseIdocStream` return it: a plain IDoc whose `schema`, the
 * schema it was read with, is an accessor of the class, not an own property. So
 * `JSON.stringify`, `structuredClone`, object spread and equality checks leave it out (it can be
 * large, and is shared by every IDoc of a file), while `writeIdoc` finds it; it can be replaced
 * like any property.
 */
export class ParsedIdoc implements Idoc {
  control: IdocControl;
  segments: Segment[];
  declare flat?: IdocFlatLayout;
  declare warnings?: IdocWarning[];
  #schema: IdocSchema | undefined;

  /**
   * @param schema - the schema object the caller gave (or the built-in one), if any described the IDoc.
   * @param flat - how the flat file was framed, for IDocs read from one.
   * @param warnings - what the parser tolerated, if anything.
   */
  constructor(
    control: IdocControl,
    segments: Segment[],
    schema: IdocSchema | undefined,
    flat: IdocFlatLayout | undefined,
    warnings: IdocWarning[],
  ) {
    this.control = control;
    this.segments = segments;
    if (flat !== undefined) this.flat = flat;
    if (warnings.length > 0) this.warnings = warnings;
    this.#schema = schema;
  }

  /** The schema the IDoc was read with; see {@link Idoc.schema}. */
  get schema(): IdocSchema | undefined {
    return this.#schema;
  }

  set schema(schema: IdocSchema | undefined) {
    this.#schema = schema;
  }
}
