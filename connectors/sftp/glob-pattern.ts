/**
 * Compiles a file name pattern: a RegExp as it is, or a glob where `*` is any run of
 * characters, `?` one character and `[...]` a character class (`[!...]` negated), compared
 * with regard to case. As in a shell, a glob matches a name starting with `.` only when the
 * pattern starts with `.`, so hidden files (and millwright's temporary `.name.part` files)
 * are not picked up by `*.idoc`.
 *
 * @param pattern - e.g. `*.idoc`, `LOIPRO_[0-9]*.xml`, or `/^order-\d+\.csv$/`.
 * @returns a test of one file name.
 * @example
 * compilePattern('*.idoc')('order-1.idoc'); // true
 */
export function compilePattern(pattern: string | RegExp): (name: string) => boolean {
  if (pattern instanceof RegExp) {
    const regexp = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return (name) => regexp.test(name);
  }
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] as string;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end === -1) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(index + 1, end);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      index = end;
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const regexp = new RegExp(`^${source}$`, 's');
  const hidden = pattern.startsWith('.');
  return (name) => (hidden || !name.startsWith('.')) && regexp.test(name);
}
