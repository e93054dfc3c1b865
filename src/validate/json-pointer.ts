/**
 * Formats a path as a JSON Pointer (RFC 6901): `['components', 0, 'quantity']` becomes
 * `/components/0/quantity`; `~` and `/` inside a segment are escaped as `~0` and `~1`.
 * @returns the pointer; the empty string for the root.
 */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  let pointer = '';
  for (const segment of path) {
    pointer += `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`;
  }
  return pointer;
}
