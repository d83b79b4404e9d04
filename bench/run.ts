// `npm run bench`: prints performance figures and their ratios to the targets. Figures, not
// assertions: the unit tests stay fast and deterministic, and a slow machine prints a slow figure.
import { benchEmulator } from './emulator';
import { benchUsersList } from './users-list';

const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  emulator: benchEmulator,
  'users-list': async () => {
    await benchUsersList();
  },
  browser: async () => (await import('./browser')).benchBrowser(),
  start: async () => (await import('./start')).benchStart(),
  review: async () => (await import('./review')).benchReview(),
};

console.log(`# Poolkeeper benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  await run();
}
