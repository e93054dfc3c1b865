/**
 * Reads a response body as JSON, as the JSON helpers and `responseType: 'json'` do.
 * @param text - the body decoded as UTF-8.
 * @returns the parsed value; the text itself when it is not JSON (the server accepted the
 *   request, so the answer is handed over, not reported as a failure); undefined for an empty
 *   body (204, or a 201 without content).
 * @example
 * readJsonBody('{"id":"1"}'); // { id: '1' }
 * readJsonBody('Created'); // 'Created'
 */
export function readJsonBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
