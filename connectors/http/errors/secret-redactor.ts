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
 * Creates the redactor of one client. Besides each credential as given it looks for the forms
 * in which a server may echo it: URL-encoded, form-encoded and escaped inside a JSON string.
 *
 * @param secrets - the credentials known when the client is created.
 * @returns the redactor.
 */
export function createSecretRedactor(secrets: readonly string[]): SecretRedactor {
  const fixed = secrets.flatMap(encodings);
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
      if (pattern === undefined) pattern = compile([...fixed, ...dynamic.flatMap(encodings)]);
      return pattern === null ? text : text.replace(pattern, REDACTED);
    },
  };
}

function encodings(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
  ];
}

/** One pattern for all secrets, longest first, so that a secret inside another is not cut out of it. */
function compile(secrets: readonly string[]): RegExp | null {
  const unique = [...new Set(secrets.filter((secret) => secret !== ''))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return null;
  return new RegExp(unique.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}
