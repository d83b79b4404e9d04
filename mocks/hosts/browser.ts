import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { Emulator, type EmulatorOptions } from '../model/emulator';
import '../seed';
import { DEMO, type DemoConfig } from '../seed/demo';
import { createRouter } from '../protocol/router';
import { AWS_HOST_PATTERNS } from './handlers';
import { writeThrough } from './write-through';
import { openSnapshotStore } from './snapshot-store';
import { rootContext } from '../model/arrange';

export interface BrowserEmulator {
  emulator: Emulator;
  worker: SetupWorker;
  /** back to the demo seed, saved at once */
  reset(): Promise<void>;
  /** the dashboard's runtime config for the demo seed, with the demo pool's password policy */
  config: DemoConfig & { passwordPolicy?: RuntimePasswordPolicy };
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
  const workerUrl = serviceWorkerUrl ?? `${basePath()}mockServiceWorker.js`;
  await settleWorkerUpdates(workerUrl);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: workerUrl } });

  return {
    emulator: current,
    worker,
    config: await demoRuntimeConfig(current),
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

interface RuntimePasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

/**
 * The demo config plus the demo pool's password policy as the pool holds it now (a restored state
 * may differ from the seed), so the new-password screen checks what the pool will — a deployer
 * writes `passwordPolicy` into config.json for the same reason. Without it the screen showed
 * Cognito's default (8 characters) while the demo pool needs 10.
 */
async function demoRuntimeConfig(emulator: Emulator): Promise<BrowserEmulator['config']> {
  const root = rootContext(DEMO.region);
  try {
    const described = (await emulator.idp.call('DescribeUserPool', { UserPoolId: DEMO.config.userPoolId }, root)) as {
      UserPool?: { Policies?: { PasswordPolicy?: { MinimumLength?: number; RequireUppercase?: boolean; RequireLowercase?: boolean; RequireNumbers?: boolean; RequireSymbols?: boolean } } };
    };
    const policy = described.UserPool?.Policies?.PasswordPolicy;
    if (!policy) return DEMO.config;
    return {
      ...DEMO.config,
      passwordPolicy: {
        minimumLength: policy.MinimumLength ?? 8,
        requireUppercase: policy.RequireUppercase === true,
        requireLowercase: policy.RequireLowercase === true,
        requireNumbers: policy.RequireNumbers === true,
        requireSymbols: policy.RequireSymbols === true,
      },
    };
  } catch {
    return DEMO.config; // the demo pool is gone from a restored state: the screen falls back to Cognito's default
  }
}

/**
 * msw's start() calls `registration.update()` on a worker it finds registered and drops the
 * promise. msw's worker unregisters itself when its last tab closes — a reload of the only tab
 * races that: start() can still find the registration while it is being removed, and the update
 * then rejects ("the registration is uninstalling"); so does one whose script fetch fails. That
 * rejection surfaced as an uncaught error in about one session in four. The registration object is
 * the same one msw gets, so its update() is wrapped here: a failed check becomes a warning, and
 * msw goes on as it does when no update is needed (re-registering if the worker is gone).
 */
async function settleWorkerUpdates(workerUrl: string): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const scriptUrl = new URL(workerUrl, location.href).href;
  const registrations = await navigator.serviceWorker.getRegistrations().catch(() => []);
  for (const registration of registrations) {
    const worker = registration.active ?? registration.waiting ?? registration.installing;
    if (worker?.scriptURL !== scriptUrl) continue;
    const update = registration.update.bind(registration);
    registration.update = () => {
      const checked = update();
      checked.catch((error: unknown) => console.warn('The emulator\'s service worker could not check for an update; the installed one keeps working.', error));
      return checked;
    };
  }
}

/** Vite's base path when a Vite app bundles this; '/' under other bundlers, which have no import.meta.env. */
function basePath(): string {
  const env = (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env;
  return env?.BASE_URL ?? '/';
}
