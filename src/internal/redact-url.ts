/**
 * Parts of a name (query or matrix parameter, header, cookie, form or JSON field) whose value is a
 * credential, found anywhere in the normalised name: OAuth tokens and assertions, API and
 * subscription keys (Azure API Management's `Ocp-Apim-Subscription-Key`), passwords and
 * passphrases, signed-URL signatures and key ids (AWS `X-Amz-Signature`, CloudFront
 * `Key-Pair-Id`), session ids (`jsessionid`, `SAP_SESSIONID_…`), SAP logon tickets (`MYSAPSSO2`),
 * HMACs, and `Authorization`-like names.
 */
const SECRET_NAME_PART =
  /token|secret|passw|passphrase|pwd|api-?key|subscription-?key|shared-?key|key-?pair-?id|credential|signature|assertion|session|jwt|bearer|private|hmac|mysapsso|(?:^|-)auth/;
/** Names that are credentials only as a whole: `key`, `sig`, `code` (an OAuth code), `policy` (CloudFront). */
const SECRET_NAME = /^(?:key|sig|code|policy)$/;
/** Words that make any name a credential: `user-pin`, `otp`, `connect.sid`, `pass`. */
const SECRET_WORD = /(?:^|-)(?:sid|pass|otp|pin)(?:-|$)/;

/** The user info of an absolute or scheme-relative URL: everything up to the last `@` of its authority. */
const USER_INFO = /^((?:[a-z][a-z0-9+.-]*:)?\/\/)[^/?#]*@/i;
/** A matrix parameter of a path segment: `;jsessionid=…`. */
const MATRIX_PARAMETER = /;([^;=/?#]*)=([^;/?#]*)/g;

/** What stands in place of a removed value. */
export const REDACTED = '[REDACTED]';

/**
 * Whether a name says its value is a credential. Case, `_`, `.`, spaces and camelCase do not
 * matter: `API_KEY`, `apiKey`, `api-key` and `Api.Key` are all one name.
 *
 * @param name - a decoded parameter, header, cookie or field name.
 * @returns true for names such as `access_token`, `client_assertion`, `Ocp-Apim-Subscription-Key`,
 *   `sharedKey`, `Key-Pair-Id`, `Policy`, `jsessionid`, `passphrase`, `pass`, `otp`, `pin`, `hmac`.
 * @example
 * isSecretName('subscription-key'); // true
 * isSecretName('plant'); // false
 */
export function isSecretName(name: string): boolean {
  // Read twice: as written (`JSessionId` holds `session`) and split at camelCase (`cardPin` holds the word `pin`).
  const plain = name.toLowerCase().replace(/[_.\s]+/g, '-');
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[_.\s]+/g, '-');
  return (
    SECRET_NAME.test(plain) ||
    SECRET_NAME_PART.test(plain) ||
    SECRET_NAME_PART.test(words) ||
    SECRET_WORD.test(plain) ||
    SECRET_WORD.test(words)
  );
}

/**
 * Removes the credentials from a URL so that it can go into an error or a log: the user info
 * (`https://user:password@host`), the values of query and matrix parameters whose names say
 * they are credentials (see {@link isSecretName}: `access_token`, `api_key`,
 * `subscription-key`, `X-Amz-Signature`, `;jsessionid=`...) and the fragment. Everything else is
 * kept as it was written, so the URL still identifies the call.
 *
 * Works on any string, including relative and malformed URLs, and never throws.
 *
 * @returns the redacted URL.
 * @example
 * redactUrl('https://u:p@mes.example/api/orders;jsessionid=s1?plant=DE01&api_key=abc#x');
 * // 'https://mes.example/api/orders;jsessionid=[REDACTED]?plant=DE01&api_key=[REDACTED]'
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const base = (question === -1 ? withoutFragment : withoutFragment.slice(0, question))
    .replace(USER_INFO, '$1')
    .replace(MATRIX_PARAMETER, (parameter, name: string) =>
      isSecretName(decodeName(name)) ? `;${name}=${REDACTED}` : parameter,
    );
  if (question === -1) return base;
  const query = withoutFragment
    .slice(question + 1)
    .split('&')
    .map(redactParameter)
    .join('&');
  return `${base}?${query}`;
}

/**
 * The values of a URL's query and matrix parameters whose names say they are credentials, decoded,
 * so that they can be redacted wherever a server echoes them.
 *
 * @returns the values, each as written and decoded; empty values are left out.
 * @example
 * secretParameterValues('https://h/a;jsessionid=s1?plant=DE01&api_key=k%201'); // ['s1', 'k%201', 'k 1']
 */
export function secretParameterValues(url: string): string[] {
  const hash = url.indexOf('#');
  const withoutFragment = hash === -1 ? url : url.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const path = question === -1 ? withoutFragment : withoutFragment.slice(0, question);
  const pairs: [string, string][] = [...path.matchAll(MATRIX_PARAMETER)].map((match) => [
    match[1] ?? '',
    match[2] ?? '',
  ]);
  if (question !== -1) {
    for (const parameter of withoutFragment.slice(question + 1).split('&')) {
      const equals = parameter.indexOf('=');
      if (equals !== -1) pairs.push([parameter.slice(0, equals), parameter.slice(equals + 1)]);
    }
  }
  const values: string[] = [];
  for (const [name, value] of pairs) {
    if (value === '' || !isSecretName(decodeName(name))) continue;
    values.push(value);
    const decoded = decodeName(value);
    if (decoded !== value) values.push(decoded);
  }
  return values;
}

function redactParameter(parameter: string): string {
  const equals = parameter.indexOf('=');
  const name = equals === -1 ? parameter : parameter.slice(0, equals);
  if (!isSecretName(decodeName(name))) return parameter;
  return `${name}=${REDACTED}`;
}

/** Percent-decodes a name or value (`+` as a space, as forms write it); the text as it is when it is malformed. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
