import { randomBytes } from 'node:crypto';
import { ValidationError, type ValidationIssue } from '../../src/errors/validation-error.js';
import { MAX_DURATION_MS } from '../http/resolve-http-options.js';
import { CONSUMER_ID } from './claim-name.js';
import type { PollSftpOptions } from './poll-sftp-options.js';
import { fileNameProblem } from './remote-path.js';

/** {@link PollSftpOptions} with every default filled in and every value checked. */
export interface ResolvedPollOptions {
  readonly dir: string;
  readonly archiveDir: string;
  readonly errorDir: string;
  readonly pattern: string | RegExp;
  readonly intervalMs: number;
  readonly readLock:
    | { readonly type: 'stable'; readonly checkIntervalMs: number; readonly timeoutMs: number }
    | { readonly type: 'done-file'; readonly suffix: string };
  readonly maxFilesPerPoll: number;
  readonly claimTimeoutMs: number;
  readonly consumerId: string;
  readonly maxAttempts: number;
}

/**
 * Checks the options of a consumer and fills every default.
 * @returns the resolved options.
 * @throws {ValidationError} listing every invalid option by JSON Pointer.
 */
export function resolvePollOptions(options: PollSftpOptions, handler: unknown): ResolvedPollOptions {
  const schema = 'PollSftpOptions';
  if (typeof options !== 'object' || options === null) {
    throw new ValidationError(
      [{ path: '', code: 'invalid_type', message: 'the options must be an object' }],
      { schema },
    );
  }
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, message: string): void => {
    if (!ok) issues.push({ path, code: 'invalid_value', message });
  };
  const isDuration = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_DURATION_MS;
  const isCount = (value: unknown): value is number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1;
  for (const key of ['dir', 'archiveDir', 'errorDir'] as const) {
    check(
      typeof options[key] === 'string' && options[key] !== '',
      `/${key}`,
      'must be a remote directory path',
    );
  }
  const normalise = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);
  const dir = normalise(String(options.dir));
  for (const key of ['archiveDir', 'errorDir'] as const) {
    check(normalise(String(options[key])) !== dir, `/${key}`, 'must not be the polled folder');
  }
  const pattern = options.pattern ?? '*';
  check(
    typeof pattern === 'string' || pattern instanceof RegExp,
    '/pattern',
    'must be a glob string or a RegExp',
  );
  const intervalMs = options.intervalMs ?? 5_000;
  check(isDuration(intervalMs), '/intervalMs', `must be an integer > 0 and at most ${MAX_DURATION_MS}`);
  const given = options.readLock ?? { type: 'stable' };
  let readLock: ResolvedPollOptions['readLock'] = {
    type: 'stable',
    checkIntervalMs: 1_000,
    timeoutMs: 10_000,
  };
  if (given.type === 'stable') {
    readLock = {
      type: 'stable',
      checkIntervalMs: given.checkIntervalMs ?? 1_000,
      timeoutMs: given.timeoutMs ?? 10_000,
    };
    check(isDuration(readLock.checkIntervalMs), '/readLock/checkIntervalMs', 'must be an integer > 0');
    check(isDuration(readLock.timeoutMs), '/readLock/timeoutMs', 'must be an integer > 0');
  } else if (given.type === 'done-file') {
    readLock = { type: 'done-file', suffix: given.suffix ?? '.done' };
    check(
      typeof readLock.suffix === 'string' &&
        readLock.suffix !== '' &&
        fileNameProblem(`x${readLock.suffix}`) === null,
      '/readLock/suffix',
      'must be a non-empty file name suffix',
    );
  } else {
    check(false, '/readLock/type', "must be 'stable' or 'done-file'");
  }
  const maxFilesPerPoll = options.maxFilesPerPoll ?? 100;
  check(isCount(maxFilesPerPoll), '/maxFilesPerPoll', 'must be an integer >= 1');
  const claimTimeoutMs = options.claimTimeoutMs ?? 600_000;
  check(
    isDuration(claimTimeoutMs),
    '/claimTimeoutMs',
    `must be an integer > 0 and at most ${MAX_DURATION_MS}`,
  );
  const consumerId = options.consumerId ?? randomBytes(6).toString('hex');
  check(
    typeof consumerId === 'string' && CONSUMER_ID.test(consumerId),
    '/consumerId',
    'must be 1 to 64 letters, digits, "_" or "-"',
  );
  const maxAttempts = options.maxAttempts ?? 3;
  check(isCount(maxAttempts), '/maxAttempts', 'must be an integer >= 1');
  const store = options.idempotency;
  check(
    store === undefined || (typeof store === 'object' && store !== null && typeof store.add === 'function'),
    '/idempotency',
    'must be an IdempotencyStore',
  );
  check(typeof handler === 'function', '', 'pollSftp needs a handler function');
  if (issues.length > 0) throw new ValidationError(issues, { schema });
  return {
    dir,
    archiveDir: normalise(options.archiveDir),
    errorDir: normalise(options.errorDir),
    pattern,
    intervalMs,
    readLock,
    maxFilesPerPoll,
    claimTimeoutMs,
    consumerId,
    maxAttempts,
  };
}
