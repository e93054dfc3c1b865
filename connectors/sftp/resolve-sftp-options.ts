import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { readOptionsOnce } from '../../src/internal/read-options-once.js';
import { MAX_DURATION_MS } from '../http/resolve-http-options.js';
import type { ResolvedHostKey } from './host-key-verifier.js';
import { displayPath } from './remote-path.js';
import type { SftpClientOptions, SftpLogger } from './sftp-options.js';

/** {@link SftpClientOptions} with every default filled in and every value checked. */
export interface ResolvedSftpOptions {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly privateKey: string | Buffer | undefined;
  readonly passphrase: string | undefined;
  readonly password: string | undefined;
  /** Every credential, never to be shown. */
  readonly secrets: readonly string[];
  readonly hostKey: ResolvedHostKey;
  readonly rootDir: string;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveCountMax: number;
  readonly connectTimeoutMs: number;
  readonly operationTimeoutMs: number;
  readonly closeTimeoutMs: number;
  readonly fileMode: number;
  readonly retry: { readonly attempts: number; readonly baseDelayMs: number; readonly maxDelayMs: number };
  readonly logger: SftpLogger;
  /** `sftp://host:port`, the start of every error's URL. */
  readonly origin: string;
}

const RETRY_DEFAULTS = { attempts: 4, baseDelayMs: 200, maxDelayMs: 30_000 };
const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a host name holds no control character.
const HOST = /^[^\s/@?#\u0000-\u001f\u007f]+$/;
const silentLogger: SftpLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Every option of an SFTP client, each read once. */
const OPTION_NAMES = [
  'host',
  'port',
  'username',
  'privateKey',
  'passphrase',
  'password',
  'hostKey',
  'rootDir',
  'keepaliveIntervalMs',
  'keepaliveCountMax',
  'connectTimeoutMs',
  'operationTimeoutMs',
  'closeTimeoutMs',
  'fileMode',
  'retry',
  'logger',
] as const satisfies readonly (keyof SftpClientOptions)[];

/**
 * Checks the options of an SFTP client and fills every default, once, when it is created.
 * @returns the resolved options.
 * @throws {ValidationError} listing every invalid option by JSON Pointer (`/hostKey`,
 *   `/port`...); the messages never repeat a credential. An option that cannot be read (a
 *   throwing getter or Proxy trap, a revoked Proxy) is an `invalid_input` issue at its path.
 */
export function resolveSftpOptions(options: SftpClientOptions): ResolvedSftpOptions {
  const schema = 'SftpClientOptions';
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: 'the options must be an object' }],
      {
        schema,
      },
    );
  }
  options = readOptionsOnce(options, OPTION_NAMES, schema);
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ path, code: 'invalid_value', message });
  };
  const { host, username, privateKey, passphrase, password } = options;
  check(typeof host === 'string' && HOST.test(host), '/host', 'must be a host name or IP address');
  const port = options.port ?? 22;
  check(Number.isInteger(port) && port >= 1 && port <= 65_535, '/port', 'must be an integer from 1 to 65535');
  check(typeof username === 'string' && username !== '', '/username', 'must be a non-empty string');
  const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
  check(
    privateKey === undefined || isText(privateKey) || Buffer.isBuffer(privateKey),
    '/privateKey',
    'must be the key as a string or Buffer (its content, not its path)',
  );
  check(passphrase === undefined || isText(passphrase), '/passphrase', 'must be a non-empty string');
  check(password === undefined || isText(password), '/password', 'must be a non-empty string');
  check(privateKey !== undefined || password !== undefined, '', 'needs a `privateKey` or a `password`');
  const hostKey = resolveHostKey(options.hostKey, check);

  const rootDir = options.rootDir ?? '/';
  check(
    typeof rootDir === 'string' &&
      rootDir.startsWith('/') &&
      !rootDir.split('/').includes('..') &&
      displayPath(rootDir) === rootDir,
    '/rootDir',
    'must be an absolute path without ".." segments or control characters',
  );
  const durations = {
    keepaliveIntervalMs: options.keepaliveIntervalMs ?? 5_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 20_000,
    operationTimeoutMs: options.operationTimeoutMs ?? 60_000,
    closeTimeoutMs: options.closeTimeoutMs ?? 10_000,
  };
  for (const [key, value] of Object.entries(durations)) {
    check(isDuration(value), `/${key}`, `must be an integer > 0 and at most ${MAX_DURATION_MS}`);
  }
  const keepaliveCountMax = options.keepaliveCountMax ?? 3;
  check(
    Number.isInteger(keepaliveCountMax) && keepaliveCountMax >= 1,
    '/keepaliveCountMax',
    'must be an integer >= 1',
  );
  const fileMode = options.fileMode ?? 0o640;
  check(
    Number.isInteger(fileMode) && fileMode >= 0 && fileMode <= 0o7777,
    '/fileMode',
    'must be a mode from 0 to 0o7777',
  );
  const retryGiven = options.retry;
  check(
    retryGiven === undefined || (typeof retryGiven === 'object' && retryGiven !== null),
    '/retry',
    'must be an object',
  );
  const retry = { ...RETRY_DEFAULTS, ...definedFields(retryGiven ?? {}) };
  check(
    Number.isInteger(retry.attempts) && retry.attempts >= 1,
    '/retry/attempts',
    'must be an integer >= 1',
  );
  for (const key of ['baseDelayMs', 'maxDelayMs'] as const) {
    check(
      typeof retry[key] === 'number' && retry[key] >= 0 && retry[key] <= MAX_DURATION_MS,
      `/retry/${key}`,
      `must be a number from 0 to ${MAX_DURATION_MS}`,
    );
  }
  const logger = options.logger ?? silentLogger;
  check(
    ['debug', 'info', 'warn', 'error'].every(
      (level) => typeof (logger as unknown as Record<string, unknown>)[level] === 'function',
    ),
    '/logger',
    'must have debug, info, warn and error methods',
  );
  if (issues.length > 0 || hostKey === undefined) throw new ValidationError(issues, { schema });
  const secrets = [
    password,
    passphrase,
    typeof privateKey === 'string' ? privateKey : privateKey?.toString('utf8'),
  ].filter((secret): secret is string => secret !== undefined && secret !== '');
  return {
    host,
    port,
    username,
    privateKey,
    passphrase,
    password,
    secrets,
    hostKey,
    rootDir: rootDir.length > 1 ? rootDir.replace(/\/+$/, '') : rootDir,
    ...durations,
    keepaliveCountMax,
    fileMode,
    retry,
    logger,
    origin: `sftp://${host.includes(':') ? `[${host}]` : host}:${port}`,
  };
}

function resolveHostKey(
  hostKey: SftpClientOptions['hostKey'] | undefined,
  check: (ok: boolean, path: string, message: string) => void,
): ResolvedHostKey | undefined {
  if (typeof hostKey !== 'object' || hostKey === null) {
    check(
      false,
      '/hostKey',
      'is required: { sha256: "SHA256:..." } or { knownHostsFile } (or, for tests only, { insecureAcceptAnyHostKey: true })',
    );
    return undefined;
  }
  const given = Object.keys(hostKey).filter((key) => (hostKey as Record<string, unknown>)[key] !== undefined);
  if (given.length !== 1) {
    check(false, '/hostKey', 'must hold exactly one of sha256, knownHostsFile and insecureAcceptAnyHostKey');
    return undefined;
  }
  if ('sha256' in hostKey) {
    const fingerprints = typeof hostKey.sha256 === 'string' ? [hostKey.sha256] : hostKey.sha256;
    const valid =
      Array.isArray(fingerprints) &&
      fingerprints.length > 0 &&
      fingerprints.every(
        (fingerprint) => typeof fingerprint === 'string' && FINGERPRINT.test(fingerprint.trim()),
      );
    check(
      valid,
      '/hostKey/sha256',
      'must be a fingerprint as ssh-keygen -lf prints it: SHA256: and 43 base64 characters',
    );
    return valid
      ? {
          type: 'sha256',
          fingerprints: fingerprints.map((fingerprint) => fingerprint.trim().replace(/=$/, '')),
        }
      : undefined;
  }
  if ('knownHostsFile' in hostKey) {
    const valid = typeof hostKey.knownHostsFile === 'string' && hostKey.knownHostsFile !== '';
    check(valid, '/hostKey/knownHostsFile', 'must be the path of a known_hosts file');
    return valid ? { type: 'known-hosts', file: hostKey.knownHostsFile } : undefined;
  }
  if ('insecureAcceptAnyHostKey' in hostKey) {
    const valid = hostKey.insecureAcceptAnyHostKey === true;
    check(valid, '/hostKey/insecureAcceptAnyHostKey', 'must be true');
    return valid ? { type: 'insecure' } : undefined;
  }
  check(false, '/hostKey', 'must hold one of sha256, knownHostsFile and insecureAcceptAnyHostKey');
  return undefined;
}

function isDuration(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_DURATION_MS;
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
