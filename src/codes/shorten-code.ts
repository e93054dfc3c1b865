/**
 * How many characters of a code from untrusted input an error's `value`, a tracked unmapped code
 * or a hook keep. Real codes are far shorter (SAP's are at most 40); the bound keeps a 100 MB
 * "code" from being copied into errors, logs and counters.
 */
export const MAX_SHOWN_CODE_LENGTH = 256;

/**
 * A code as errors and unmapped-code counters keep it: unchanged up to
 * {@link MAX_SHOWN_CODE_LENGTH} characters, else its first characters followed by `…` (a new,
 * short string, so the long one is not kept alive).
 * @returns the code, or its shortened form.
 * @example shortenCode('REL') // 'REL'
 */
export function shortenCode(code: string): string {
  if (code.length <= MAX_SHOWN_CODE_LENGTH) return code;
  // Copy the slice so that it does not point into (and keep alive) the long string.
  let start = code.slice(0, MAX_SHOWN_CODE_LENGTH - 1);
  // Do not cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1);
  return `${[...start].join('')}…`;
}
