import { setupWorker, type SetupWorker } from 'msw/browser';
import { Emulator, type EmulatorOptions } from '../model/emulator';
import '../seed';
import { DEMO, type DemoConfig } from '../seed/demo';
import { handlers } from './handlers';
import { openSnapshotStore } from './snapshot-store';

export interface BrowserEmulator {
  emulator: Emulator;
  worker: SetupWorker;
  /** back to the demo seed, saved at once */
  reset(): Promise<void>;
  /** the dashboard's runtime config for the demo seed */
  config: DemoConfig;
  /** whether this page load continued a saved state (false: fresh seed) */
  restored: boolean;
  stop(): void;
}

export interface BrowserEmulatorOptions extends EmulatorOptions {
  /** IndexedDB database holding the saved state (default 'poolkeeper-emulator') */
  databaseName?: string;
  /** debounce for saves after mutating calls (ms), default 400 */
  saveDelayMs?: number;
  /** service worker script URL (default `${import.meta.env.BASE_URL}mockServiceWorker.js`) */
  serviceWorkerUrl?: string;
}

/**
 * The dashboard's default mode: the msw service worker answers the real AWS hostnames from an
 * in-browser emulator whose state survives reloads (IndexedDB). Other requests (the app's own
 * assets) pass through untouched.
 */
export async function startBrowserEmulator(options: BrowserEmulatorOptions = {}): Promise<BrowserEmulator> {
  const { databaseName = 'poolkeeper-emulator', saveDelayMs = 400, serviceWorkerUrl, ...emulatorOptions } = options;
  // Private windows and locked-down browsers may refuse IndexedDB: then state lasts one page load.
  const store = await openSnapshotStore(databaseName).catch(() => undefined);
  const saved = store ? await store.read().catch(() => undefined) : undefined;

  let emulator: Emulator | undefined;
  if (saved) {
    try {
      emulator = Emulator.restore(saved, emulatorOptions);
    } catch {
      emulator = undefined; // an older or damaged snapshot: start from the seed
    }
  }
  const restored = emulator !== undefined;
  emulator ??= new Emulator(emulatorOptions);
  await emulator.ready;
  const current = emulator;

  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (store) await store.write(current.snapshot());
  };
  const unsubscribe = current.onChange(() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save().catch((error: unknown) => console.warn('Emulator state was not saved', error)), saveDelayMs);
  });
  // A reload right after a change must not lose it.
  const flush = () => {
    if (timer) void save();
  };
  addEventListener('pagehide', flush);
  if (!restored) await save().catch(() => undefined);

  const worker = setupWorker(...handlers(current));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: serviceWorkerUrl ?? `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });

  return {
    emulator: current,
    worker,
    config: DEMO.config,
    restored,
    async reset() {
      await current.reset();
      await save();
    },
    stop() {
      unsubscribe();
      removeEventListener('pagehide', flush);
      worker.stop();
    },
  };
}
