/**
 * The Email & codes routes against the emulator's node host, signed with the demo operator's
 * identity-pool credentials (or root credentials for pools the operator's role does not cover),
 * in a memory router with the runtime the app would give them.
 */
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { DEMO } from '@poolkeeper/cognito-emulator';
import type { AdminContextValue } from '../../../src/aws/admin-context';
import type { AppConfig } from '../../../src/config/app-config';
import { RuntimeProvider } from '../../../src/config/runtime-context';
import { routes } from '../../../src/features/email/routes';
import { testQueryClient, WithAdmin } from '../../../src/lib/testing/admin-context';
import { operatorCredentials, sdkClients } from '../../support/aws';
import { ROOT, type Credentials, type EmulatorTarget } from '../../support/targets';

export const OPERATOR = { username: 'operator-not-in-this-test', sub: '00000000-0000-4000-8000-00000000000a', email: DEMO.operator.email, groups: [DEMO.adminGroup] };

export async function operatorContext(target: EmulatorTarget): Promise<AdminContextValue> {
  return contextFor(target, DEMO.userPoolId, await operatorCredentials(target));
}

export function contextFor(target: EmulatorTarget, userPoolId: string, credentials: Credentials = ROOT, sesRegion: string = DEMO.region, clientId: string = DEMO.adminClientId): AdminContextValue {
  const clients = sdkClients(target, credentials);
  return { idp: clients.idp, ses: sdkClients({ ...target, clientConfig: (c) => ({ ...target.clientConfig(c), region: sesRegion }) }, credentials).ses, region: DEMO.region, sesRegion, userPoolId, adminGroup: DEMO.adminGroup, clientId, operator: OPERATOR };
}

export function renderEmail(ctx: AdminContextValue, path = '/email', mode: 'emulated' | 'live' = 'emulated') {
  const config: AppConfig = { ...DEMO.config, userPoolId: ctx.userPoolId, sesRegion: ctx.sesRegion, idleTimeoutMinutes: 30 };
  const router = createMemoryRouter([{ path: '/', children: [...routes, { path: 'users/*', element: <p>users page</p> }] }], { initialEntries: [path] });
  const view = render(
    <RuntimeProvider runtime={{ config, mode }}>
      <WithAdmin value={ctx} client={testQueryClient()}>
        <RouterProvider router={router} />
      </WithAdmin>
    </RuntimeProvider>,
  );
  return { ...view, router };
}

/** Looks a user up the way support does and waits for the checklist. */
export async function lookUp(user: { type: (el: Element, text: string) => Promise<void>; click: (el: Element) => Promise<void>; clear: (el: Element) => Promise<void> }, who: string) {
  const input = await screen.findByLabelText('Username, email or phone', {}, { timeout: 10_000 });
  await user.clear(input);
  await user.type(input, who);
  await user.click(screen.getByRole('button', { name: 'Look up' }));
}

/** The checklist row of one rule. */
export function rule(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`[data-rule="${id}"]`);
  if (!row) throw new Error(`no checklist rule ${id}`);
  return row;
}
