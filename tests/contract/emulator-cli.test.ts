import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = ['node_modules/.bin/tsx', 'mocks/hosts/server-cli.ts'];

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(CLI[0]!, [...CLI.slice(1), '--port', '0', ...args], { timeout: 30_000 });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

// The standalone CLI refuses bad set-up files before listening, naming the file, the path and what to do.
describe('npm run emulator with --seed FILE / --template FILE', () => {
  it('exits 2 listing a seed file’s dangling references', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const file = join(dir, 'bad.seed.yaml');
    writeFileSync(file, 'userPools:\n  - name: p\n    groups: [{ name: g, role: Nope }]\nidentityPools:\n  - name: ip\n    providers: [{ userPool: q }]\n');
    const { code, stderr } = await cli(['--seed', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file} is not a valid seed file (2 problems; nothing was loaded)`);
    expect(stderr).toContain(`${file}: userPools[0].groups[0].role: no role named "Nope" in this file; roles: none.`);
    expect(stderr).toContain(`${file}: identityPools[0].providers[0].userPool: no user pool named "q" in this file; user pools: p.`);
  }, 40_000);

  it('exits 2 naming the template parameter to pass', async () => {
    const { code, stderr } = await cli(['--seed', 'empty', '--template', 'infra/poolkeeper-admin.yaml']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'infra/poolkeeper-admin.yaml cannot be deployed (1 problem; nothing was loaded):\n' +
        '  - infra/poolkeeper-admin.yaml: Parameters.UserPoolId: the parameter has no Default; pass --parameter UserPoolId=<value>.\n',
    );
  }, 40_000);
});
