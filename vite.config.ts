import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Logger, type Plugin } from 'vite';

const deployerConfig = fileURLToPath(new URL('./public/config.json', import.meta.url));
const hasDeployerConfig = () => existsSync(deployerConfig);
const markerJson = readFileSync(fileURLToPath(new URL('./src/config/embedded-emulator-config.json', import.meta.url)), 'utf8');

/**
 * Without public/config.json, /config.json answers with the embedded-emulator marker instead of a
 * 404 (which every browser logs as a console error): the dev and preview servers answer it, and the
 * build writes it to dist/ so any static host serves it. A deployer's public/config.json wins
 * everywhere — Vite copies public/ into dist/ and serves it first.
 */
export function embeddedEmulatorConfig(): Plugin {
  const answer = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/config.json' || hasDeployerConfig()) return next();
    response.setHeader('content-type', 'application/json');
    response.setHeader('cache-control', 'no-store');
    response.end(markerJson);
  };
  return {
    name: 'poolkeeper-embedded-emulator-config',
    configureServer(server) {
      server.middlewares.use(answer);
    },
    configurePreviewServer(server) {
      server.middlewares.use(answer);
    },
    generateBundle() {
      if (!hasDeployerConfig()) this.emitFile({ type: 'asset', fileName: 'config.json', source: markerJson });
    },
  };
}

function signInHelp(logger: Logger) {
  logger.info(
    hasDeployerConfig()
      ? '\n  Poolkeeper runs in live mode with public/config.json (remove it to use the embedded emulator).\n'
      : [
          '',
          '  Poolkeeper runs on the embedded emulator (no public/config.json found).',
          '  Sign in as the demo operator:  admin@example.com  /  Admin-Passw0rd!',
          '  A user who is not an admin:    user@example.com   /  User-Passw0rd!',
          '',
        ].join('\n'),
  );
}

/** `npm start` (vite preview) and `npm run dev` print how to sign in, next to the URL Vite prints. */
export function printDemoSignIn(): Plugin {
  return {
    name: 'poolkeeper-demo-sign-in',
    configureServer(server) {
      server.httpServer?.once('listening', () => setTimeout(() => signInHelp(server.config.logger), 50));
    },
    configurePreviewServer(server) {
      server.httpServer.once('listening', () => setTimeout(() => signInHelp(server.config.logger), 50));
    },
  };
}


export default defineConfig({
  plugins: [react(), embeddedEmulatorConfig(), printDemoSignIn()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
    // The emulator package (workspace mocks/) is used through its exports, from its TypeScript
    // source: no package build is needed to start, test or build the dashboard.
    conditions: ['poolkeeper-source', ...defaultClientConditions],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The largest chunk (~570 kB) is the embedded emulator, loaded only in emulated mode.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 700 },
});
