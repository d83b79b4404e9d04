import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { Emulator, type EmulatorOptions } from '../model/emulator';
import '../seed';
import { DEMO, type DemoConfig } from '../seed/demo';
import { createRouter } from '../protocol/router';
import { AWS_HOST_PATTERNS } from './handlers';
import { writeThrough } from './write-through';
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
  /** service worker script URL (default: `mockServiceWorker.js` under Vite's base path, or `/mockServiceWorker.js` without Vite) */
  serviceWorkerUrl?: string;
}

/**
 * The dashboard's default mode: the msw service worker answers the real AWS hostnames from an
 * in-browser emulator whose state survives reloads (IndexedDB). Other requests (the app's own
 * assets) pass through untouched.
 */
export async function startBrowserEmulator(options: BrowserEmulatorOptions = {}): Promise<BrowserEmulator> {
  const { databaseName = 'poolkeeper-emulator', serviceWorkerUrl, ...emulatorOptions } = options;
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

  // Write-through: a mutating call is answered only once its state is in IndexedDB, so a reload
  // (or a crash) right after any response never loses what that response reported.
  const persistence = writeThrough(async () => {
    if (store) await store.write(current.snapshot());
  });
  if (!restored) persistence.markDirty();
  const unsubscribe = current.onChange(() => persistence.markDirty());
  const save = () => persistence.flush().catch((error: unknown) => console.warn('Emulator state was not saved', error));
  await save();

  const route = createRouter(current);
  const worker = setupWorker(
    ...AWS_HOST_PATTERNS.map((pattern) =>
      http.all(pattern, async ({ request }) => {
        const response = await route(request);
        await save(); // also waits for a write under way that holds this call's change
        return response;
      }),
    ),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: serviceWorkerUrl ?? `${basePath()}mockServiceWorker.js` },
  });

  return {
    emulator: current,
    worker,
    config: DEMO.config,
    restored,
    async reset() {
      await current.reset();
      persistence.markDirty();
      await save();
    },
    stop() {
      unsubscribe();
      worker.stop();
    },
  };
}

/** Vite's base path when a Vite app bundles this; '/' under other bundlers, which have no import.meta.env. */
function basePath(): string {
  const env = (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env;
  return env?.BASE_URL ?? '/';
}
