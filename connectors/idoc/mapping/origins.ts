// Where the values of a canonical object came from in its IDoc, so that a validation issue at a
// JSON Pointer (`/operations/1/workCenter`) can be reported at its source (`E1AFVOL/ARBPL`).

/** The canonical property → source field of one segment, e.g. `{ workCenter: 'ARBPL' }`. */
export type FieldTable = Readonly<Record<string, string>>;

interface SegmentOrigin {
  readonly segment: string;
  readonly fields: FieldTable;
}

/** Where the values of one canonical object came from, by JSON Pointer (see the file comment). */
export class Origins {
  private readonly values = new Map<string, string>();
  private readonly segments = new Map<string, SegmentOrigin>();

  /** The object at `pointer` (`''` for the whole object) was read from `segment`, property by property as `fields` says. */
  segment(pointer: string, segment: string, fields: FieldTable): this {
    this.segments.set(pointer, { segment, fields });
    return this;
  }

  /** The items of the array at `pointer` were read from `segments`, in order, each as `fields` says. */
  list(pointer: string, segments: readonly { readonly name: string }[], fields: FieldTable): void {
    for (const [index, segment] of segments.entries())
      this.segment(`${pointer}/${index}`, segment.name, fields);
  }

  /** The value at `pointer` came from `location` (`SEGMENT/FIELD`); this overrides the segment's table. */
  value(pointer: string, location: string | undefined): this {
    if (location !== undefined) this.values.set(pointer, location);
    return this;
  }

  /**
   * The source of the value at a JSON Pointer: the value recorded for it or for the longest of
   * its prefixes, else the field the nearest segment's table names, else that segment.
   */
  locate(pointer: string): string | undefined {
    for (let prefix = pointer; ; prefix = parentOf(prefix)) {
      const value = this.values.get(prefix);
      if (value !== undefined) return value;
      const origin = this.segments.get(prefix);
      if (origin !== undefined) return fieldOf(origin, pointer.slice(prefix.length));
      if (prefix === '') return undefined;
    }
  }
}

/** `/a/b/c` → `/a/b`; `/a` → `''`. */
function parentOf(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/** The field of a segment for a rest of a pointer (`/quantity/unit`): the longest property path its table names. */
function fieldOf(origin: SegmentOrigin, rest: string): string {
  const parts = rest.split('/').filter((part) => part !== '');
  for (let length = parts.length; length > 0; length -= 1) {
    const field = origin.fields[parts.slice(0, length).join('/')];
    if (field !== undefined) return field.includes('/') ? field : `${origin.segment}/${field}`;
  }
  return origin.segment;
}
