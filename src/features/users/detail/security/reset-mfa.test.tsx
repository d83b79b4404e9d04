// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { fakePoolPerTest } from '../testing/fake-server';
import { renderRoute } from '../testing/render-route';

const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, { username: 'operator', attributes: { email: 'operator@example.com' }, groups: new Set(['admins']) });
  putFakeUser(pool, { username: 'alice', attributes: { email: 'alice@example.com' }, preferredMfa: 'SOFTWARE_TOKEN_MFA', mfaList: ['SOFTWARE_TOKEN_MFA'] });
  putFakeUser(pool, { username: 'bob', attributes: { email: 'bob@example.com' } });
});

const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('aria-live') === 'polite');

describe('resetting a user’s MFA (lost phone)', () => {
  it('asks first, says what the user meets next in a pool that requires MFA, then turns every factor off', async () => {
    const { pool, ctx } = start();
    pool.mfaConfiguration = 'ON';
    renderRoute('/users/alice/security', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset MFA' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Authenticator app (TOTP) will be turned off');
    await waitFor(() => expect(dialog).toHaveTextContent('This pool requires MFA, so at their next sign-in they must set up a new authenticator app'));
    expect(pool.calls.some((c) => c.op === 'AdminSetUserMFAPreference')).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Reset MFA' }));
    await waitFor(() => expect(status()).toHaveTextContent('Turned off alice’s MFA.'));
    const call = pool.calls.find((c) => c.op === 'AdminSetUserMFAPreference');
    expect(call?.input).toMatchObject({
      Username: 'alice',
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      SMSMfaSettings: { Enabled: false, PreferredMfa: false },
    });
    expect(call?.input).not.toHaveProperty('EmailMfaSettings');
    // The page shows the user as Cognito now has them: nothing left to reset.
    expect(await screen.findByText('alice has no MFA factor set up, so there is nothing to reset.')).toBeInTheDocument();
  });

  it('cancelling changes nothing; a refusal is reported by name', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/alice/security', ctx);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset MFA' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: /cancel/i }));
    expect(pool.calls.some((c) => c.op === 'AdminSetUserMFAPreference')).toBe(false);

    pool.failures.set('AdminSetUserMFAPreference', ['NotAuthorizedException', 'User is not authorized to perform: cognito-idp:AdminSetUserMFAPreference']);
    await userEvent.click(screen.getByRole('button', { name: 'Reset MFA' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Reset MFA' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/AdminSetUserMFAPreference|not allowed|permission/i));
    expect(pool.users.get('alice')?.mfaList).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('a user without MFA gets no button', async () => {
    const { ctx } = start();
    renderRoute('/users/bob/security', ctx);
    expect(await screen.findByText('bob has no MFA factor set up, so there is nothing to reset.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset MFA' })).toBeNull();
  });
});
