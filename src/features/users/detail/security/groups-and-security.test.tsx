// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { COGNITO_DEFAULT_PASSWORD_POLICY as defaultPasswordPolicy, meetsPolicy as satisfiesPolicy } from '@/lib/password-policy';
import { fakePoolPerTest } from '../testing/fake-server';
import { renderRoute } from '../testing/render-route';

const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, { username: 'operator', attributes: { email: 'operator@example.com' }, groups: new Set(['admins', 'beta']) });
  putFakeUser(pool, { username: 'alice', attributes: { email: 'alice@example.com' }, groups: new Set(['beta']), preferredMfa: 'SOFTWARE_TOKEN_MFA', mfaList: ['SOFTWARE_TOKEN_MFA'] });
});

const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite');

describe('groups tab', () => {
  it('lists, adds from the pool groups, and removes', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/groups', ctx);
    const list = await screen.findByRole('list', { name: 'Groups of alice' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.group-name')?.textContent)).toEqual(['beta']);
    const select = await screen.findByLabelText('Add to group');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a group…', 'admins', 'support']);
    await userEvent.selectOptions(select, 'support');
    await userEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(status()).toHaveTextContent('Added alice to support.'));
    expect(await screen.findByRole('button', { name: 'Remove from support' })).toBeInTheDocument();
    expect(pool.users.get('alice')?.groups.has('support')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Remove from beta' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove from beta' })).toBeNull());
    expect(pool.users.get('alice')?.groups.has('beta')).toBe(false);
  });

  it('does not let the operator leave the admin group', async () => {
    const { ctx } = start();
    renderRoute('/users/operator/groups', ctx);
    const remove = await screen.findByRole('button', { name: 'Remove from admins' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAccessibleDescription(/lose access/);
    expect(screen.getByRole('button', { name: 'Remove from beta' })).toBeEnabled();
  });
});

describe('password & MFA tab', () => {
  it('shows the MFA settings', async () => {
    const { ctx } = start();
    renderRoute('/users/alice/security', ctx);
    expect(await screen.findByText(/Preferred method: Authenticator app \(TOTP\)/)).toBeInTheDocument();
    expect(await screen.findByText(/Pool MFA: OPTIONAL/)).toBeInTheDocument();
  });

  it('checks a new password live against the policy and refuses a weak one at the field', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/security', ctx);
    const field = await screen.findByLabelText('New password');
    await userEvent.type(field, 'abc');
    const rules = screen.getByText('The password needs').parentElement as HTMLElement;
    expect(field).toHaveAccessibleDescription(/The password needs/);
    expect(within(rules).getByText(/A lowercase letter/).closest('li')).toHaveClass('checklist__item--met');
    expect(within(rules).getByText(/At least 8 characters/).closest('li')).not.toHaveClass('checklist__item--met');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText(/does not meet the pool’s policy: at least 8 characters/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(pool.calls.some((c) => c.op === 'AdminSetUserPassword')).toBe(false);
  });

  it('generates a password that satisfies the policy and sets it as permanent', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/security', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Generate' }));
    const field = screen.getByLabelText('New password');
    expect(field).toHaveAttribute('type', 'text');
    // The toggle says what a press does: the password is on show, so it offers to hide it.
    expect(screen.getByRole('button', { name: 'Hide password' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show password' })).toBeNull();
    const generated = (field as HTMLInputElement).value;
    expect(satisfiesPolicy(generated, defaultPasswordPolicy)).toBe(true);
    await userEvent.click(screen.getByLabelText(/keep it/));
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(status()).toHaveTextContent('Set a permanent password for alice.'));
    expect(pool.users.get('alice')?.password).toBe(generated);
    expect(pool.users.get('alice')?.status).toBe('CONFIRMED');
    expect(field).toHaveValue('');
  });

  it('shows Cognito refusing a password at the field', async () => {
    const { pool, ctx } = start();
    pool.failures.set('AdminSetUserPassword', ['PasswordHistoryPolicyViolationException', 'The password was used before.']);
    renderRoute('/users/alice/security', ctx);
    await userEvent.type(await screen.findByLabelText('New password'), 'Valid-Passw0rd');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/used recently/));
  });

  it('resets the password and signs out everywhere after confirming', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/security', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset password' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset password' }));
    await waitFor(() => expect(status()).toHaveTextContent("Reset alice's password."));
    expect(pool.users.get('alice')?.status).toBe('RESET_REQUIRED');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sign out everywhere' }));
    await waitFor(() => expect(status()).toHaveTextContent('Signed alice out everywhere'));
    expect(pool.calls.some((c) => c.op === 'AdminUserGlobalSignOut')).toBe(true);
  });
});
