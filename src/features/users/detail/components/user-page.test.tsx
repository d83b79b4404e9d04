// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { fakePoolPerTest } from '../testing/fake-server';
import { renderRoute } from '../testing/render-route';

const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, { username: 'operator', attributes: { email: 'operator@example.com', sub: '00000000-0000-4000-8000-0000000000aa' }, groups: new Set(['admins']) });
  putFakeUser(pool, { username: 'alice', attributes: { email: 'alice@example.com', email_verified: 'true', given_name: 'Alice' }, groups: new Set(['beta']) });
  putFakeUser(pool, { username: 'uma', status: 'UNCONFIRMED', attributes: { email: 'uma@example.com', email_verified: 'false' } });
  putFakeUser(pool, { username: 'fred', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'fred@example.com' } });
});

const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite');

describe('user page', () => {
  it('opens on the tab named in the URL and redirects a bare user URL to attributes', async () => {
    const { ctx } = start();
    const { router } = renderRoute('/users/alice/history', ctx);
    expect(await screen.findByRole('heading', { level: 1, name: 'alice' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'History' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(screen.getByRole('link', { name: 'Groups' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Groups' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users/alice/groups');

    await router.navigate('/users/alice');
    expect(await screen.findByRole('heading', { level: 2, name: 'Attributes' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users/alice/attributes');
  });

  it('shows a clear page with a way back for a user that does not exist', async () => {
    const { ctx } = start();
    renderRoute('/users/ghost', ctx);
    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
    expect(screen.getByText('ghost')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to all users' })).toHaveAttribute('href', '/users');
  });

  it('handles usernames that need escaping in the URL', async () => {
    const { pool, ctx } = start();
    putFakeUser(pool, { username: 'a/b%c+d#e?f@example.com', attributes: { email: 'x@example.com' } });
    renderRoute(`/users/${encodeURIComponent('a/b%c+d#e?f@example.com')}/attributes`, ctx);
    expect(await screen.findByRole('heading', { level: 1, name: 'a/b%c+d#e?f@example.com' })).toBeInTheDocument();
  });

  it('confirms an unconfirmed user, says so, and refreshes the badge', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/uma', ctx);
    expect(await screen.findByText('Unconfirmed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm sign-up' }));
    await waitFor(() => expect(status()).toHaveTextContent("Confirmed uma's sign-up."));
    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm sign-up' })).not.toBeInTheDocument();
    expect(pool.users.get('uma')?.status).toBe('CONFIRMED');
  });

  it('resends a sign-up code and says where it went and through which sender', async () => {
    const { ctx } = start();
    renderRoute('/users/uma', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Resend sign-up code' }));
    await waitFor(() => expect(status()).toHaveTextContent(/Sent uma a new sign-up code to u\*\*\*@e\*\*\* by email through the Cognito default sender/));
  });

  it('resends an invitation through SES and shows the SES quota', async () => {
    const { pool, ctx } = start();
    pool.emailSendingAccount = 'DEVELOPER';
    renderRoute('/users/fred', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Resend invitation' }));
    await waitFor(() => expect(status()).toHaveTextContent(/new temporary password to f\*\*\*@e\*\*\*\.com by email through Amazon SES\. SES quota: 3 of 200 emails/));
  });

  it('marks the email verified', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/uma', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark email verified' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark email verified' })).not.toBeInTheDocument());
    expect(pool.users.get('uma')?.attributes.email_verified).toBe('true');
  });

  it('disables after confirmation and enables again', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Disable' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Disable alice?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(status()).toHaveTextContent('Disabled alice.'));
    expect(await screen.findByRole('button', { name: 'Enable' })).toBeInTheDocument();
    expect(pool.users.get('alice')?.enabled).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Enable' }));
    expect(await screen.findByRole('button', { name: 'Disable' })).toBeInTheDocument();
    expect(pool.users.get('alice')?.enabled).toBe(true);
  });

  it('deletes only after the username is typed, then goes back to the list', async () => {
    const { pool, ctx } = start();
    const { router } = renderRoute('/users/alice', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete alice?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete user' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Type alice to confirm'), 'alice');
    await userEvent.click(confirm);
    expect(await screen.findByRole('heading', { name: 'All users' })).toBeInTheDocument();
    expect(screen.getByText('Deleted alice.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users');
    expect(pool.users.has('alice')).toBe(false);
  });

  it('does not offer the operator to disable or delete themselves', async () => {
    const { ctx } = start();
    renderRoute('/users/operator', ctx);
    expect(await screen.findByRole('button', { name: 'Disable' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveAccessibleDescription(/your own account/);
  });

  it('turns into "user not found" when the user was deleted in another tab', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice', ctx);
    await screen.findByRole('heading', { level: 1, name: 'alice' });
    pool.users.delete('alice');
    await userEvent.click(screen.getByRole('button', { name: 'Disable' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
  });

  it('shows a failure in the alert region and keeps the page', async () => {
    const { pool, ctx } = start();
    pool.failures.set('AdminConfirmSignUp', ['TooManyRequestsException', 'Too many requests']);
    renderRoute('/users/uma', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm sign-up' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Too many requests reached AWS at once/));
    expect(screen.getByRole('button', { name: 'Confirm sign-up' })).toBeEnabled();
  });

  it('names users of email-sign-in pools by their email, and deleting asks for the email', async () => {
    const { pool, ctx } = start();
    const uuid = '7d0c6f5e-3b1a-4c2d-9e8f-0a1b2c3d4e5f';
    putFakeUser(pool, { username: uuid, attributes: { sub: uuid, email: 'zed@example.com' } });
    renderRoute(`/users/${uuid}`, ctx);
    expect(await screen.findByRole('heading', { level: 1, name: 'zed@example.com' })).toBeInTheDocument();
    expect(screen.getByText(`Username ${uuid}`)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete zed@example.com?' });
    await userEvent.type(within(dialog).getByLabelText('Type zed@example.com to confirm'), 'zed@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    expect(await screen.findByText('Deleted zed@example.com.')).toBeInTheDocument();
    expect(pool.calls.find((c) => c.op === 'AdminDeleteUser')?.input.Username).toBe(uuid);
  });

  it('recognises the operator by email when the username is generated', async () => {
    const { pool, ctx } = start();
    const uuid = '11111111-2222-4333-8444-555555555555';
    putFakeUser(pool, { username: uuid, attributes: { sub: uuid, email: 'Operator@example.com' } });
    renderRoute(`/users/${uuid}`, ctx);
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeDisabled();
  });

  it('sends an unknown tab once to the attributes tab (no redirect loop)', async () => {
    const { ctx } = start();
    const { router } = renderRoute('/users/alice/bogus', ctx);
    expect(await screen.findByRole('heading', { level: 2, name: 'Attributes' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users/alice/attributes');
    await router.navigate('/users/alice/history/deeper/still');
    await waitFor(() => expect(router.state.location.pathname).toBe('/users/alice/attributes'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Attributes' })).toBeInTheDocument();
  });

  it('marks the current tab when the URL names the user by email (%40)', async () => {
    const { pool, ctx } = start();
    pool.usernameAttributes = ['email'];
    const uuid = '9d64fcf8-e2dd-4e58-851b-3d29c64e5336';
    putFakeUser(pool, { username: uuid, attributes: { sub: uuid, email: 'grace.lee@example.org' } });
    const { router } = renderRoute('/users/grace.lee%40example.org/groups', ctx);
    expect(await screen.findByRole('heading', { level: 1, name: 'grace.lee@example.org' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Groups' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(screen.getByRole('link', { name: 'History' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'History' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    expect(router.state.location.pathname).toBe('/users/grace.lee%40example.org/history');
  });

  it('refreshes the page after an action when the URL names the user by email, not by their generated username', async () => {
    const { pool, ctx } = start();
    pool.usernameAttributes = ['email'];
    const uuid = '3f1c2b7a-5d9e-4c1f-9a2b-7e6d5c4b3a21';
    putFakeUser(pool, { username: uuid, status: 'UNCONFIRMED', attributes: { sub: uuid, email: 'ivy.chen@example.org' } });
    renderRoute('/users/ivy.chen%40example.org', ctx);
    expect(await screen.findByText('Unconfirmed')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm sign-up' }));
    expect(await screen.findByText('Confirmed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Confirm sign-up' })).not.toBeInTheDocument();
    expect(pool.users.get(uuid)?.status).toBe('CONFIRMED');
  });

  it('after a delete, Back shows the user as deleted — no live actions from the cache — and asks Cognito again', async () => {
    const { pool, ctx } = start();
    const { router, queryClient } = renderRoute('/users/alice/attributes', ctx);
    // As in the app: a user read less than 30 s ago is not fetched again on its own.
    queryClient.setDefaultOptions({ queries: { staleTime: 30_000, retry: false } });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete alice?' });
    await userEvent.type(within(dialog).getByLabelText('Type alice to confirm'), 'alice');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    expect(await screen.findByRole('heading', { name: 'All users' })).toBeInTheDocument();
    const readsBefore = pool.calls.filter((c) => c.op === 'AdminGetUser').length;

    await router.navigate(-1);
    expect(await screen.findByRole('heading', { level: 1, name: 'alice was deleted' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disable' })).not.toBeInTheDocument();
    await waitFor(() => expect(pool.calls.filter((c) => c.op === 'AdminGetUser').length).toBeGreaterThan(readsBefore));
    expect(screen.getByRole('heading', { level: 1, name: 'alice was deleted' })).toBeInTheDocument();

    // Created again under the same name: the page shows the new user.
    putFakeUser(pool, { username: 'alice', attributes: { email: 'alice2@example.com' } });
    await userEvent.click(screen.getByRole('link', { name: 'Back to all users' }));
    expect(await screen.findByRole('heading', { name: 'All users' })).toBeInTheDocument();
    await router.navigate('/users/alice/groups');
    expect(await screen.findByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.getByText('alice2@example.com', { exact: false })).toBeInTheDocument();
  });

  it('explains in words why a mangled link names no user (markup, spaces, too long)', async () => {
    const { ctx } = start();
    renderRoute(`/users/${encodeURIComponent('<img src=x onerror=alert(1)>')}/attributes`, ctx);
    expect(await screen.findByRole('heading', { name: 'User not found' })).toBeInTheDocument();
    expect(screen.getByText(/contains spaces, line breaks or other invisible characters/)).toBeInTheDocument();
    expect(screen.queryByText(/failed to satisfy|regular expression|\\p\{/)).not.toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
