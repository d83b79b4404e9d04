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
  ssr: { resolve: { conditions: ['poolkeeper-source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'tests/contract/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup/fail-on-console.ts', 'tests/setup/testing-library.ts'],
    testTimeout: 20_000,
    pool: 'threads',
  },
});
