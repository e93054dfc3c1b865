import { REDACTED } from '../../../src/internal/redact-url.js';

/** Replaces a client's credentials in any text that may end up in an error or a log. */
export interface SecretRedactor {
  /** Adds a credential obtained at run time, e.g. a fresh OAuth2 access token. */
  add(secret: string): void;
  /** Returns the text with every known credential, in any of its encodings, replaced by `[REDACTED]`. */
  redact(text: string): string;
}

/** How many run-time secrets (access tokens) are remembered; older ones have expired. */
const DYNAMIC_SECRETS_KEPT = 8;

/**
 * Creates the redactor of one client. It finds each credential however a server echoes it: every
 * character as it is or in any of its encodings, mixed as a server mixes them: percent-encoded
 * (UTF-8, either case of hex), `+` for a space, escaped in a JSON string (`\"`, `\/`, `\u00fc`,
 * surrogate pairs), or as an HTML or XML character reference (named, decimal or hexadecimal,
 * with or without leading zeros), or as a JSON Pointer token (`~0`, `~1`). Letters are matched without regard to case, so a server that
 * changes the case of what it echoes does not reveal it either.
 *
 * @param secrets - the credentials known when the client is created.
 * @returns the redactor.
 */
export function createSecretRedactor(secrets: readonly string[]): SecretRedactor {
  const fixed = secrets.filter((secret) => secret !== '');
  let dynamic: string[] = [];
  // undefined: to be compiled; null: nothing to redact.
  let pattern: RegExp | null | undefined;
  return {
    add(secret) {
      if (secret === '' || dynamic.includes(secret)) return;
      dynamic = [secret, ...dynamic].slice(0, DYNAMIC_SECRETS_KEPT);
      pattern = undefined;
    },
    redact(text) {
      if (pattern === undefined) pattern = compile([...fixed, ...dynamic]);
      return pattern === null ? text : text.replace(pattern, REDACTED);
    },
  };
}

/**
 * A redactor that removes `secrets` (the secrets of one call) and then whatever `base` removes.
 * @returns the combined redactor; `add` goes to `base`.
 */
export function extendRedactor(base: SecretRedactor, secrets: readonly string[]): SecretRedactor {
  if (secrets.length === 0) return base;
  const own = createSecretRedactor(secrets);
  return {
    add: (secret) => base.add(secret),
    redact: (text) => base.redact(own.redact(text)),
  };
}

/** The named references of the characters HTML and XML escape. */
const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * One pattern for all secrets, longest first, so that a secret inside another is not cut out of
 * it. Each secret is also looked for without blanks at its ends, as a server sees it in a header.
 */
function compile(secrets: readonly string[]): RegExp | null {
  const unique = [...new Set(secrets.flatMap((secret) => [secret, secret.trim()]))]
    .filter((secret) => secret !== '')
    .sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(unique.map((secret) => [...secret].map(characterPattern).join('')).join('|'), 'gi');
}

/** A character in any of the forms a server may echo it in. */
function characterPattern(char: string): string {
  const code = char.codePointAt(0) as number;
  const literals = new Set([
    char,
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    JSON.stringify(char).slice(1, -1),
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  ]);
  if (char === ' ') literals.add('+');
  // JSON Pointer tokens: a secret echoed as a key shows up in an issue path as `~0` and `~1`.
  if (char === '/') {
    literals.add('\\/');
    literals.add('~1');
  }
  if (char === '~') literals.add('~0');
  const named = NAMED_REFERENCES[char];
  if (named !== undefined) literals.add(named);
  const references = [`&#0*${code};`, `&#x0*${code.toString(16)};`];
  // Longest first: `\\` (JSON for one backslash) must not match as two raw backslashes.
  const forms = [...literals].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return `(?:${[...forms, ...references].join('|')})`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
