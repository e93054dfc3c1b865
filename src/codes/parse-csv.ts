import { MappingError } from '../errors/mapping-error.js';

/** One record of a CSV text: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** How a CSV text is read or written. */
export interface CsvOptions {
  /** The field separator. @default ',' */
  readonly delimiter?: ',' | ';' | '\t';
}

const DELIMITERS: readonly string[] = [',', ';', '\t'];

/**
 * Checks the options of {@link parseCsv} and {@link formatCsv}.
 * @returns the delimiter to use.
 * @throws MappingError `INVALID_CODE_MAP` for options that are not an object, or a delimiter
 * other than `,`, `;` or a tab.
 */
export function resolveCsvDelimiter(options: CsvOptions | undefined): string {
  if (options === undefined) return ',';
  const delimiter = typeof options === 'object' && options !== null ? (options.delimiter ?? ',') : undefined;
  if (delimiter === undefined || !DELIMITERS.includes(delimiter)) {
    throw new MappingError(
      'INVALID_CODE_MAP',
      "CSV options must be an object whose delimiter is ',', ';' or a tab",
    );
  }
  return delimiter;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/** Where the reader stands: before a field, inside an unquoted or quoted field, after a closing quote. */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, AfterQuote: 3 } as const;
type State = (typeof State)[keyof typeof State];

/**
 * Reads a CSV text as RFC 4180 defines it: fields separated by the delimiter, records by CRLF,
 * LF or CR; a field in double quotes may hold delimiters, line breaks and doubled quotes (`""`
 * stands for one `"`). A UTF-8 byte order mark at the start is skipped; a line break after the
 * last record is optional; an empty line is a record with one empty field.
 * @returns the records with the line each starts on.
 * @throws MappingError `INVALID_CODE_MAP` with the `line:column` of a quote inside an unquoted
 * field, of text after a closing quote, or of a quote that is never closed; without a location
 * for text that is not a string or bad options.
 * @example parseCsv('code,text\r\nA,"say ""hi"""\r\n').map((record) => record.fields)
 * // [['code', 'text'], ['A', 'say "hi"']]
 */
export function parseCsv(text: string, options?: CsvOptions): CsvRecord[] {
  const delimiter = resolveCsvDelimiter(options).charCodeAt(0);
  if (typeof text !== 'string') {
    throw new MappingError('INVALID_CODE_MAP', 'CSV must be given as a string; decode a Buffer first');
  }
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let state: State = State.FieldStart;
  let line = 1;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let recordLine = 1;
  let quoteOpened = { line: 1, column: 1 };
  const fail = (message: string, at: { line: number; column: number }): never => {
    throw new MappingError('INVALID_CODE_MAP', `CSV ${message} at line ${at.line}, column ${at.column}`, {
      location: `${at.line}:${at.column}`,
    });
  };
  const here = (index: number): { line: number; column: number } => ({ line, column: index - lineStart + 1 });
  const endRecord = (): void => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    state = State.FieldStart;
  };
  let index = lineStart;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const lineBreak = code === CR || code === LF;
    // A line break is one character, or two for CRLF.
    const breakLength = code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    if (state === State.Quoted) {
      if (code === QUOTE) {
        if (text.charCodeAt(index + 1) === QUOTE) {
          field += '"';
          index += 2;
        } else {
          state = State.AfterQuote;
          index += 1;
        }
        continue;
      }
      field += lineBreak ? text.slice(index, index + breakLength) : text[index];
      index += lineBreak ? breakLength : 1;
      if (lineBreak) {
        line += 1;
        lineStart = index;
      }
      continue;
    }
    if (code === delimiter) {
      fields.push(field);
      field = '';
      state = State.FieldStart;
      index += 1;
      continue;
    }
    if (lineBreak) {
      endRecord();
      index += breakLength;
      line += 1;
      lineStart = index;
      recordLine = line;
      continue;
    }
    if (state === State.AfterQuote) fail('text after a closing quote', here(index));
    if (code === QUOTE) {
      if (state === State.Unquoted) fail('quote inside an unquoted field', here(index));
      quoteOpened = here(index);
      state = State.Quoted;
    } else {
      field += text[index];
      state = State.Unquoted;
    }
    index += 1;
  }
  if (state === State.Quoted) fail('quote that is never closed', quoteOpened);
  if (state !== State.FieldStart || fields.length > 0) endRecord();
  return records;
}

/** Whether a field must be quoted to be read back unchanged. */
function needsQuotes(field: string, delimiter: string): boolean {
  return field.includes(delimiter) || field.includes('"') || field.includes('\r') || field.includes('\n');
}

/**
 * Writes records as RFC 4180 CSV: CRLF after every record, fields quoted when they hold the
 * delimiter, a quote or a line break (quotes doubled). A record of one empty field is written
 * `""` so that it is not read back as a blank line. {@link parseCsv} reads the text back to the
 * same records.
 * @returns the CSV text.
 * @throws MappingError `INVALID_CODE_MAP` for bad options.
 * @example formatCsv([['code', 'text'], ['A', 'say "hi"']]) // 'code,text\r\nA,"say ""hi"""\r\n'
 */
export function formatCsv(records: readonly (readonly string[])[], options?: CsvOptions): string {
  const delimiter = resolveCsvDelimiter(options);
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
