import { afterEach } from 'vitest';

// React warnings and unexpected errors must not pile up unseen: any console.error
// (or console.warn) during a test fails that test.
const seen: string[] = [];
const original = { error: console.error, warn: console.warn };
for (const level of ['error', 'warn'] as const) {
  console[level] = (...args: unknown[]) => {
    seen.push(`console.${level}: ${args.map(String).join(' ')}`);
    original[level](...args);
  };
}
afterEach(() => {
  if (seen.length > 0) {
    const messages = seen.splice(0);
    throw new Error(`Unexpected console output:\n${messages.join('\n')}`);
  }
});
