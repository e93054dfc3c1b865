import { MAX_SHOWN_TEXT_LENGTH, shortenText } from '../internal/shorten-text.js';

/**
 * Formats a path as a JSON Pointer (RFC 6901): `['components', 0, 'quantity']` becomes
 * `/components/0/quantity`; `~` and `/` inside a segment are escaped as `~0` and `~1`. A key longer than
 * {@link MAX_SHOWN_TEXT_LENGTH} characters (hostile input) is shortened to its start and `…`, so a
 * 100 MB key is not copied into every issue; such a pointer names the key but does not resolve.
 * @returns the pointer; the empty string for the root.
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  let pointer = '';
  for (const segment of path) {
    pointer += `/${shortenText(String(segment)).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}
