// Reads the IDoc fixtures of test/fixtures/idoc (see its SOURCE.md) and compares IDocs by content.
import { readFileSync } from 'node:fs';
import type { Idoc, Segment } from 'millwright/idoc';

const directory = new URL('../../fixtures/idoc/', import.meta.url);

/** The bytes of a fixture file. */
export function fixture(name: string): Buffer {
  return readFileSync(new URL(name, directory));
}

/** The text of a fixture file, decoded as UTF-8. */
export function fixtureText(name: string): string {
  return fixture(name).toString('utf8');
}

/** What a segment means, without how it was framed: name, fields, raw text, children. */
export interface SegmentContent {
  name: string;
  fields: Record<string, string>;
  unparsed?: string;
  children: SegmentContent[];
}

/** The content of IDocs for comparisons across framings and formats. */
export function content(idocs: readonly Idoc[]): { control: Idoc['control']; segments: SegmentContent[] }[] {
  const strip = (segment: Segment): SegmentContent => ({
    name: segment.name,
    fields: segment.fields,
    ...(segment.unparsed === undefined ? {} : { unparsed: segment.unparsed }),
    children: segment.children.map(strip),
  });
  return idocs.map((idoc) => ({ control: idoc.control, segments: idoc.segments.map(strip) }));
}

/** Segment names in depth-first order, indented by depth: a readable picture of the tree. */
export function outline(segments: readonly Segment[], depth = 0): string[] {
  return segments.flatMap((segment) => [
    `${'  '.repeat(depth)}${segment.name}`,
    ...outline(segment.children, depth + 1),
  ]);
}
