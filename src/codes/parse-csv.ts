import { MappingError } from '../errors/mapping-error.js';

/** Where a CSV field starts: its line and its column (both 1-based, columns in characters). */
export interface CsvPosition {
  readonly line: number;
  readonly column: number;
}

/** One record of a CSV text: its fields, where each starts, and where the record ends. */
export interface CsvRecord {
  /** The line the record starts on. */
  readonly line: number;
  readonly fields: readonly string[];
  /** Where each field's value starts (after the whitespace before it), one per field. */
  readonly positions: readonly CsvPosition[];
  /** Just after the last field: where a missing field would have been. */
  readonly end: CsvPosition;
}

/** How a CSV text is read or written. */
export interface CsvOptions {
  /** The field separator. @default ',' */
  readonly delimiter?: ',' | ';' | '\t';
  /**
   * The longest field read, in characters of its value; a longer one is refused with its line and
   * column, before the rest of it is read.
   * @default 65536
   */
  readonly maxFieldLength?: number;
}

/** {@link CsvOptions} with every default filled in. */
export interface ResolvedCsvOptions {
  readonly delimiter: ',' | ';' | '\t';
  readonly maxFieldLength: number;
}

const DELIMITERS: readonly string[] = [',', ';', '\t'];
const DEFAULT_MAX_FIELD_LENGTH = 65_536;

function invalidOptions(message: string, cause?: unknown): MappingError {
  return new MappingError('INVALID_CODE_MAP', `CSV options: ${message}`, {}, { cause });
}

/**
 * Checks the options of {@link parseCsv} and {@link formatCsv} and fills in their defaults,
 * reading each option once.
 * @returns the resolved options.
 * @throws MappingError `INVALID_CODE_MAP` for options that are not an object or cannot be read, a
 * delimiter other than `,`, `;` or a tab, or a `maxFieldLength` that is not a positive whole number.
 */
export function resolveCsvOptions(options: CsvOptions | undefined): ResolvedCsvOptions {
  if (options === undefined) return { delimiter: ',', maxFieldLength: DEFAULT_MAX_FIELD_LENGTH };
  if (typeof options !== 'object' || options === null) throw invalidOptions('they must be an object');
  let delimiter: unknown;
  let maxFieldLength: unknown;
  try {
    ({ delimiter = ',', maxFieldLength = DEFAULT_MAX_FIELD_LENGTH } = options);
  } catch (error) {
    throw invalidOptions('they could not be read (see the cause)', error);
  }
  if (typeof delimiter !== 'string' || !DELIMITERS.includes(delimiter))
    throw invalidOptions("the delimiter must be ',', ';' or a tab");
  if (!Number.isSafeInteger(maxFieldLength) || (maxFieldLength as number) < 1)
    throw invalidOptions('maxFieldLength must be a positive whole number');
  return {
    delimiter: delimiter as ResolvedCsvOptions['delimiter'],
    maxFieldLength: maxFieldLength as number,
  };
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Whether a character is whitespace as `String.prototype.trim` sees it (ECMAScript WhiteSpace and
 * LineTerminator: tab, vertical tab, form feed, space, no-break space, the other Unicode space
 * separators, the byte order mark, CR, LF, U+2028 and U+2029).
 */
function isWhitespace(code: number): boolean {
  if (code > 32 && code < 0xa0) return false;
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Reads a CSV text as RFC 4180 defines it: fields separated by the delimiter, records by CRLF,
 * LF or CR; a field in double quotes may hold delimiters, line breaks and doubled quotes (`""`
 * stands for one `"`). Whitespace around a field outside its quotes is not part of it (`a , b`
 * reads `a` and `b`; `" b "` keeps its blanks), as spreadsheets write such files by hand. A UTF-8
 * byte order mark at the start is skipped; a line break after the last record is optional; an
 * empty line is a record with one empty field. Fields are sliced from the text, never built
 * character by character, so reading takes time and memory in proportion to the text.
 *
 * @param source - what the text is, for error messages. @default 'CSV'
 * @returns the records with the line each starts on and the position of each field.
 * @throws MappingError `INVALID_CODE_MAP`, with the message `<source> line N column M: …` and the
 * `line:column` as `location`, for a quote inside an unquoted field, text after a closing quote, a
 * quote that is never closed or a field longer than `maxFieldLength`; without a location for text
 * that is not a string or bad options.
 * @example parseCsv('code,text\r\nA,"say ""hi"""\r\n').map((record) => record.fields)
 * // [['code', 'text'], ['A', 'say "hi"']]
 */
export function parseCsv(text: string, options?: CsvOptions, source = 'CSV'): CsvRecord[] {
  const { delimiter: delimiterText, maxFieldLength } = resolveCsvOptions(options);
  if (typeof text !== 'string') {
    throw new MappingError('INVALID_CODE_MAP', `${source} must be given as a string; decode a Buffer first`);
  }
  const delimiter = delimiterText.charCodeAt(0);
  const length = text.length;
  const records: CsvRecord[] = [];
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let index = lineStart;
  const here = (at: number): CsvPosition => ({ line, column: at - lineStart + 1 });
  const fail = (message: string, at: CsvPosition): never => {
    throw new MappingError('INVALID_CODE_MAP', `${source} line ${at.line} column ${at.column}: ${message}`, {
      location: `${at.line}:${at.column}`,
    });
  };
  const tooLong = (at: CsvPosition): never => fail(`a field longer than ${maxFieldLength} characters`, at);
  const isSpace = (code: number): boolean =>
    code !== delimiter && code !== CR && code !== LF && isWhitespace(code);
  /** Moves past a line break at `index` (CRLF, LF or CR) and starts the next line. */
  const breakLine = (): void => {
    index += text.charCodeAt(index) === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    line += 1;
    lineStart = index;
  };

  while (index < length) {
    const recordLine = line;
    const fields: string[] = [];
    const positions: CsvPosition[] = [];
    // One field per turn; the record ends at a line break or the end of the text.
    for (;;) {
      while (index < length && isSpace(text.charCodeAt(index))) index += 1;
      const start = here(index);
      let value: string;
      if (text.charCodeAt(index) === QUOTE) {
        // Quoted: slices between doubled quotes, joined once at the end.
        const pieces: string[] = [];
        let valueLength = 0;
        index += 1;
        let pieceStart = index;
        for (;;) {
          if (index >= length) fail('a quote that is never closed', start);
          const code = text.charCodeAt(index);
          if (code === QUOTE) {
            pieces.push(text.slice(pieceStart, index));
            if (text.charCodeAt(index + 1) !== QUOTE) {
              index += 1;
              break;
            }
            // A doubled quote stands for one: keep the first, skip the second.
            pieceStart = index + 1;
            index += 2;
            valueLength += 1;
          } else if (code === CR || code === LF) {
            const before = index;
            breakLine();
            valueLength += index - before;
          } else {
            index += 1;
            valueLength += 1;
          }
          if (valueLength > maxFieldLength) tooLong(start);
        }
        value = pieces.length === 1 ? (pieces[0] as string) : pieces.join('');
        while (index < length && isSpace(text.charCodeAt(index))) index += 1;
        const next = text.charCodeAt(index);
        if (index < length && next !== delimiter && next !== CR && next !== LF)
          fail('text after a closing quote', here(index));
      } else {
        const valueStart = index;
        let valueEnd = index;
        while (index < length) {
          const code = text.charCodeAt(index);
          if (code === delimiter || code === CR || code === LF) break;
          if (code === QUOTE) fail('a quote inside an unquoted field', here(index));
          index += 1;
          if (!isSpace(code)) {
            valueEnd = index;
            if (valueEnd - valueStart > maxFieldLength) tooLong(start);
          }
        }
        value = text.slice(valueStart, valueEnd);
      }
      fields.push(value);
      positions.push(start);
      if (index < length && text.charCodeAt(index) === delimiter) {
        index += 1;
        continue;
      }
      const end = here(index);
      if (index < length) breakLine();
      records.push({ line: recordLine, fields, positions, end });
      break;
    }
  }
  return records;
}

/** Whether a field must be quoted to be read back unchanged. */
function needsQuotes(field: string, delimiter: string): boolean {
  return (
    field.includes(delimiter) ||
    field.includes('"') ||
    field.includes('\r') ||
    field.includes('\n') ||
    (field !== '' && (isWhitespace(field.charCodeAt(0)) || isWhitespace(field.charCodeAt(field.length - 1))))
  );
}

/**
 * Writes records as RFC 4180 CSV: CRLF after every record, fields quoted when they hold the
 * delimiter, a quote or a line break, or begin or end with whitespace (quotes doubled). A record
 * of one empty field is written `""` so that it is not read back as a blank line.
 * {@link parseCsv} reads the text back to the same records.
 * @returns the CSV text.
 * @throws MappingError `INVALID_CODE_MAP` for bad options.
 * @example formatCsv([['code', 'text'], ['A', 'say "hi"']]) // 'code,text\r\nA,"say ""hi"""\r\n'
 */
export function formatCsv(records: readonly (readonly string[])[], options?: CsvOptions): string {
  const { delimiter } = resolveCsvOptions(options);
  let text = '';
  for (const record of records) {
    if (record.length === 1 && record[0] === '') {
      text += '""\r\n';
      continue;
    }
    const fields = record.map((field) =>
      needsQuotes(field, delimiter) ? `"${field.replaceAll('"', '""')}"` : field,
    );
    text += `${fields.join(delimiter)}\r\n`;
  }
  return text;
}
