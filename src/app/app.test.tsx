// @vitest-environment jsdom
import '@/lib/testing/dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPublicClients } from '@/aws/clients';
import type { IdTokenClaims } from '@/aws/token-verifier';
import type { Runtime } from '@/config/runtime-context';
import { SessionController } from '@/features/auth/session-controller';
import { SESSION_STORAGE_KEY, type SessionStorageLike } from '@/features/auth/session-store';
import { TEST_CONFIG } from '@/lib/testing/admin-context';
import { fakeCognitoIdp, fakeIdentityPool, fakeSes } from '@/lib/testing/fake-aws';
import { App } from './app';
import { FEATURES, type FeatureEntry } from './feature-registry';
import { createTestRouter } from './router';
import type { AppServices } from './services';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const globalSignOut = vi.fn((_input: Record<string, unknown>) => ({}));

function useFakePool() {
  server.use(
    fakeIdentityPool(),
    fakeCognitoIdp({
      DescribeUserPool: () => ({
        UserPool: { Id: TEST_CONFIG.userPoolId, Name: 'Acme customers', EstimatedNumberOfUsers: 42, MfaConfiguration: 'OFF', EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' } },
      }),
      ListGroups: () => ({ Groups: [{ GroupName: 'admins' }] }),
      ListUserPoolClients: () => ({ UserPoolClients: [{ ClientId: 'a' }] }),
      GlobalSignOut: globalSignOut,
    }),
    fakeSes({}),
  );
}

function memoryStorage(): SessionStorageLike {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** Services whose session starts from stored tokens; the verifier is stubbed (the contract tests verify real tokens). */
function servicesWith(groups: string[] | null): AppServices {
  const storage = memoryStorage();
  if (groups) {
    storage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({ userPoolId: TEST_CONFIG.userPoolId, clientId: TEST_CONFIG.clientId, tokens: { idToken: 'id', accessToken: 'access-token', refreshToken: 'refresh' }, startedAt: 1 }),
    );
  }
  const claims: IdTokenClaims = { sub: 'sub-1', username: 'sub-1', email: 'ada@example.com', groups: groups ?? [], expiresAt: Date.now() + 3600_000 };
  const publicClients = createPublicClients(TEST_CONFIG);
  const session = new SessionController({
    auth: { idp: publicClients.idp, clientId: TEST_CONFIG.clientId, userPoolId: TEST_CONFIG.userPoolId },
    verifier: { verify: async () => claims },
    adminGroup: TEST_CONFIG.adminGroup,
    storage,
  });
  return { publicClients, session };
}

function renderApp(path: string, groups: string[] | null, runtime: Partial<Runtime> = {}, features?: FeatureEntry[]) {
  const services = servicesWith(groups);
  const router = createTestRouter(path, features);
  render(<App runtime={{ config: TEST_CONFIG, mode: 'live', ...runtime }} services={services} router={router} />);
  return { services, router };
}

describe('the app shell', () => {
  it('shows an administrator the overview inside the layout, with only working screens in the navigation', async () => {
    useFakePool();
    renderApp('/', ['admins']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Pool overview' })).toBeInTheDocument();
    expect(await screen.findByText('42')).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('ada@example.com')).toBeInTheDocument();
    expect(await within(banner).findByText('Acme customers')).toBeInTheDocument();
    expect(within(banner).queryByText('Emulated')).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Overview', 'Users', 'Email & codes', 'Configuration', 'Test login']);
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => expect(document.title).toBe('Overview · Acme customers · Poolkeeper'));
  });

  it('refuses a signed-in user outside the admin group with nothing but sign-out', async () => {
    useFakePool();
    renderApp('/', ['beta-testers']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Not an administrator' })).toBeInTheDocument();
    expect(document.title).toBe('Not an administrator · Poolkeeper');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.queryByText('Acme customers')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(globalSignOut).toHaveBeenLastCalledWith({ AccessToken: 'access-token' });
  });

  it('sends a visitor without a session to sign-in, remembering where they were going', async () => {
    useFakePool();
    const { router } = renderApp('/some/deep/link?x=1', null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Username or email')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(document.title).toBe('Sign in · Poolkeeper');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/some/deep/link?x=1');
  });

  it('shows a not-found page inside the layout for unknown addresses', async () => {
    useFakePool();
    renderApp('/no/such/screen', ['admins']);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/');
  });

  it('moves focus to the new page\'s main heading on navigation, but not on first load or a query-only change', async () => {
    useFakePool();
    const { router } = renderApp('/no/such/screen', ['admins']);
    const notFound = await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    expect(notFound).not.toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Go to the overview' }));
    const overview = await screen.findByRole('heading', { level: 1, name: 'Pool overview' });
    await waitFor(() => expect(overview).toHaveFocus());
    const refresh = screen.getAllByRole('button')[0]!;
    refresh.focus();
    await router.navigate('/?tab=x');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(refresh).toHaveFocus();
  });

  it('contains a failing screen in its route error boundary, keeping header and navigation', async () => {
    useFakePool();
    function Broken(): never {
      throw new Error('The widget fell over.');
    }
    const broken: FeatureEntry = { name: 'broken', segment: 'broken', load: async () => ({ routes: [{ path: 'broken', element: <Broken /> }] }) };
    // React reports errors caught by boundaries on console.error; here that is the expected outcome.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      renderApp('/broken', ['admins'], {}, [...FEATURES, broken]);
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByRole('heading', { level: 1, name: 'Something went wrong on this screen' })).toBeInTheDocument();
      expect(alert).toHaveTextContent('Something went wrong: The widget fell over.');
      expect(within(alert).getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
      expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
      expect(screen.getByRole('banner')).toBeInTheDocument();
    } finally {
      quiet.mockRestore();
    }
  });

  it('signs out with GlobalSignOut and forgets the session', async () => {
    useFakePool();
    const { services } = renderApp('/', ['admins']);
    await screen.findByRole('heading', { level: 1, name: 'Pool overview' });
    await userEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(globalSignOut).toHaveBeenLastCalledWith({ AccessToken: 'access-token' });
    expect(services.session.getState()).toEqual({ status: 'signed-out' });
  });

  it('in emulated mode shows the badge, and resets the demo after a confirmation', async () => {
    useFakePool();
    const reset = vi.fn(async () => {});
    renderApp('/', ['admins'], { mode: 'emulated', emulation: { reset, demoOperator: { username: 'admin@example.com', password: 'Admin-Passw0rd!' } } });
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('Emulated')).toBeInTheDocument();

    await userEvent.click(within(banner).getByRole('button', { name: 'Reset demo data' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Reset the demo data?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(reset).not.toHaveBeenCalled();

    await userEvent.click(within(banner).getByRole('button', { name: 'Reset demo data' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset demo data' }));
    await waitFor(() => expect(reset).toHaveBeenCalledOnce());
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('The demo data was reset. Sign in again.')).toBeInTheDocument();
    expect(screen.getByText('admin@example.com')).toBeInTheDocument();
  });
});
