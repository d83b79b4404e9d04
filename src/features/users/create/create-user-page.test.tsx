// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putFakeUser } from '@/aws/user-detail.fake';
import { COGNITO_DEFAULT_PASSWORD_POLICY as defaultPasswordPolicy, meetsPolicy as satisfiesPolicy } from '@/lib/password-policy';
import { fakePoolPerTest } from '../detail/testing/fake-server';
import { renderRoute } from '../detail/testing/render-route';

const start = fakePoolPerTest((pool) => {
  putFakeUser(pool, { username: 'taken', attributes: { email: 'taken@example.com' } });
});

const createCall = (pool: { calls: { op: string; input: Record<string, unknown> }[] }) => pool.calls.find((c) => c.op === 'AdminCreateUser')?.input;

describe('create user', () => {
  it('creates with a generated temporary password, sends the invitation, adds to groups, and opens the user', async () => {
    const { pool, ctx } = start();
    const { router } = renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'carol');
    await userEvent.type(screen.getByLabelText('email'), 'carol@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: /support/ }));
    const password = (screen.getByLabelText('Temporary password', { selector: 'input' }) as HTMLInputElement).value;
    expect(satisfiesPolicy(password, defaultPasswordPolicy)).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'carol' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/users/carol/attributes');
    await waitFor(() =>
      expect(screen.getAllByRole('status').find((el) => el.getAttribute('aria-live'))).toHaveTextContent(
        'Created carol and sent an invitation by email. Added to support.',
      ),
    );
    expect(createCall(pool)).toMatchObject({
      Username: 'carol', TemporaryPassword: password, DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'carol@example.com' }],
    });
    expect(createCall(pool)?.MessageAction).toBeUndefined();
    expect(pool.users.get('carol')?.groups.has('support')).toBe(true);
  });

  it('shows validation errors at the fields and focuses the first', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/new', ctx);
    await userEvent.clear(await screen.findByLabelText('Temporary password', { selector: 'input' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    const username = screen.getByLabelText('Username');
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAccessibleDescription(/Enter a username\./);
    expect(screen.getByLabelText('email')).toHaveAccessibleDescription('email is required.');
    expect(screen.getByText(/does not meet the pool’s policy/)).toBeInTheDocument();
    expect(createCall(pool)).toBeUndefined();
  });

  it('shows UsernameExistsException at the username', async () => {
    const { ctx } = start();
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'taken');
    await userEvent.type(screen.getByLabelText('email'), 'other@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(/already exists/));
    expect(screen.getByLabelText('Username')).toHaveFocus();
  });

  it('shows InvalidPasswordException at the password and other errors above the form', async () => {
    const { pool, ctx } = start();
    pool.failures.set('AdminCreateUser', ['InvalidPasswordException', 'Password does not conform to policy: Password not long enough']);
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'dan');
    await userEvent.type(screen.getByLabelText('email'), 'dan@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(screen.getByLabelText('Temporary password', { selector: 'input' })).toHaveAccessibleDescription(/Password not long enough/));

    pool.failures.set('AdminCreateUser', ['CodeDeliveryFailureException', 'Unable to deliver the message.']);
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText(/Cognito could not deliver the code/)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(/could not deliver/);
  });

  it('in an email-sign-in pool asks for the email as the username; suppresses the invitation on request', async () => {
    const { pool, ctx } = start();
    pool.usernameAttributes = ['email'];
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Email address'), 'erin@example.com');
    expect(screen.queryByLabelText('Username')).toBeNull();
    await userEvent.click(screen.getByLabelText(/Let Cognito generate one/));
    await userEvent.click(screen.getByLabelText(/Send an invitation/));
    expect(screen.getByText(/nobody learns the password/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'erin@example.com' })).toBeInTheDocument();
    expect(createCall(pool)).toMatchObject({ Username: 'erin@example.com', MessageAction: 'SUPPRESS' });
    expect(createCall(pool)?.TemporaryPassword).toBeUndefined();
  });

  it('needs a phone number to send the invitation by SMS, asked for in the optional attributes', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'gus');
    await userEvent.type(screen.getByLabelText('email'), 'gus@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Text message (SMS)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    const phone = await screen.findByLabelText('phone_number');
    await waitFor(() => expect(phone).toHaveAccessibleDescription('phone_number is required.'));
    expect(phone).toBeVisible();
    await userEvent.type(phone, '+14155550123');
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await screen.findByRole('heading', { level: 1, name: 'gus' });
    expect(createCall(pool)).toMatchObject({ DesiredDeliveryMediums: ['EMAIL', 'SMS'] });
  });

  it('reports a group that could not be added without losing the new user', async () => {
    const { pool, ctx } = start();
    pool.failures.set('AdminAddUserToGroup', ['ResourceNotFoundException', 'Group not found.']);
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'hana');
    await userEvent.type(screen.getByLabelText('email'), 'hana@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: /beta/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await screen.findByRole('heading', { level: 1, name: 'hana' });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Created hana .* Could not add to beta/));
    expect(pool.users.has('hana')).toBe(true);
  });

  it('creates an administrator only after the admin group’s name is typed', async () => {
    const { pool, ctx } = start();
    renderRoute('/users/new', ctx);
    await userEvent.type(await screen.findByLabelText('Username'), 'dave');
    await userEvent.type(screen.getByLabelText('email'), 'dave@example.com');
    await userEvent.click(screen.getByRole('checkbox', { name: /admins/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Create an administrator?' });
    expect(dialog).toHaveTextContent(/full control of this user pool/);
    expect(createCall(pool)).toBeUndefined();
    await userEvent.type(within(dialog).getByLabelText('Type admins to confirm'), 'admins');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create with administrator access' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'dave' })).toBeInTheDocument();
    expect(pool.users.get('dave')?.groups.has('admins')).toBe(true);
  });
});
