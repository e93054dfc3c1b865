import type { IdocControl, IdocWarningCode } from '../idoc.js';

/**
 * The warnings about gaps in the schemas (`NO_SCHEMA`, `UNKNOWN_SEGMENT`, `UNKNOWN_FIELD`) are the
 * same for every IDoc of a type, so a parse or a stream gives each once, with the first IDoc that
 * shows it; the others are about the data of one IDoc and are given with each.
 */
const ONCE_PER_PARSE: ReadonlySet<IdocWarningCode> = new Set<IdocWarningCode>([
  'NO_SCHEMA',
  'UNKNOWN_SEGMENT',
  'UNKNOWN_FIELD',
]);

/** How many warnings a log remembers; past it, memory stays bounded and warnings may repeat. */
const MAX_REMEMBERED = 10_000;

/** The schema-gap warnings a parse or a stream has given, so that each is given once. */
export class WarningLog {
  private readonly given = new Set<string>();

  /**
   * Whether a warning is to be given: always for a warning about one IDoc's data; for a
   * schema-gap warning, only the first time for its IDoc type and `subject` (segment, field).
   */
  shouldGive(code: IdocWarningCode, control: IdocControl, subject: string): boolean {
    if (!ONCE_PER_PARSE.has(code)) return true;
    const key = `${code}\u0000${control.idoctyp}\u0000${control.cimtyp}\u0000${subject}`;
    if (this.given.has(key)) return false;
    if (this.given.size < MAX_REMEMBERED) this.given.add(key);
    return true;
  }
}
