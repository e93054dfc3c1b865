// Which characters canonical identifiers and texts may hold. They travel as JSON (UTF-8) and as
// XML 1.0 (B2MML, IDoc-XML, SOAP): XML 1.0 forbids the C0 control characters other than tab,
// line feed and carriage return, and U+FFFE and U+FFFF; an unpaired surrogate (half of a UTF-16
// pair) is no character at all, so neither UTF-8, XML nor JSON text (RFC 8259, I-JSON) can carry
// it. Identifiers also refuse every other control character and white space at either end.

/** The longest identifier, in characters (code points). */
export const MAX_IDENTIFIER_LENGTH = 256;

/**
 * An identifier: 1 to 256 characters, none of them a control character (Unicode Cc), an unpaired
 * surrogate, U+FFFE or U+FFFF, and no white space at either end.
 */
export const IDENTIFIER_PATTERN =
  /^[^\s\p{Cc}\p{Cs}\uFFFE\uFFFF](?:[^\p{Cc}\p{Cs}\uFFFE\uFFFF]{0,254}[^\s\p{Cc}\p{Cs}\uFFFE\uFFFF])?$/u;

/**
 * A text: any characters but the control characters other than tab, line feed and carriage
 * return, unpaired surrogates, U+FFFE and U+FFFF.
 */
export const TEXT_PATTERN = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}\uFFFE\uFFFF])*$/u;

/** `U+D800`: a code unit or code point as Unicode writes it. */
function codePoint(value: number): string {
  return `U+${value.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first character a value may not hold, described with its position (in characters, from 1).
 * @param controls - the control characters that are allowed (a text's tab and line breaks).
 * @returns the description, or undefined when every character is allowed.
 */
function findForbiddenCharacter(value: string, controls: ReadonlySet<number>): string | undefined {
  let position = 0;
  for (let index = 0; index < value.length; index += 1) {
    position += 1;
    const unit = value.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        index += 1;
        continue;
      }
      return `an unpaired surrogate ${codePoint(unit)} at character ${position} (half of a UTF-16 pair, which UTF-8, XML and JSON text cannot carry)`;
    }
    if (unit === 0xfffe || unit === 0xffff)
      return `${codePoint(unit)} at character ${position} (a noncharacter XML 1.0 forbids)`;
    if ((unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f)) && !controls.has(unit))
      return `a control character ${codePoint(unit)} at character ${position}`;
  }
  return undefined;
}

const NO_CONTROLS: ReadonlySet<number> = new Set();
const TEXT_CONTROLS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d]);

/**
 * Why a string is no identifier, for the message.
 * @returns the message; a generic one for a value that is not a string.
 */
export function describeIdentifierProblem(value: unknown): string {
  const expected = `expected an identifier of 1 to ${MAX_IDENTIFIER_LENGTH} characters without control characters or white space at either end`;
  if (typeof value !== 'string' || value.length === 0) return expected;
  const forbidden = findForbiddenCharacter(value, NO_CONTROLS);
  if (forbidden !== undefined) return `${expected}; found ${forbidden}`;
  if (/^\s/u.test(value)) return `${expected}; found white space at the start`;
  if (/\s$/u.test(value)) return `${expected}; found white space at the end`;
  return `${expected}; this one has more, at most ${MAX_IDENTIFIER_LENGTH} characters are allowed`;
}

/**
 * Why a string is no text, for the message.
 * @returns the message; a generic one for a value that is not a string.
 */
export function describeTextProblem(value: unknown): string {
  const expected =
    'expected text without control characters other than tab and line breaks, unpaired surrogates, U+FFFE or U+FFFF';
  const forbidden = typeof value === 'string' ? findForbiddenCharacter(value, TEXT_CONTROLS) : undefined;
  return forbidden === undefined ? expected : `${expected}; found ${forbidden}`;
}
