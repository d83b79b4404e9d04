import { existsSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/** `npm start` prints how to sign in, next to the URL Vite prints. */
function printDemoSignIn(): Plugin {
  return {
    name: 'poolkeeper-demo-sign-in',
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const live = existsSync(fileURLToPath(new URL('./public/config.json', import.meta.url)));
          server.config.logger.info(
            live
              ? '\n  Poolkeeper runs in live mode with public/config.json (remove it to use the embedded emulator).\n'
              : [
              '',
              '  Poolkeeper runs on the embedded emulator (no public/config.json found).',
              '  Sign in as the demo operator:  admin@example.com  /  Admin-Passw0rd!',
              '  A user who is not an admin:    user@example.com   /  User-Passw0rd!',
              '',
                ].join('\n'),
          );
        }, 50);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), printDemoSignIn()],
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
  build: { target: 'es2022', sourcemap: true },
});
