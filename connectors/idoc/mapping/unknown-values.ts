// The values of one canonical object that a flat file's field layouts did not let the mapping
// know. An optional value that needs an unread field is left out (unknown, not "absent"), and
// `extensions` name what could not be read, so a reader of the object can tell the difference.
import type { Segment } from '../idoc.js';
import { isRaw, isUnreadField } from './field-knowledge.js';

/** Collects what the mapping of one object could not read (see the file comment). */
export class UnknownValues {
  readonly #fields: string[] = [];
  readonly #segments: string[] = [];

  /**
   * The value `read` gives, or undefined when it needs a field that cannot be read; that field
   * is then noted for `sap:unreadFields`. Every other error goes through.
   */
  optional<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!isUnreadField(error)) throw error;
      this.#fields.push(error.location as string);
      return undefined;
    }
  }

  /**
   * The segments of a list that hold fields (IDoc-XML, or a layout): segments read without any
   * field layout are left out and their type noted for `sap:unparsedSegments`. All or nothing:
   * when any segment of the list is raw, the whole list is unknown (an empty list is returned),
   * so an object never carries a part of a list as if it were all of it.
   */
  readable(segments: readonly Segment[]): Segment[] {
    const raw = segments.filter(isRaw);
    if (raw.length === 0) return [...segments];
    this.#segments.push(...raw.map((segment) => segment.name));
    return [];
  }

  /**
   * The `extensions` that name what could not be read, or undefined when everything was:
   * `sap:unparsedSegments` (segment types read without a field layout) and `sap:unreadFields`
   * (`SEGMENT/FIELD`s the layouts did not reach, whose data was not blank).
   */
  extensions(): Record<string, string[]> | undefined {
    const gaps: Record<string, string[]> = {};
    if (this.#segments.length > 0) gaps['sap:unparsedSegments'] = [...new Set(this.#segments)];
    if (this.#fields.length > 0) gaps['sap:unreadFields'] = [...new Set(this.#fields)];
    return Object.keys(gaps).length > 0 ? gaps : undefined;
  }
}
