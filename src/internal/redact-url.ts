/**
 * Query parameter names whose values are credentials: OAuth tokens, API keys, passwords,
 * signed-URL signatures (AWS `X-Amz-Signature`, Azure `sig`), session ids and OAuth codes.
 */
const SECRET_PARAMETER =
  /token|secret|passw|pwd|api-?key|^key$|^auth|credential|signature|^sig$|session|^sid$|^code$|jwt|bearer|private/i;

/** The user info of an absolute or scheme-relative URL: everything up to the last `@` of its authority. */
const USER_INFO = /^((?:[a-z][a-z0-9+.-]*:)?\/\/)[^/?#]*@/i;

/** What stands in place of a removed value. */
export const REDACTED = '[REDACTED]';

/**
 * Removes the credentials from a URL so that it can go into an error or a log: the user info
 * (`https://user:password@host`), the values of query parameters whose names look secret
 * (`access_token`, `api_key`, `client_secret`, `X-Amz-Signature`, `sig`, `code`...) and the
 * fragment. Everything else is kept as it was written, so the URL still identifies the call.
 *
 * Works on any string, including relative and malformed URLs, and never throws.
 *
 * @returns the redacted URL.
 * @example
 * redactUrl('https://u:p@mes.example/api/orders?plant=DE01&api_key=abc#x');
 * // 'https://mes.example/api/orders?plant=DE01&api_key=[REDACTED]'
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const base = (question === -1 ? withoutFragment : withoutFragment.slice(0, question)).replace(
    USER_INFO,
    '$1',
  );
  if (question === -1) return base;
  const query = withoutFragment
    .slice(question + 1)
    .split('&')
    .map(redactParameter)
    .join('&');
  return `${base}?${query}`;
}

function redactParameter(parameter: string): string {
  const equals = parameter.indexOf('=');
  const name = equals === -1 ? parameter : parameter.slice(0, equals);
  if (!SECRET_PARAMETER.test(decodeName(name).replaceAll('_', '-'))) return parameter;
  return `${name}=${REDACTED}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
