#!/usr/bin/env node
// The `cognito-emulator` command. The CLI itself is mocks/hosts/server-cli.ts, built into dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/hosts/server-cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error(
    'cognito-emulator: the built CLI (dist/hosts/server-cli.js) is missing.\n' +
      'In the Poolkeeper repository use `npm run emulator -- [options]`, or build it with `npm run build -w mocks`.',
  );
  process.exit(1);
}
await import(cli.href);
