import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '@/app/app';
import { ConfigErrorPage } from '@/app/config-error-page';
import type { ConfigResult } from '@/config/app-config';
import { fetchConfigFile, isEmulatedStartup, resolveEmulatedConfig, resolveLiveConfig } from '@/config/load-config';
import type { Runtime } from '@/config/runtime-context';
import { FullPageLoading } from '@/components/full-page-loading';
import '@/styles/index.css';

/**
 * Start-up: read /config.json (VITE_* variables override it). Without either, start the embedded
 * emulator's service worker and use its demo config — the only place src/ touches mocks/.
 */
async function start(root: Root) {
  const env = import.meta.env as Record<string, unknown>;
  const file = await fetchConfigFile(`${import.meta.env.BASE_URL}config.json`);

  let result: ConfigResult;
  let runtime: Omit<Runtime, 'config'>;
  let source: string;
  if (isEmulatedStartup(file, env)) {
    root.render(<FullPageLoading label="Starting the built-in emulator…" />);
    const [{ startBrowserEmulator }, { DEMO }] = await Promise.all([import('@poolkeeper/cognito-emulator/browser'), import('@poolkeeper/cognito-emulator')]);
    const emulator = await startBrowserEmulator();
    result = resolveEmulatedConfig(emulator.config, env);
    source = 'the built-in emulator';
    runtime = {
      mode: 'emulated',
      emulation: { reset: () => emulator.reset(), demoOperator: { username: DEMO.operator.username, password: DEMO.operator.password } },
    };
  } else {
    result = resolveLiveConfig(file, env);
    source = file.kind === 'absent' ? 'VITE_* variables' : 'config.json and VITE_* variables';
    runtime = { mode: 'live' };
  }

  if (!result.ok) {
    root.render(<ConfigErrorPage problems={result.problems} source={source} />);
    return;
  }
  root.render(
    <StrictMode>
      <App runtime={{ ...runtime, config: result.config }} />
    </StrictMode>,
  );
}

function StartupFailure({ message }: { message: string }) {
  return (
    <main className="config-error" id="main">
      <div className="config-error__panel" role="alert">
        <h1>Poolkeeper could not start</h1>
        <p>{message}</p>
        <p>
          The built-in emulator needs a service worker, which browsers allow only on https:// or http://localhost pages and not in some
          private-browsing modes. Open the dashboard that way, or give it a <code>config.json</code> for a real pool.
        </p>
      </div>
    </main>
  );
}

const element = document.getElementById('root');
if (element) {
  const root = createRoot(element);
  root.render(<FullPageLoading label="Loading Poolkeeper…" />);
  start(root).catch((error: unknown) => {
    console.error(error);
    root.render(<StartupFailure message={error instanceof Error ? error.message : String(error)} />);
  });
}
