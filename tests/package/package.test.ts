/**
 * The emulator as someone outside this repository gets it: `npm pack` in mocks/ (which builds
 * through prepack), the tarball installed into a scratch project in the OS temp folder with only
 * registry dependencies, and there (a) the msw handlers with the real AWS SDK and
 * amazon-cognito-identity-js, the set-up API and the Node host, (b) the `cognito-emulator` bin on
 * a free port called over HTTP, (c) the shipped type declarations under nodenext resolution.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchManifests } from './scratch-project';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const mocks = path.join(repo, 'mocks');
const outside = fileURLToPath(new URL('./outside', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(mocks, 'package.json'), 'utf8'));
const version = (name: string) => JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version as string;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let scratch: string;
let packedFiles: string[];

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'cognito-emulator-outside-'));
  // --json prints the tarball's file list; the prepack build's own output goes before it.
  const out = run('npm', ['pack', '--json', '--pack-destination', scratch], mocks);
  const [packed] = JSON.parse(out.slice(out.indexOf('\n[') + 1)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packedFiles = packed!.files.map((file) => file.path);

  const { pkg, lock } = scratchManifests({
    repoLock: JSON.parse(readFileSync(path.join(repo, 'package-lock.json'), 'utf8')),
    tarball: { file: packed!.filename, path: path.join(scratch, packed!.filename), manifest },
    registryDeps: Object.fromEntries(
      ['msw', '@aws-sdk/client-cognito-identity-provider', 'amazon-cognito-identity-js', '@types/node'].map((name) => [name, version(name)]),
    ),
  });
  writeFileSync(path.join(scratch, 'package.json'), JSON.stringify(pkg, null, 2));
  writeFileSync(path.join(scratch, 'package-lock.json'), JSON.stringify(lock, null, 2));
  run('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], scratch);
  for (const file of ['msw-sign-in.mjs', 'types-check.ts']) copyFileSync(path.join(outside, file), path.join(scratch, file));
}, 240_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

// Each step spawns Node or tsc; generous limits for a loaded CI machine (about 5 s each here).
describe('the packed @poolkeeper/cognito-emulator in a project outside this repository', { timeout: 90_000 }, () => {
  it('ships the built entries, the bin and the docs, and no sources or tests', () => {
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/cognito-emulator.js', 'dist/index.js', 'dist/index.d.ts']) {
      expect(packedFiles).toContain(file);
    }
    for (const entry of ['msw', 'node', 'server', 'browser']) {
      const target = manifest.exports[`./${entry}`].default.replace(/^\.\//, '');
      expect(packedFiles).toContain(target);
      expect(packedFiles).toContain(target.replace(/\.js$/, '.d.ts'));
    }
    expect(packedFiles.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    expect(packedFiles.filter((file) => /test/.test(file))).toEqual([]);
  });

  it('serves msw handlers to the real AWS SDK and to SRP sign-in with amazon-cognito-identity-js', () => {
    const result = JSON.parse(run('node', ['msw-sign-in.mjs'], scratch).trim().split('\n').at(-1)!);
    expect(result.operatorGroups).toContain('admins');
    expect(result.operatorEmail).toBe('admin@example.com');
    expect(result.wrongPassword).toBe('NotAuthorizedException: Incorrect username or password.');
    expect(result.listedOperator).toBe(1);
    expect(result.unknownUser).toBe('UserNotFoundException: User does not exist.');
    expect(result.createdPoolGroups).toEqual(['editors']);
    expect(result.nodeHostSub).toBe('string');
    expect(result.deepImport).toContain("'@poolkeeper/cognito-emulator/model/emulator' is not an entry point");
    expect(result.deepImport).toContain("'@poolkeeper/cognito-emulator/node'");
  });

  it('runs the cognito-emulator bin on a free port and answers over HTTP', async () => {
    const child: ChildProcess = spawn(path.join(scratch, 'node_modules/.bin/cognito-emulator'), ['--port', '0', '--seed', 'demo'], { cwd: scratch });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`cognito-emulator exited with ${code}:\n${out}`)));
      });
      const health = (await (await fetch(`${url}/_emulator/health`)).json()) as { status: string };
      expect(health.status).toBe('ok');
      const idp = new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: url, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
      const listed = await idp.send(new ListUsersCommand({ UserPoolId: 'us-east-1_DemoPool1', Filter: 'email = "admin@example.com"' }));
      expect(listed.Users?.map((user) => user.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['admin@example.com']);
      const stopped = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await stopped).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('type-checks against the shipped declarations with nodenext resolution', () => {
    writeFileSync(
      path.join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
        files: ['types-check.ts'],
      }),
    );
    const tsc = spawnSync('node', [path.join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
