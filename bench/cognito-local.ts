import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * cognito-local, when it can be resolved from here (it is not a dependency: install it next to the
 * checkout or globally with NODE_PATH to compare). Started from its own bin in a temporary
 * directory, so its .cognito data never lands in the repository. Undefined when not installed.
 */
export async function startCognitoLocal(): Promise<{ url: string; close: () => Promise<void> } | undefined> {
  let packageJson: string;
  try {
    packageJson = createRequire(import.meta.url).resolve('cognito-local/package.json');
  } catch {
    return undefined;
  }
  const bin = join(dirname(packageJson), 'lib', 'bin', 'start.js');
  const port = await freePort();
  const cwd = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const child = spawn(process.execPath, [bin], { cwd, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('cognito-local did not start within 20 s')), 20_000);
    const onData = (data: Buffer) => {
      if (data.toString().includes('Cognito Local running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`cognito-local exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
