import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/find-chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 4173);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 9339);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? findChromium() ?? undefined,
      args: chromiumArgs,
    },
  },
  webServer: [
    {
      // The standalone emulator for the live-mode spec (tests/e2e/live-endpoint.spec.ts).
      command: `node_modules/.bin/tsx mocks/hosts/server-cli.ts --port ${emulatorPort} --seed demo`,
      url: `http://127.0.0.1:${emulatorPort}/_emulator/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
    // A production build served by vite preview: what operators deploy, and far faster to load
    // in a test than the dev server's on-demand transforms of the AWS SDK.
    command: `node_modules/.bin/vite build --logLevel warn && node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    },
  ],
});
