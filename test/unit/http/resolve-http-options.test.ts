import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { ValidationError } from 'millwright';
import { describe, expect, it } from 'vitest';
import { resolveHttpOptions, USER_AGENT } from '../../../connectors/http/resolve-http-options.js';

const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => issue.path);
  }
  return [];
}

describe('resolveHttpOptions', () => {
  it('names millwright and the version of package.json in the User-Agent', () => {
    expect(USER_AGENT).toBe(`millwright/${version}`);
  });

  it('fills every default', () => {
    const resolved = resolveHttpOptions({ baseURL: 'https://mes.example/api/' });
    expect(resolved).toMatchObject({
      baseURL: 'https://mes.example/api',
      origin: 'https://mes.example',
      auth: null,
      secrets: [],
      retry: { attempts: 4, baseDelayMs: 200, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 },
      timeoutMs: 10_000,
      maxResponseBytes: 32 * 1024 * 1024,
      circuitBreaker: null,
      rateLimit: null,
      headers: { 'user-agent': USER_AGENT },
      onRetry: null,
    });
    expect(resolved.correlationId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(resolved.httpAgent).toMatchObject({ keepAlive: true });
    expect(() => resolved.logger.error('silent')).not.toThrow();
  });

  it('keeps given values, fills the rest of a partial group, and lower-cases header names', () => {
    const agent = new Agent();
    const resolved = resolveHttpOptions({
      baseURL: 'https://mes.example',
      retry: { attempts: 2, maxDelayMs: undefined },
      circuitBreaker: { failureThreshold: 3 },
      rateLimit: { requestsPerSecond: 2.5 },
      headers: { 'X-Plant': 'DE01', Accept: 'application/vnd.mes+json' },
      httpAgent: agent,
    });
    expect(resolved.retry).toEqual({
      attempts: 2,
      baseDelayMs: 200,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 120_000,
    });
    expect(resolved.circuitBreaker).toEqual({ failureThreshold: 3, resetAfterMs: 30_000 });
    expect(resolved.rateLimit).toEqual({ requestsPerSecond: 2.5, burst: 3 });
    expect(resolved.headers).toEqual({
      'user-agent': USER_AGENT,
      accept: 'application/vnd.mes+json',
      'x-plant': 'DE01',
    });
    expect(resolved.httpAgent).toBe(agent);
  });

  it('prepares each kind of credentials and lists its secret forms', () => {
    const basic = resolveHttpOptions({
      baseURL: 'https://h',
      auth: { type: 'basic', username: 'u', password: 'p w' },
    });
    expect(basic.auth).toEqual({ type: 'header', name: 'authorization', value: 'Basic dTpwIHc=' });
    expect(basic.secrets).toEqual(['p w', 'dTpwIHc=']);
    const apiKey = resolveHttpOptions({
      baseURL: 'https://h',
      auth: { type: 'api-key', header: 'X-API-Key', value: 'k' },
    });
    expect(apiKey.auth).toEqual({ type: 'header', name: 'x-api-key', value: 'k' });
    const oauth = resolveHttpOptions({
      baseURL: 'https://h',
      auth: {
        type: 'oauth2-client-credentials',
        tokenUrl: 'https://login/t',
        clientId: 'id:1',
        clientSecret: 's+/',
        scope: 'a b',
      },
    });
    expect(oauth.auth).toEqual({
      type: 'oauth2-client-credentials',
      tokenUrl: 'https://login/t',
      form: 'grant_type=client_credentials&scope=a+b',
      authorization: `Basic ${Buffer.from('id%3A1:s%2B%2F').toString('base64')}`,
    });
    expect(oauth.secrets).toContain('s+/');
  });

  it('reports every invalid option at once, by JSON Pointer', () => {
    expect(
      issuesOf(() =>
        resolveHttpOptions({
          baseURL: 'https://user:pw@mes.example',
          retry: { attempts: 1.5, baseDelayMs: -1, maxRetryAfterMs: Number.NaN },
          timeoutMs: 0,
          circuitBreaker: { failureThreshold: 0, resetAfterMs: Number.POSITIVE_INFINITY },
          rateLimit: { requestsPerSecond: 0, burst: 0 },
          headers: { 'bad header': 'x' },
          correlationId: 'abc' as never,
        }),
      ).sort(),
    ).toEqual([
      '/baseURL',
      '/circuitBreaker/failureThreshold',
      '/circuitBreaker/resetAfterMs',
      '/correlationId',
      '/headers/bad header',
      '/rateLimit/burst',
      '/rateLimit/requestsPerSecond',
      '/retry/attempts',
      '/retry/baseDelayMs',
      '/retry/maxRetryAfterMs',
      '/timeoutMs',
    ]);
  });

  it('reports options that are not objects instead of failing with a TypeError', () => {
    expect(issuesOf(() => resolveHttpOptions(undefined as never))).toEqual(['']);
    expect(
      issuesOf(() =>
        resolveHttpOptions({
          baseURL: 'https://h',
          auth: null,
          retry: 3,
          rateLimit: 'fast',
          headers: null,
        } as never),
      ).sort(),
    ).toEqual(['/auth', '/headers', '/rateLimit', '/retry']);
  });

  it('checks credentials without repeating them in the messages', () => {
    try {
      resolveHttpOptions({
        baseURL: 'https://h',
        auth: { type: 'bearer', token: 'tok\nINJECTED' },
      });
      expect.unreachable();
    } catch (error) {
      const text = JSON.stringify(error) + String((error as Error).message);
      expect(text).not.toContain('INJECTED');
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['/auth/token']);
    }
    expect(
      issuesOf(() =>
        resolveHttpOptions({ baseURL: 'https://h', auth: { type: 'basic', username: 'a:b', password: '' } }),
      ),
    ).toEqual(['/auth/password', '/auth/username']);
    expect(
      issuesOf(() =>
        resolveHttpOptions({
          baseURL: 'https://h',
          auth: { type: 'api-key', header: 'X-Key', value: 'k\r\nX: y' },
        }),
      ),
    ).toEqual(['/auth/value']);
    expect(
      issuesOf(() => resolveHttpOptions({ baseURL: 'https://h', auth: { type: 'magic' } as never })),
    ).toEqual(['/auth/type']);
  });

  it('refuses credentials over plain http to another host, not to the local machine', () => {
    const auth = { type: 'bearer', token: 't' } as const;
    expect(issuesOf(() => resolveHttpOptions({ baseURL: 'http://mes.example', auth }))).toEqual(['/baseURL']);
    for (const baseURL of [
      'http://localhost:3000',
      'http://127.0.0.1',
      'http://[::1]:8080',
      'https://mes.example',
    ]) {
      expect(issuesOf(() => resolveHttpOptions({ baseURL, auth }))).toEqual([]);
    }
    expect(
      issuesOf(() => resolveHttpOptions({ baseURL: 'http://mes.example', auth, allowInsecureAuth: true })),
    ).toEqual([]);
    const oauth = {
      type: 'oauth2-client-credentials',
      tokenUrl: 'http://login.example/t',
      clientId: 'a',
      clientSecret: 'b',
    } as const;
    expect(issuesOf(() => resolveHttpOptions({ baseURL: 'https://mes.example', auth: oauth }))).toEqual([
      '/auth/tokenUrl',
    ]);
  });

  it('accepts any characters in credentials that are encoded before they are sent', () => {
    const basic = resolveHttpOptions({
      baseURL: 'https://h',
      auth: { type: 'basic', username: 'müller', password: 'Grüße€2026\n' },
    });
    expect(basic.auth).toEqual({
      type: 'header',
      name: 'authorization',
      value: `Basic ${Buffer.from('müller:Grüße€2026\n', 'utf8').toString('base64')}`,
    });
    const oauth = resolveHttpOptions({
      baseURL: 'https://h',
      auth: {
        type: 'oauth2-client-credentials',
        tokenUrl: 'https://login/t',
        clientId: 'client€',
        clientSecret: 's€cret',
        clientAuthentication: 'body',
      },
    });
    expect(oauth.auth).toMatchObject({
      form: 'grant_type=client_credentials&client_id=client%E2%82%AC&client_secret=s%E2%82%ACcret',
    });
    expect(oauth.secrets).toContain('s€cret');
  });

  it('caps every duration at 2,147,483,647 ms, the longest a Node.js timer waits', () => {
    const max = 2_147_483_647;
    const durations = (value: number) => ({
      baseURL: 'https://h',
      timeoutMs: value,
      retry: { baseDelayMs: value, maxDelayMs: value, maxRetryAfterMs: value },
      circuitBreaker: { resetAfterMs: value },
    });
    expect(issuesOf(() => resolveHttpOptions(durations(max)))).toEqual([]);
    expect(issuesOf(() => resolveHttpOptions(durations(max + 1))).sort()).toEqual([
      '/circuitBreaker/resetAfterMs',
      '/retry/baseDelayMs',
      '/retry/maxDelayMs',
      '/retry/maxRetryAfterMs',
      '/timeoutMs',
    ]);
    expect(issuesOf(() => resolveHttpOptions({ baseURL: 'https://h', timeoutMs: 3_000_000_000 }))).toEqual([
      '/timeoutMs',
    ]);
  });

  it('checks maxResponseBytes', () => {
    expect(resolveHttpOptions({ baseURL: 'https://h', maxResponseBytes: 1024 }).maxResponseBytes).toBe(1024);
    for (const bad of [0, -1, 1.5, Number.POSITIVE_INFINITY, '1' as never]) {
      expect(issuesOf(() => resolveHttpOptions({ baseURL: 'https://h', maxResponseBytes: bad }))).toEqual([
        '/maxResponseBytes',
      ]);
    }
  });

  it('refuses client-wide headers that must differ per call, pointing to the per-call options', () => {
    try {
      resolveHttpOptions({
        baseURL: 'https://h',
        headers: { 'Idempotency-Key': 'k', 'X-Correlation-ID': 'c', traceparent: 't', 'x-plant': 'DE01' },
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as ValidationError).issues;
      expect(issues.map((issue) => issue.path).sort()).toEqual([
        '/headers/Idempotency-Key',
        '/headers/X-Correlation-ID',
        '/headers/traceparent',
      ]);
      expect(issues.find((issue) => issue.path === '/headers/Idempotency-Key')?.message).toContain(
        'idempotencyKey',
      );
    }
    expect(issuesOf(() => resolveHttpOptions({ baseURL: 'https://h', headers: { 'a/b~c': 'x' } }))).toEqual([
      '/headers/a~1b~0c',
    ]);
  });
});
