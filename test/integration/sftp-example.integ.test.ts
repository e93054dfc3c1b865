// The SFTP example runs as a user runs it (`npx tsx examples/sftp-pick-up-loipro.ts`), against
// the test server it starts itself: two LOIPRO files archived, a broken one in the error folder.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('examples/sftp-pick-up-loipro.ts', () => {
  it('picks up LOIPRO files, maps their work orders, archives them and reports the broken one', async () => {
    const example = fileURLToPath(new URL('../../examples/sftp-pick-up-loipro.ts', import.meta.url));
    const env = { ...process.env };
    delete env['SFTP_HOST'];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(process.execPath, ['--import', 'tsx', example], { env, timeout: 60_000 }, (error, out, err) =>
        error ? reject(Object.assign(error, { stderr: err })) : resolve({ stdout: out, stderr: err }),
      );
    });
    expect(stdout).toContain(
      'LOIPRO_0000004711.idoc: work order 000001004720 000000000000004711 120 H87 (released)',
    );
    expect(stdout).toContain('LOIPRO_0000004712.idoc: work order');
    expect(stderr).toContain('2 file(s) handled; archive: LOIPRO_0000004711.idoc, LOIPRO_0000004712.idoc;');
    expect(stderr).toContain('"code": "INVALID_NUMBER"');
  });
});
