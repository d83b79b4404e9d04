import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
    },
    // @poolkeeper/cognito-emulator (mocks/) from its TypeScript source, as in vite.config.ts
    conditions: ['poolkeeper-source', ...defaultClientConditions],
  },
  // Node-environment tests resolve with the SSR conditions; Vitest's own default leaves out 'module'
  // (packages' bundler-only ESM builds), so keep that and add the source condition.
  ssr: { resolve: { conditions: ['poolkeeper-source', ...defaultServerConditions.filter((c) => c !== 'module')] } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'tests/contract/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}', 'tests/package/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fail-on-console.ts', 'tests/setup/testing-library.ts'],
    testTimeout: 20_000,
    pool: 'threads',
  },
});
