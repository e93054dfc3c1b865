import type { SecretRedactor } from './secret-redactor.js';

/** How deep a cause chain is copied; deeper causes are left out. */
const MAX_CAUSE_DEPTH = 4;
/** User info in a URL inside a message: `//user:password@`. */
const USER_INFO_IN_TEXT = /\/\/[^\s/?#@]*@/g;

/**
 * Makes a secret-free copy of a lower-level error, to attach as `cause`: its name, its `code`
 * and its message (with credentials redacted), and the same for its own causes. The copy
 * carries none of the original's other properties: an axios error holds the request
 * configuration, headers and credentials included, and must never be attached itself.
 *
 * @param error - anything that was thrown.
 * @param redactor - the client's redactor.
 * @returns a plain `Error` with `name`, `message`, `code` and `cause` only.
 */
export function sanitizeError(error: unknown, redactor: SecretRedactor): Error {
  return copyError(error, redactor, 0);
}

function copyError(error: unknown, redactor: SecretRedactor, depth: number): Error {
  const source = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const message = typeof source['message'] === 'string' ? source['message'] : String(error);
  const text = redactor.redact(message).replace(USER_INFO_IN_TEXT, '//');
  const cause =
    source['cause'] !== undefined && depth < MAX_CAUSE_DEPTH
      ? copyError(source['cause'], redactor, depth + 1)
      : undefined;
  const copy = cause === undefined ? new Error(text) : new Error(text, { cause });
  Object.defineProperty(copy, 'name', {
    value: typeof source['name'] === 'string' ? source['name'] : 'Error',
  });
  if (typeof source['code'] === 'string')
    Object.defineProperty(copy, 'code', { value: source['code'], enumerable: true });
  return copy;
}
