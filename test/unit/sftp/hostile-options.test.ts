// createSftpClient and pollSftp given options a caller's code made hostile: a revoked Proxy, a
// getter that throws, a getter that answers differently later, or no client at all. Each ends
// in a ValidationError, never a TypeError or the caller's own exception, and each option is read
// once.
import { ValidationError } from 'millwright';
import { createSftpClient, pollSftp, type SftpClientOptions } from 'millwright/sftp';
import { describe, expect, it } from 'vitest';
import { catchError } from '../../support/catch-error.js';

const base: SftpClientOptions = {
  host: 'sftp.example',
  username: 'mes',
  password: 'secret-pw',
  hostKey: { sha256: `SHA256:${'a'.repeat(43)}` },
};

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe('createSftpClient with hostile options', () => {
  it('refuses a revoked Proxy with invalid_input issues, not a TypeError', () => {
    const error = catchError(ValidationError, () => createSftpClient(revoked() as SftpClientOptions));
    expect(error.issues.every((issue) => issue.code === 'invalid_input')).toBe(true);
    expect(error.issues.map((issue) => issue.path)).toContain('/host');
  });

  it('names the option whose getter throws, keeps the thrown value as the cause, and repeats no secret', () => {
    const thrown = new Error('password secret-pw is wrong');
    const options = {
      ...base,
      get port(): number {
        throw thrown;
      },
    };
    const error = catchError(ValidationError, () => createSftpClient(options));
    expect(error.issues).toEqual([
      { path: '/port', code: 'invalid_input', message: 'could not be read (a getter or Proxy trap threw)' },
    ]);
    expect(error.cause).toBe(thrown);
    expect(JSON.stringify(error.toJSON())).not.toContain('secret-pw');
  });

  it('reads each option once: a host valid at first and invalid later is used as first read', () => {
    let reads = 0;
    const options = {
      ...base,
      get host(): string {
        reads += 1;
        return reads === 1 ? 'sftp.example' : 'bad host\n';
      },
    };
    const client = createSftpClient(options);
    expect(reads).toBe(1);
    void client.close();
  });
});

describe('pollSftp with hostile arguments', () => {
  const handler = async (): Promise<void> => undefined;
  const options = { dir: '/out', archiveDir: '/out/archive', errorDir: '/out/error' };

  it.each([null, undefined, 42, {}])('refuses %j as the client instead of polling nothing', (sftp) => {
    const error = catchError(ValidationError, () => pollSftp(sftp as never, options, handler));
    expect(error.message).toContain('pollSftp needs the client createSftpClient made');
  });

  it('refuses options that are a revoked Proxy or whose getter throws, with typed issues', () => {
    const client = createSftpClient(base);
    try {
      const revokedError = catchError(ValidationError, () => pollSftp(client, revoked() as never, handler));
      expect(revokedError.issues.map((issue) => issue.path)).toContain('/dir');
      const throwing = {
        ...options,
        get logger(): never {
          throw new Error('boom');
        },
      };
      const error = catchError(ValidationError, () => pollSftp(client, throwing, handler));
      expect(error.issues).toEqual([
        {
          path: '/logger',
          code: 'invalid_input',
          message: 'could not be read (a getter or Proxy trap threw)',
        },
      ]);
    } finally {
      void client.close();
    }
  });
});

describe('list with a bad pattern', () => {
  it('refuses a pattern that is neither a glob nor a RegExp before connecting', async () => {
    const client = createSftpClient(base);
    try {
      const error = await client.list('/out', { pattern: 5 as never }).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        { path: '/pattern', code: 'invalid_type', message: 'must be a glob string or a RegExp, not 5' },
      ]);
    } finally {
      await client.close();
    }
  });
});
