// Checks of the header of an EDI_DD40 data record (SEGNAM, DOCNUM, SEGNUM, PSGNUM, HLEVEL) that
// run for every record of a file. They read the record where it stands in the text (or in the
// input bytes, when those map one to one onto the characters) and cut no string unless the
// record is unusual, so that checking costs little next to splitting the file into records.
import { IdocError } from '../../../src/errors/idoc-error.js';
import { isDigits, sliceField } from './fixed-text.js';
import { dataHeaderLayout } from './record-layout.js';

const BLANK = 32;
const { docnum: DOCNUM, segnum: SEGNUM, psgnum: PSGNUM, hlevel: HLEVEL } = dataHeaderLayout;
/** Where SEGNUM starts and HLEVEL ends: the 14 characters that must be digits (or blank). */
const NUMBERS_START = SEGNUM.offset;
const NUMBERS_END = HLEVEL.offset + HLEVEL.length;

/**
 * A record in the text being read: characters `start` to `end` of `text`. The assembler moves
 * one such cursor from record to record instead of allocating one per record.
 */
export interface RecordText {
  text: string;
  /** The code of each character of `text` as a byte, when the input bytes can stand for it. */
  codes: Uint8Array | undefined;
  start: number;
  end: number;
}

/** What the header of a data record is checked against: the IDoc's control record. */
export interface HeaderExpectation {
  /** The control record's DOCNUM (trailing blanks removed). */
  readonly docnum: string;
  /** The same as the 16 bytes a data record repeats, when it is 16 digits (the usual case). */
  readonly docnumCodes: Uint8Array | undefined;
}

/**
 * Whether the record begins with the segment name `name` followed by a blank or the end of the
 * record. `nameCodes` are the name's character codes as bytes (undefined when one is past 255).
 */
export function startsWithName(record: RecordText, name: string, nameCodes: Uint8Array | undefined): boolean {
  const { text, codes, start, end } = record;
  const length = name.length;
  const after = start + length;
  if (after > end) return false;
  if (codes !== undefined) {
    if (nameCodes === undefined) return false;
    if (after < end && codes[after] !== BLANK) return false;
    for (let index = 0; index < length; index += 1)
      if (codes[start + index] !== nameCodes[index]) return false;
    return true;
  }
  if (after < end && text.charCodeAt(after) !== BLANK) return false;
  for (let index = 0; index < length; index += 1) {
    if (text.charCodeAt(start + index) !== name.charCodeAt(index)) return false;
  }
  return true;
}

/**
 * Checks DOCNUM, SEGNUM, PSGNUM and HLEVEL: digits or blank, and DOCNUM the control record's
 * (or blank). The usual record, all digits and the control record's DOCNUM, costs a few byte
 * comparisons.
 * @throws {IdocError} `INVALID_NUMBER` or `DOCNUM_MISMATCH`, with the position.
 */
export function checkDataHeader(
  record: RecordText,
  expected: HeaderExpectation,
  segnam: string,
  offset: number,
): void {
  if (isUsualHeader(record, expected.docnumCodes)) return;
  const { text, start, end } = record;
  const numeric =
    isDigitsThenBlanks(text, start + SEGNUM.offset, start + SEGNUM.offset + SEGNUM.length, end) &&
    isDigitsThenBlanks(text, start + PSGNUM.offset, start + PSGNUM.offset + PSGNUM.length, end) &&
    isDigitsThenBlanks(text, start + HLEVEL.offset, start + NUMBERS_END, end);
  const docnumStart = start + DOCNUM.offset;
  if (numeric && hasDocnum(text, docnumStart, docnumStart + DOCNUM.length, end, expected.docnum)) return;
  const line = text.slice(start, end);
  const values = {
    docnum: sliceField(line, DOCNUM.offset, DOCNUM.offset + DOCNUM.length),
    segnum: sliceField(line, SEGNUM.offset, SEGNUM.offset + SEGNUM.length),
    psgnum: sliceField(line, PSGNUM.offset, PSGNUM.offset + PSGNUM.length),
    hlevel: sliceField(line, HLEVEL.offset, NUMBERS_END),
  };
  const key = (['docnum', 'segnum', 'psgnum', 'hlevel'] as const).find(
    (name) => !isNumericOrBlank(values[name]),
  );
  if (key !== undefined) {
    const field = dataHeaderLayout[key].name;
    throw new IdocError('INVALID_NUMBER', `${field} ${JSON.stringify(values[key])} is not a number`, {
      docnum: expected.docnum,
      segnum: isNumericOrBlank(values.segnum) ? values.segnum : undefined,
      segment: segnam,
      field,
      offset,
    });
  }
  if (values.docnum !== '' && expected.docnum !== '') {
    throw new IdocError(
      'DOCNUM_MISMATCH',
      `data record DOCNUM ${values.docnum} differs from the control record's ${expected.docnum}`,
      { docnum: expected.docnum, segnum: values.segnum, segment: segnam, field: 'DOCNUM', offset },
    );
  }
}

/** Whether a value is blank or all digits. */
export function isNumericOrBlank(value: string): boolean {
  return value === '' || isDigits(value);
}

/** SEGNUM, PSGNUM and HLEVEL all digits and DOCNUM the control record's, checked on the bytes. */
function isUsualHeader(record: RecordText, docnum: Uint8Array | undefined): boolean {
  const { codes, start, end } = record;
  if (codes === undefined || docnum === undefined || end - start < NUMBERS_END) return false;
  for (let index = start + NUMBERS_START; index < start + NUMBERS_END; index += 1) {
    if (((codes[index] as number) - 48) >>> 0 > 9) return false;
  }
  const from = start + DOCNUM.offset;
  for (let index = 0; index < DOCNUM.length; index += 1)
    if (codes[from + index] !== docnum[index]) return false;
  return true;
}

/** Whether the field `from` to `to` holds `docnum` followed by blanks (or only blanks for `''`). */
function hasDocnum(text: string, from: number, to: number, end: number, docnum: string): boolean {
  const length = docnum.length;
  if (Math.min(from + length, end) - from < length) return false;
  for (let index = 0; index < length; index += 1) {
    if (text.charCodeAt(from + index) !== docnum.charCodeAt(index)) return false;
  }
  return isBlankField(text, from + length, to, end);
}

/** Whether characters `from` to `to` are digits followed by blanks (past `end`: blank). */
function isDigitsThenBlanks(text: string, from: number, to: number, end: number): boolean {
  let index = from;
  const stop = Math.min(to, end);
  while (index < stop && (text.charCodeAt(index) - 48) >>> 0 <= 9) index += 1;
  return isBlankField(text, index, to, end);
}

/** Whether characters `from` to `to` are blanks or past `end`. */
function isBlankField(text: string, from: number, to: number, end: number): boolean {
  const stop = Math.min(to, end);
  for (let index = from; index < stop; index += 1) if (text.charCodeAt(index) !== BLANK) return false;
  return true;
}
