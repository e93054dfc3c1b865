// Helpers for fixed-width character fields. Only the blank (U+0020) is padding: a tab or a
// no-break space is data and must survive a round trip, so String#trimEnd is not used.

const BLANK = 32;

/** `value` without trailing blanks (U+0020 only). */
export function trimBlanks(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === BLANK) end -= 1;
  return end === value.length ? value : value.slice(0, end);
}

/** Blank strings of every length up to a record's, for native comparisons. */
const BLANKS: readonly string[] = Array.from({ length: 1101 }, (_, count) => ' '.repeat(count));
/** The shortest blank run searched for when looking for the padding at the end of a record. */
const RUN = BLANKS[16] as string;

/**
 * Where the content of `line` ends: its length without trailing blanks. Records are mostly
 * padding, and a character loop over it costs more than splitting the file, so the padding is
 * found with native search and comparison: the first run of 16 blanks after which the line holds
 * only blanks. Runs before `from` are not looked at (the result may still be less than `from`).
 */
export function contentEnd(line: string, from = 0): number {
  const length = line.length;
  if (length === 0 || line.charCodeAt(length - 1) !== BLANK) return length;
  let run = line.indexOf(RUN, from);
  while (run >= 0 && length - run < BLANKS.length) {
    if (line.slice(run) === BLANKS[length - run]) return trimBlanksBefore(line, run);
    // Jumping a whole run is safe: a later match inside the padding walks back to its start.
    run = line.indexOf(RUN, run + RUN.length);
  }
  return trimBlanksBefore(line, length);
}

/** `end` moved back over the blanks before it, but not before `floor`. */
function trimBlanksBefore(line: string, end: number, floor = 0): number {
  let stop = end;
  while (stop > floor && line.charCodeAt(stop - 1) === BLANK) stop -= 1;
  return stop;
}

/**
 * The characters `start` to `end` of `line`, trailing blanks removed; `''` past the end of the
 * line or of its content (`limit`, from {@link contentEnd}).
 */
export function sliceField(line: string, start: number, end: number, limit = line.length): string {
  if (start >= limit) return '';
  const stop = trimBlanksBefore(line, Math.min(end, limit), start);
  return stop === start ? '' : line.slice(start, stop);
}

/** Whether `line` holds only blanks from `start` on (true when it ends before `start`). */
export function isBlankFrom(line: string, start: number): boolean {
  const rest = line.length - start;
  if (rest <= 0) return true;
  if (line.charCodeAt(line.length - 1) !== BLANK) return false;
  return rest < BLANKS.length ? line.slice(start) === BLANKS[rest] : contentEnd(line, start) <= start;
}

/** Whether `value` is empty or only blanks. */
export function isBlank(value: string): boolean {
  return contentEnd(value) === 0;
}

/** Whether `value` is one or more ASCII digits. */
export function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** A run of `count` blanks, from a cache (records are padded with them millions of times). */
export function blanks(count: number): string {
  if (count <= 0) return '';
  return count < BLANKS.length ? (BLANKS[count] as string) : ' '.repeat(count);
}
