#!/usr/bin/env node
// The last line of `npm test`: every unit, contract and end-to-end test counted in one line.
import { readFileSync } from 'node:fs';

function read(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = read('reports/unit.json');
const e2e = read('reports/e2e.json');
if (!unit || !e2e) {
  console.error('test summary: a test report is missing (reports/unit.json or e2e.json)');
  process.exit(1);
}
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`\nunit and contract: ${unit.numPassedTests} passed; end-to-end in Chromium: ${e2e.stats.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
