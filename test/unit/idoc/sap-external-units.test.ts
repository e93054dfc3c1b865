// A LOIPRO01 whose order unit GMEIN carries SAP's external (commercial) code PC, as an IDoc
// written with the commercial codes does, maps to pieces (H87) (issue 9, item 3).
import { createUnitRegistry, type WorkOrder } from 'millwright';
import {
  type CanonicalRecord,
  type Idoc,
  type IdocSegmentDefinition,
  idocToCanonical,
  parseIdoc,
} from 'millwright/idoc';
import { describe, expect, it } from 'vitest';
import { fixtureText, LOIPRO01_FULL_ORDER } from './fixtures.js';
import { loipro01Site } from './site-schemas.js';

// `timeZone` is passed already: the IDoc mapping is about to require it.
const options = { units: createUnitRegistry(), timeZone: 'Europe/Berlin' } as const;

/** The length of the EDI_DD40 data record header (SEGNAM to HLEVEL) before the segment's fields. */
const DATA_RECORD_HEADER = 63;

const orders = (records: CanonicalRecord[]): WorkOrder[] =>
  records.filter((record) => record.kind === 'WorkOrder').map((record) => record.value as WorkOrder);

function findSegment(segments: readonly IdocSegmentDefinition[], type: string): IdocSegmentDefinition {
  for (const segment of segments) {
    if (segment.type === type) return segment;
    const child = segment.children.length > 0 ? findSegment(segment.children, type) : undefined;
    if (child !== undefined) return child;
  }
  return undefined as never;
}

/** The flat file with every E1AFKOL's GMEIN set to `unit`, at the offset the layout gives. */
function flatWithOrderUnit(unit: string): string {
  const schema = loipro01Site();
  const header = findSegment(schema.segments, 'E1AFKOL');
  const gmein = header.fields.find((field) => field.name === 'GMEIN');
  if (gmein === undefined) throw new Error('the site layout has no GMEIN');
  const start = DATA_RECORD_HEADER + gmein.offset;
  return fixtureText('loipro01.site.idoc')
    .split('\n')
    .map((line) =>
      line.startsWith('E1AFKOL ')
        ? `${line.slice(0, start)}${unit.padEnd(gmein.length)}${line.slice(start + gmein.length)}`
        : line,
    )
    .join('\n');
}

describe('idocToCanonical: GMEIN = PC, SAP’s commercial code of ST', () => {
  it('maps an IDoc-XML LOIPRO01 to a WorkOrder quantity in H87', () => {
    const xml = fixtureText('loipro01.full.xml').replace('<GMEIN>H87</GMEIN>', '<GMEIN>PC</GMEIN>');
    expect(xml).toContain('<GMEIN>PC</GMEIN>');
    const [idoc] = parseIdoc(xml);
    const [order] = orders(idocToCanonical(idoc as Idoc, options));
    expect(order?.quantity).toEqual({ value: '120', unit: 'H87' });
    expect(order).toEqual(LOIPRO01_FULL_ORDER);
  });

  it('maps a flat LOIPRO01 to a WorkOrder quantity in H87', () => {
    const flat = flatWithOrderUnit('PC');
    const [idoc] = parseIdoc(flat, { schemas: [loipro01Site()] });
    expect(idoc?.segments[0]?.fields['GMEIN']).toBe('PC');
    const [order] = orders(idocToCanonical(idoc as Idoc, options));
    expect(order?.quantity).toEqual({ value: '120', unit: 'H87' });
    expect(order).toEqual(LOIPRO01_FULL_ORDER);
  });
});
