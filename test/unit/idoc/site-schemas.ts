// Stand-ins for a site's WE60 export in tests: a built-in definition with SYNTHETIC fields
// appended to some segments. The built-in layouts stop where the public field lists stopped
// (data/idoc/SOURCE.md); a flat file that carries later fields needs the system's own export.
// The appended offsets are made up for the tests and are NOT SAP's layout.
import { readFileSync } from 'node:fs';
import {
  builtinIdocSchemas,
  type IdocFieldDefinition,
  type IdocSchema,
  type IdocSegmentDefinition,
  loadIdocSchema,
} from 'millwright/idoc';

/** Field name → length, appended in this order after a segment's known fields. */
export type SyntheticFields = Readonly<Record<string, readonly (readonly [string, number])[]>>;

function extend(segment: IdocSegmentDefinition, additions: SyntheticFields): IdocSegmentDefinition {
  const known = new Set(segment.fields.map((field) => field.name));
  const fields: IdocFieldDefinition[] = [...segment.fields];
  let offset = fields.reduce((end, field) => Math.max(end, field.offset + field.length), 0);
  for (const [name, length] of additions[segment.type] ?? []) {
    if (known.has(name)) continue;
    fields.push({ name, text: `${name} (synthetic test layout)`, type: 'CHARACTER', offset, length });
    offset += length;
  }
  return { ...segment, fields, children: segment.children.map((child) => extend(child, additions)) };
}

/** A built-in definition with synthetic fields appended (see the file comment). */
export function withSyntheticFields(basicType: string, additions: SyntheticFields): IdocSchema {
  const base = builtinIdocSchemas.find((schema) => schema.basicType === basicType);
  if (base === undefined) throw new Error(`no built-in ${basicType}`);
  return { ...base, segments: base.segments.map((segment) => extend(segment, additions)) };
}

/**
 * The LOIPRO01 definition of test/fixtures/idoc/loipro01.site.parser.txt: the built-in one with
 * synthetic E1AFKOL times, material and plant, and E1AFFLL/E1AFVOL/E1RESBL layouts.
 */
export function loipro01Site(): IdocSchema {
  const text = readFileSync(
    new URL('../../fixtures/idoc/loipro01.site.parser.txt', import.meta.url),
    'latin1',
  );
  return loadIdocSchema(text);
}

/** MBGMCR03 with the synthetic item fields the goods movement mapping reads and writes. */
export const mbgmcr03Site: IdocSchema = withSyntheticFields('MBGMCR03', {
  E1BP2017_GM_ITEM_CREATE: [
    ['ENTRY_QNT', 15],
    ['ENTRY_UOM', 3],
    ['ENTRY_UOM_ISO', 3],
    ['PO_NUMBER', 10],
    ['PO_ITEM', 5],
    ['ITEM_TEXT', 50],
    ['ORDERID', 12],
    ['RESERV_NO', 10],
    ['RES_ITEM', 4],
    ['MOVE_REAS', 4],
    ['MOVE_PLANT', 4],
    ['MOVE_STLOC', 4],
  ],
});
