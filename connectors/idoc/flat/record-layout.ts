// The fixed layouts of the IDoc record types EDI_DC40 (control) and EDI_DD40 (data), as every
// WE60/WE63 parser export lists them in its BEGIN_RECORD_SECTION. Positions are 0-based
// character offsets.
import type { IdocControlField } from '../idoc.js';

/** The length of a control record EDI_DC40, in characters. */
export const CONTROL_RECORD_LENGTH = 524;
/** The length of a data record EDI_DD40, in characters. */
export const DATA_RECORD_LENGTH = 1063;
/** Where the segment data (SDATA) starts in a data record. */
export const SDATA_OFFSET = 63;
/** The length of the segment data SDATA. */
export const SDATA_LENGTH = 1000;
/** The record-type tag that starts every control record. */
export const CONTROL_TAG = 'EDI_DC40';

/** One field of the control record. */
export interface ControlFieldLayout {
  readonly key: IdocControlField;
  readonly name: string;
  readonly offset: number;
  readonly length: number;
}

const CONTROL_FIELDS: readonly (readonly [IdocControlField, number])[] = [
  ['tabnam', 10],
  ['mandt', 3],
  ['docnum', 16],
  ['docrel', 4],
  ['status', 2],
  ['direct', 1],
  ['outmod', 1],
  ['exprss', 1],
  ['test', 1],
  ['idoctyp', 30],
  ['cimtyp', 30],
  ['mestyp', 30],
  ['mescod', 3],
  ['mesfct', 3],
  ['std', 1],
  ['stdvrs', 6],
  ['stdmes', 6],
  ['sndpor', 10],
  ['sndprt', 2],
  ['sndpfc', 2],
  ['sndprn', 10],
  ['sndsad', 21],
  ['sndlad', 70],
  ['rcvpor', 10],
  ['rcvprt', 2],
  ['rcvpfc', 2],
  ['rcvprn', 10],
  ['rcvsad', 21],
  ['rcvlad', 70],
  ['credat', 8],
  ['cretim', 6],
  ['refint', 14],
  ['refgrp', 14],
  ['refmes', 14],
  ['arckey', 70],
  ['serial', 20],
];

/** The 36 fields of EDI_DC40 in record order, with their positions. */
export const controlLayout: readonly ControlFieldLayout[] = (() => {
  let offset = 0;
  return CONTROL_FIELDS.map(([key, length]) => {
    const field = { key, name: key.toUpperCase(), offset, length };
    offset += length;
    return field;
  });
})();

/** The header fields of EDI_DD40 before SDATA: name, 0-based offset, length. */
export const dataHeaderLayout = {
  segnam: { name: 'SEGNAM', offset: 0, length: 30 },
  mandt: { name: 'MANDT', offset: 30, length: 3 },
  docnum: { name: 'DOCNUM', offset: 33, length: 16 },
  segnum: { name: 'SEGNUM', offset: 49, length: 6 },
  psgnum: { name: 'PSGNUM', offset: 55, length: 6 },
  hlevel: { name: 'HLEVEL', offset: 61, length: 2 },
} as const;
