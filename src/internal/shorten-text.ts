/**
 * How many characters of a text from untrusted input (a code, an object key) an error's `value`,
 * `path` or message, a tracked unmapped code or a hook keep. Real codes and keys are far shorter
 * (SAP's codes are at most 40); the bound keeps a 100 MB "code" or key from being copied into
 * errors, logs and counters.
 */
export const MAX_SHOWN_TEXT_LENGTH = 256;

/**
 * A text as errors and unmapped-code counters keep it: unchanged up to
 * {@link MAX_SHOWN_TEXT_LENGTH} characters, else its first characters followed by `…` (a new,
 * short string, so the long one is not kept alive).
 * @returns the code, or its shortened form.
 * @example shortenText('REL') // 'REL'
 */
export function shortenText(text: string): string {
  if (text.length <= MAX_SHOWN_TEXT_LENGTH) return text;
  // Copy the slice so that it does not point into (and keep alive) the long string.
  let start = text.slice(0, MAX_SHOWN_TEXT_LENGTH - 1);
  // Do not cut a surrogate pair in two.
  if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1);
  return `${[...start].join('')}…`;
}
