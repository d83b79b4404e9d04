#!/usr/bin/env node
// Runs the end-to-end specs in real Chromium. Fails early, with the fix, when no Chromium is found.
import { spawnSync } from 'node:child_process';
import { findChromium } from './find-chromium.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      'No Chromium found for the end-to-end tests.',
      'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or point CHROMIUM_PATH at a',
      'Chromium/Chrome binary, e.g. `CHROMIUM_PATH=/opt/chrome/chrome npm test`.',
      '(Playwright cannot download its own browser on machines without internet access.)',
    ].join('\n'),
  );
  process.exit(1);
}
const result = spawnSync('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
