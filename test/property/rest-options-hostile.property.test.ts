// The options a caller gives createRestClient may be hostile: a getter that throws or answers
// differently on a later read, a Proxy whose traps throw, a revoked Proxy, at the top or in any
// group (auth, retry, headers...). Whatever they do, createRestClient returns a client or throws
// a ValidationError (never a TypeError or the caller's own error), and reads each option once:
// what it resolves is what the first read gave.
import fc from 'fast-check';
import { isMillwrightError, ValidationError } from 'millwright';
import { createRestClient, type RestClientOptions } from 'millwright/rest';
import { describe, expect, it } from 'vitest';
import { resolveHttpOptions } from '../../connectors/http/resolve-http-options.js';
import {
  hostileAt,
  hostility,
  objectPaths,
  resultOrError,
  revokedProxy,
  thrownValue,
} from '../support/hostile-values.js';

const SAMPLES: readonly RestClientOptions[] = [
  { baseURL: 'https://mes.example/api' },
  {
    baseURL: 'https://mes.example/api',
    auth: { type: 'bearer', token: 'TOKEN-SECRET-1' },
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 100, maxRetryAfterMs: 1000 },
    timeoutMs: 5000,
    headers: { 'X-Plant': 'DE01', Accept: 'application/json' },
  },
  {
    baseURL: 'http://127.0.0.1:8080',
    auth: { type: 'basic', username: 'mes', password: 'PASSWORD-SECRET-2' },
    circuitBreaker: { failureThreshold: 2, resetAfterMs: 1000 },
    rateLimit: { requestsPerSecond: 5, burst: 2 },
    maxResponseBytes: 1024,
  },
  {
    baseURL: 'https://erp.example',
    auth: {
      type: 'oauth2-client-credentials',
      tokenUrl: 'https://login.example/token',
      clientId: 'millwright',
      clientSecret: 'CLIENT-SECRET-3',
      scope: 'api',
    },
  },
  { baseURL: 'https://mes.example', auth: { type: 'api-key', header: 'X-API-Key', value: 'KEY-SECRET-4' } },
];

/** What a changing getter answers after its first read: anything, and values that look almost right. */
const later = fc.oneof(
  fc.anything().map((value) => () => value),
  fc
    .constantFrom('ftp://evil.example', '', -1, 0, null, {}, [], 'http://evil.example', 'a\r\nb')
    .map((value) => () => value),
  fc.constant(revokedProxy),
);

/** The parts of resolved options that come from the caller's values. */
function essence(options: RestClientOptions): unknown {
  const {
    baseURL,
    origin,
    auth,
    secrets,
    retry,
    timeoutMs,
    maxResponseBytes,
    circuitBreaker,
    rateLimit,
    headers,
  } = resolveHttpOptions(options);
  return {
    baseURL,
    origin,
    auth,
    secrets,
    retry,
    timeoutMs,
    maxResponseBytes,
    circuitBreaker,
    rateLimit,
    headers,
  };
}

describe('createRestClient with hostile options (property)', () => {
  it('returns a client or throws a ValidationError, and resolves what the first read of each option gave', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        hostility(later),
        thrownValue,
        fc.nat(),
        (sample, how, thrown, pick) => {
          const paths = objectPaths(sample);
          const path = paths[pick % paths.length] as string[];
          const input = () => hostileAt(structuredClone(sample), path, how, thrown) as RestClientOptions;
          let error: unknown;
          try {
            createRestClient(input());
          } catch (caught) {
            error = caught;
          }
          if (error !== undefined) {
            expect(error).toBeInstanceOf(ValidationError);
            expect(isMillwrightError(error)).toBe(true);
            // A hostile thrown value, kept as cause, must not break the error's description.
            const text = `${(error as ValidationError).message}${JSON.stringify((error as ValidationError).toJSON())}`;
            expect(text).not.toMatch(/SECRET/);
            return;
          }
          const resolved = resultOrError(ValidationError, () => essence(input()));
          if (resolved !== undefined && how.kind !== 'throwing-iterator')
            expect(resolved).toEqual(essence(sample));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads each option once', () => {
    for (const sample of SAMPLES) {
      const reads = new Map<string, number>();
      const counted = (value: unknown, at: string): unknown => {
        if (typeof value !== 'object' || value === null) return value;
        return new Proxy(value, {
          get(target, key, receiver) {
            const path = `${at}/${String(key)}`;
            reads.set(path, (reads.get(path) ?? 0) + 1);
            return counted(Reflect.get(target, key, receiver), path);
          },
        });
      };
      createRestClient(counted(structuredClone(sample), '') as RestClientOptions);
      expect([...reads].filter(([, count]) => count > 1)).toEqual([]);
    }
  });

  it('ends a revoked Proxy or a throwing getter in a ValidationError at the option, with the cause', () => {
    const revoked = catchValidation(() => createRestClient(revokedProxy() as RestClientOptions));
    expect(revoked.issues.map((issue) => [issue.path, issue.code])).toEqual([['/baseURL', 'invalid_input']]);
    expect(revoked.cause).toBeInstanceOf(TypeError);
    const failure = new Error('x');
    const getter = catchValidation(() =>
      createRestClient({
        get baseURL(): string {
          throw failure;
        },
      }),
    );
    expect(getter.issues.map((issue) => issue.path)).toEqual(['/baseURL']);
    expect(getter.cause).toBe(failure);
    const group = catchValidation(() =>
      createRestClient({
        baseURL: 'https://h',
        retry: new Proxy(
          {},
          {
            ownKeys() {
              throw failure;
            },
          },
        ),
      }),
    );
    expect(group.issues.map((issue) => issue.path)).toEqual(['/retry']);
    expect(group.cause).toBe(failure);
  });
});

function catchValidation(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}
