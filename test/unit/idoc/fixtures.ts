// Reads the IDoc fixtures of test/fixtures/idoc (see its SOURCE.md) and compares IDocs by content.
import { readFileSync } from 'node:fs';
import type { WorkOrder } from 'millwright';
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

/** The framings of a flat file that SAP ports and EDI tools write. */
export type Framing = 'lf' | 'crlf' | 'fixed' | 'trimmed';

/** An LF-framed flat file with full-length records, re-framed: CRLF lines, records end to end, or right-trimmed lines. */
export function reframe(lf: string, framing: Framing): string {
  const records = lf.split('\n').filter((record) => record !== '');
  if (framing === 'fixed') return records.join('');
  if (framing === 'trimmed') return `${records.map((record) => record.trimEnd()).join('\n')}\n`;
  return `${records.join(framing === 'crlf' ? '\r\n' : '\n')}${framing === 'crlf' ? '\r\n' : '\n'}`;
}

/**
 * IDocs as plain data, every property included. Segments read from flat files cut their fields
 * on first access, so `toEqual` on them would compare only `name` and `children`.
 */
export function plain(idocs: readonly Idoc[]): unknown {
  return JSON.parse(JSON.stringify(idocs));
}

/** The order of loipro01.full.xml, as the XML and a flat file with a complete layout give it. */
export const LOIPRO01_FULL_ORDER: WorkOrder = {
  id: '000001004720',
  type: 'PP01',
  material: '000000000000004711',
  plant: 'DE01',
  quantity: { value: '120', unit: 'H87' },
  plannedScrap: { value: '2', unit: 'H87' },
  deliveredQuantity: { value: '40', unit: 'H87' },
  status: 'released',
  scheduledStart: '2026-05-18T06:00:00+02:00',
  scheduledEnd: '2026-05-19T22:00:00+02:00',
  productionVersion: '0001',
  salesOrder: '0000004711/000010',
  operations: [
    {
      operation: '0010',
      workCenter: 'WC-SAW',
      description: 'Cut blanks',
      status: 'in-progress',
      controlKey: 'PP01',
      quantity: { value: '120', unit: 'H87' },
      scheduledStart: '2026-05-18T06:00:00+02:00',
      scheduledEnd: '2026-05-18T14:00:00+02:00',
    },
    { operation: '0020', workCenter: 'WC-LATH1', description: 'Turn shaft, střed Ø40', status: 'ready' },
  ],
  components: [
    {
      position: '0010',
      material: '000000000000100200',
      quantity: { value: '36.5', unit: 'KGM' },
      operation: '0010',
      storageLocation: '0001',
      batch: 'B-2026-05',
      backflush: true,
      reservation: '0000012345/0001',
    },
    {
      position: '0020',
      material: 'SCRAP-STEEL',
      quantity: { value: '-1.2', unit: 'KGM' },
      use: 'by-product',
      operation: '0010',
      reservation: '0000012345/0002',
    },
  ],
  source: { system: 'S4PCLNT100', id: '000001004720' },
};
