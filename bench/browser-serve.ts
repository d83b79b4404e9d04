/**
 * The production build served the way operators deploy it: `vite build` into a temporary
 * directory (never the repository's tracked files), then `vite preview` on a free 127.0.0.1 port.
 * Both run node_modules/.bin/vite directly so the process we stop is the one we started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const VITE = path.resolve('node_modules/.bin/vite');

export interface PreviewServer {
  url: string;
  outDir: string;
  close(): Promise<void>;
}

/** A port nobody listens on right now (vite preview then binds it with --strictPort). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(VITE, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vite ${args[0]} took longer than ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`vite ${args.join(' ')} exited with ${code}\n${stderr}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]);
  if (!killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Builds the app into a fresh temporary directory and serves it; close() stops vite and removes the build. */
export async function buildAndPreview(): Promise<PreviewServer> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'poolkeeper-bench-'));
  let child: ChildProcess | undefined;
  const close = async () => {
    if (child) await stop(child);
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    await run(['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], 180_000);
    // A fixed port when the machine is shared out in port blocks; else any free one.
    const port = Number(process.env.BENCH_PREVIEW_PORT) || (await freePort());
    child = spawn(VITE, ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(url, child, 30_000);
    return { url, outDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}
