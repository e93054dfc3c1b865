import { isSecretName, secretParameterValues } from '../../../src/internal/redact-url.js';
import type { HttpRequest } from '../http-request.js';

/**
 * Values shorter than this are not redacted: a secret of one to three characters cannot be
 * protected by redaction (it is guessed faster), and replacing every `1` of a body would make
 * the error unreadable.
 */
export const MIN_SECRET_LENGTH = 4;
/** The longest request body searched for secret fields (1 MiB). */
const BODY_SCAN_LIMIT = 1_048_576;
/** The most JSON values visited in a body. */
const MAX_VALUES = 10_000;
const FORM = /^application\/x-www-form-urlencoded/i;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json/i;
/** `Bearer abc`, `Basic dXNlcjpwYXNz`: a scheme, then the credential. */
const SCHEME_AND_CREDENTIAL = /^([A-Za-z][\w-]*) +(\S+)\s*$/;

/**
 * The secrets one request carries besides the client's credentials, for redaction: the values of
 * query and matrix parameters, headers, cookies, form fields and JSON fields whose names say
 * they are credentials (`api_key`, `;jsessionid=`, `Ocp-Apim-Subscription-Key`,
 * `Authorization`, `password`, `client_assertion`... see `isSecretName`), the whole `Cookie`
 * header, and the credential inside a per-call `Authorization` header (decoded for Basic).
 * Only read when an error or a log line is made, never on the way out.
 *
 * @returns the secrets, each at least {@link MIN_SECRET_LENGTH} characters long.
 */
export function collectRequestSecrets(request: HttpRequest): string[] {
  const secrets = secretParameterValues(request.url);
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'cookie') secrets.push(value, ...cookieSecrets(value));
    else if (isSecretName(name)) secrets.push(value, ...credentialOf(value));
  }
  if (typeof request.body === 'string' && request.body.length <= BODY_SCAN_LIMIT) {
    secrets.push(...bodySecrets(request.body, request.headers['content-type'] ?? ''));
  }
  return [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH);
}

function cookieSecrets(header: string): string[] {
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=');
    if (equals !== -1 && isSecretName(pair.slice(0, equals).trim()))
      values.push(pair.slice(equals + 1).trim());
  }
  return values;
}

/** The credential after the scheme, and for Basic the decoded `user:password` and the password. */
function credentialOf(value: string): string[] {
  const match = SCHEME_AND_CREDENTIAL.exec(value);
  if (match === null) return [];
  const credential = match[2] as string;
  if ((match[1] as string).toLowerCase() !== 'basic') return [credential];
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? [credential, decoded] : [credential, decoded, decoded.slice(colon + 1)];
}

function bodySecrets(body: string, contentType: string): string[] {
  if (FORM.test(contentType)) {
    return [...new URLSearchParams(body)].filter(([name]) => isSecretName(name)).map(([, value]) => value);
  }
  const start = body.trimStart()[0];
  if (!JSON_TYPE.test(contentType) && start !== '{' && start !== '[') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const values: string[] = [];
  const pending: unknown[] = [parsed];
  for (let visited = 0; pending.length > 0 && visited < MAX_VALUES; visited += 1) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [name, field] of Object.entries(value)) {
      if ((typeof field === 'string' || typeof field === 'number') && isSecretName(name))
        values.push(String(field));
      else pending.push(field);
    }
  }
  return values;
}
