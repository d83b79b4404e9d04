/**
 * Renders the test-login page against the emulator in-process (msw setupServer answering the real
 * AWS hostnames): the operator's clients sign with the root credentials, the test user's clients are
 * the panel's own, unsigned — the same code paths as in the browser.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createNodeEmulator, type NodeEmulator } from '@poolkeeper/cognito-emulator/node';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { FixedClock } from '../../support/fixed-clock';
import type { AdminContextValue } from '@/aws/admin-context';
import { createAdminClients } from '@/aws/admin-clients';
import type { AppConfig } from '@/config/app-config';
import { RuntimeProvider } from '@/config/runtime-context';
import { testQueryClient, WithAdmin } from '@/lib/testing/admin-context';
import { routes } from '@/features/test-login/routes';

export const CONFIG: AppConfig = { ...DEMO.config, idleTimeoutMinutes: 30 };

export function emulatorPerFile(): () => NodeEmulator {
  let host: NodeEmulator | undefined;
  beforeAll(async () => {
    host = createNodeEmulator({ seed: 'demo', users: 0, quotas: false, clock: new FixedClock(Date.now()) });
    host.listen();
    await host.ready;
  });
  afterEach(async () => host?.reset());
  afterAll(() => host?.close());
  return () => host!;
}

function operatorContext(config: AppConfig): AdminContextValue {
  const clients = createAdminClients(config, async () => ({ accessKeyId: 'test', secretAccessKey: 'test', sessionToken: '', expiration: new Date(Date.now() + 3600_000) }));
  return {
    ...clients,
    region: config.region,
    sesRegion: config.sesRegion,
    userPoolId: config.userPoolId,
    adminGroup: config.adminGroup,
    clientId: config.clientId,
    operator: { username: DEMO.operator.username, sub: '00000000-0000-4000-8000-00000000000a', email: DEMO.operator.email, groups: ['admins'] },
  };
}

export function renderTestLogin(config: AppConfig = CONFIG, mode: 'emulated' | 'live' = 'emulated') {
  const router = createMemoryRouter([{ path: '/', children: [...routes, { path: 'elsewhere', element: <h1>Elsewhere</h1> }] }], { initialEntries: ['/test-login'] });
  const view = render(
    <RuntimeProvider runtime={{ config, mode }}>
      <WithAdmin value={operatorContext(config)} client={testQueryClient()}>
        <RouterProvider router={router} />
      </WithAdmin>
    </RuntimeProvider>,
  );
  return { ...view, router, user: userEvent.setup() };
}

export const section = (id: string) => document.getElementById(`step-${id}`)!;

export async function waitForStep(id: string, status: 'Done' | 'Failed') {
  await waitFor(() => expect(section(id).querySelector('.badge')?.textContent).toBe(status), { timeout: 15_000 });
}

/** The alert in a step whose text matches (a step can show several: an explanation and the error). */
export function alertWith(container: HTMLElement, pattern: RegExp): HTMLElement {
  const alerts = [...container.querySelectorAll<HTMLElement>('[role="alert"]')];
  const found = alerts.find((a) => pattern.test(a.textContent ?? ''));
  if (!found) throw new Error(`No alert matches ${String(pattern)}; alerts: ${alerts.map((a) => a.textContent).join(' | ')}`);
  return found;
}

export { screen };
