// Reads the 36 fields of an EDI_DC40 control record. It runs once per IDoc: a file of small
// IDocs has one in every thirty records or so, and most of its fields are blank padding.

import type { IdocControl } from '../idoc.js';
import type { RecordText } from './data-record-header.js';
import { controlLayout } from './record-layout.js';

const BLANK = 32;
const OFFSETS = controlLayout.map((field) => field.offset);
const ENDS = controlLayout.map((field) => field.offset + field.length);

/**
 * The control record's fields, trailing blanks removed (leading blanks and any other white
 * space are data). Blanks are skipped on the input bytes when the record has them.
 */
export function readControlRecord(record: RecordText): IdocControl {
  const r = record;
  return {
    tabnam: field(r, 0),
    mandt: field(r, 1),
    docnum: field(r, 2),
    docrel: field(r, 3),
    status: field(r, 4),
    direct: field(r, 5),
    outmod: field(r, 6),
    exprss: field(r, 7),
    test: field(r, 8),
    idoctyp: field(r, 9),
    cimtyp: field(r, 10),
    mestyp: field(r, 11),
    mescod: field(r, 12),
    mesfct: field(r, 13),
    std: field(r, 14),
    stdvrs: field(r, 15),
    stdmes: field(r, 16),
    sndpor: field(r, 17),
    sndprt: field(r, 18),
    sndpfc: field(r, 19),
    sndprn: field(r, 20),
    sndsad: field(r, 21),
    sndlad: field(r, 22),
    rcvpor: field(r, 23),
    rcvprt: field(r, 24),
    rcvpfc: field(r, 25),
    rcvprn: field(r, 26),
    rcvsad: field(r, 27),
    rcvlad: field(r, 28),
    credat: field(r, 29),
    cretim: field(r, 30),
    refint: field(r, 31),
    refgrp: field(r, 32),
    refmes: field(r, 33),
    arckey: field(r, 34),
    serial: field(r, 35),
  };
}

/** Field `index` of the control record (in `controlLayout` order). */
function field(record: RecordText, index: number): string {
  const { text, codes, start: base, end: limit } = record;
  const start = base + (OFFSETS[index] as number);
  if (start >= limit) return '';
  let end = Math.min(base + (ENDS[index] as number), limit);
  if (codes !== undefined) while (end > start && codes[end - 1] === BLANK) end -= 1;
  else while (end > start && text.charCodeAt(end - 1) === BLANK) end -= 1;
  return end === start ? '' : text.slice(start, end);
}
