/** A media type as RFC 9110 writes it: `type/subtype` and parameters. */
export interface MediaType {
  /** `type/subtype` in lower case, e.g. `application/json`. */
  readonly essence: string;
  /** The parameters by lower-case name, values unquoted, e.g. `charset` → `utf-8`. */
  readonly parameters: ReadonlyMap<string, string>;
}

/** Whether a character may be part of an RFC 9110 token (`tchar`). */
function isTokenChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || // 0-9
    (code >= 0x41 && code <= 0x5a) || // A-Z
    (code >= 0x61 && code <= 0x7a) || // a-z
    "!#$%&'*+-.^_`|~".includes(String.fromCharCode(code))
  );
}

/**
 * Reads a media type such as `application/json; charset="UTF-8"` (RFC 9110 section 8.3.1):
 * type and subtype are compared without case, parameter names too, and quoted values are
 * unquoted. Blanks around it are ignored, as HTTP and broker headers carry them.
 * @returns the media type, or undefined when the text is not one or names a parameter twice
 * (which of two charsets would count?).
 * @example parseMediaType('Application/JSON; Charset=utf-8') // { essence: 'application/json', parameters: Map { 'charset' => 'utf-8' } }
 */
export function parseMediaType(text: string): MediaType | undefined {
  const length = text.length;
  let index = 0;
  const skipBlanks = (): void => {
    while (index < length && (text[index] === ' ' || text[index] === '\t')) index += 1;
  };
  const token = (): string => {
    const start = index;
    while (index < length && isTokenChar(text.charCodeAt(index))) index += 1;
    return text.slice(start, index);
  };
  skipBlanks();
  const type = token();
  if (type === '' || text[index] !== '/') return undefined;
  index += 1;
  const subtype = token();
  if (subtype === '') return undefined;
  const parameters = new Map<string, string>();
  for (;;) {
    skipBlanks();
    if (index === length) break;
    if (text[index] !== ';') return undefined;
    index += 1;
    skipBlanks();
    if (index === length || text[index] === ';') continue;
    const name = token().toLowerCase();
    if (name === '' || text[index] !== '=') return undefined;
    index += 1;
    let value: string;
    if (text[index] === '"') {
      const start = index + 1;
      index = start;
      while (index < length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      if (index >= length) return undefined;
      value = text.slice(start, index).replace(/\\(.)/gs, '$1');
      index += 1;
    } else {
      value = token();
      if (value === '') return undefined;
    }
    if (parameters.has(name)) return undefined;
    parameters.set(name, value);
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), parameters };
}

/** Whether a media type names no charset, or UTF-8 (`utf-8`, or its alias `utf8`, in any case). */
export function isUtf8(mediaType: MediaType): boolean {
  const charset = mediaType.parameters.get('charset')?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}
