import { ValidationError } from '../../src/errors/validation-error.js';

/**
 * Serialises a request body as JSON.
 * @returns the JSON text.
 * @throws {ValidationError} code `VALIDATION_FAILED` (issue `not_serializable`) when the value
 *   cannot be JSON (a BigInt, a cycle, a throwing `toJSON`), before anything is sent.
 */
export function serializeJsonBody(body: unknown): string {
  try {
    const json = JSON.stringify(body);
    if (json !== undefined) return json;
  } catch {
    // Reported below, without the value: the body may hold anything.
  }
  throw new ValidationError(
    [{ path: '', code: 'not_serializable', message: 'the request body cannot be serialised as JSON' }],
    { schema: 'request body' },
  );
}
