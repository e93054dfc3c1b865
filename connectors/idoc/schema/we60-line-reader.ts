// Reads a WE60/WE63 parser export line by line: each non-blank line is a keyword and its value
// (`LENGTH 000010`). Errors name the line and say what was expected there, so that a hand-written
// export can be mended from the message alone.
import { IdocError, type IdocErrorDetails } from '../../../src/errors/idoc-error.js';

/** One `KEYWORD value` line of the export. */
export interface Line {
  readonly keyword: string;
  readonly value: string;
  /** The 1-based line number. */
  readonly number: number;
}

/** The lines of an export, read one after the other. */
export class LineReader {
  private readonly lines: string[];
  private index = 0;

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  /** The next non-blank line, or undefined at the end. */
  next(): Line | undefined {
    while (this.index < this.lines.length) {
      const raw = (this.lines[this.index] as string).trim();
      this.index += 1;
      if (raw === '') continue;
      const space = raw.search(/\s/);
      return space < 0
        ? { keyword: raw, value: '', number: this.index }
        : { keyword: raw.slice(0, space), value: raw.slice(space).trim(), number: this.index };
    }
    return undefined;
  }

  /**
   * The next line inside the block that `open` started; the end of the text here is an error.
   * @param closing - the keyword that ends the block, for the message.
   * @throws {IdocError} `INVALID_SCHEMA` with the last line, naming the block and what ends it.
   */
  inside(open: Line, closing: string): Line {
    const line = this.next();
    if (line === undefined) {
      const block = open.value === '' ? open.keyword : `${open.keyword} ${open.value}`;
      throw new IdocError(
        'INVALID_SCHEMA',
        `line ${this.lines.length}: the text ends inside ${block} (line ${open.number}): expected ${closing}`,
        { line: this.lines.length },
      );
    }
    return line;
  }
}

/** @throws {IdocError} `INVALID_SCHEMA` with the line number, in the message and as `line`. */
export function fail(message: string, line: Line, details: Omit<IdocErrorDetails, 'line'> = {}): never {
  throw new IdocError('INVALID_SCHEMA', `line ${line.number}: ${message}`, { ...details, line: line.number });
}

/** A line's keyword as messages quote it. */
export function quoted(line: Line): string {
  return JSON.stringify(line.keyword.length > 40 ? `${line.keyword.slice(0, 40)}...` : line.keyword);
}

/** Examples of each numeric keyword, as SAP writes them. */
const NUMBER_EXAMPLES: Readonly<Record<string, string>> = {
  LEVEL: 'LEVEL 02',
  LOOPMIN: 'LOOPMIN 0000000001',
  LOOPMAX: 'LOOPMAX 0000009999',
  LENGTH: 'LENGTH 000010',
  FIELD_POS: 'FIELD_POS 0001',
  CHARACTER_FIRST: 'CHARACTER_FIRST 000064',
  CHARACTER_LAST: 'CHARACTER_LAST 000073',
  BYTE_FIRST: 'BYTE_FIRST 000064',
  BYTE_LAST: 'BYTE_LAST 000073',
};

/**
 * The value of a line as a number: up to 10 digits.
 * @throws {IdocError} `INVALID_SCHEMA` naming the form expected, with an example.
 */
export function readNumber(line: Line): number {
  if (!/^\d{1,10}$/.test(line.value)) {
    const example = NUMBER_EXAMPLES[line.keyword] ?? `${line.keyword} 0001`;
    fail(
      `${line.keyword}: expected a number of up to 10 digits, as in "${example}", found ${JSON.stringify(line.value.slice(0, 40))}`,
      line,
    );
  }
  return Number(line.value);
}
