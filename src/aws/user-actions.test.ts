import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  addUserToGroup,
  confirmSignUp,
  createUser,
  deleteAttributes,
  deleteUser,
  disableUser,
  enableUser,
  globalSignOut,
  isOperator,
  isOperatorUser,
  markEmailVerified,
  maskDestination,
  removeUserFromGroup,
  resendCode,
  resetPassword,
  setPassword,
  updateAttributes,
} from './user-actions';
import { createFakePool, fakeAdminContext, fakeCognitoHandlers, putFakeUser, type FakePool } from './user-detail.fake';
import { getUserDetail, listGroupsForUser } from './user-detail';
import { toAppUser } from './user-types';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let pool: FakePool;
let ctx: ReturnType<typeof fakeAdminContext>;
beforeEach(() => {
  pool = createFakePool();
  server.use(...fakeCognitoHandlers(pool));
  ctx = fakeAdminContext(pool);
  putFakeUser(pool, { username: 'operator', attributes: { email: 'operator@example.com' }, groups: new Set(['admins']) });
  putFakeUser(pool, { username: 'alice', attributes: { email: 'alice@example.com' }, groups: new Set(['admins', 'beta']) });
});

const ops = () => pool.calls.map((c) => c.op);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the promise to reject');
}

describe('self-lockout guard', () => {
  it.each([
    ['username', 'operator'],
    ['username in another case', 'OPERATOR'],
    ['sub', '00000000-0000-4000-8000-0000000000aa'],
    ['email alias', 'Operator@Example.com'],
  ])('refuses to disable or delete the operator by %s, without calling AWS', async (_, name) => {
    const disabled = await rejection(disableUser(ctx, name));
    expect(disabled.code).toBe('SelfLockoutRefused');
    expect(disabled.message).toMatch(/cannot disable your own account/);
    expect((await rejection(deleteUser(ctx, name))).message).toMatch(/cannot delete your own account/);
    expect(pool.calls).toEqual([]);
    expect(pool.users.get('operator')?.enabled).toBe(true);
  });

  it('refuses to remove the operator from the admin group, but allows other groups and other users', async () => {
    const error = await rejection(removeUserFromGroup(ctx, 'operator', 'admins'));
    expect(error.code).toBe('SelfLockoutRefused');
    expect(error.retryable).toBe(false);
    expect(pool.users.get('operator')?.groups.has('admins')).toBe(true);

    pool.users.get('operator')?.groups.add('beta');
    await removeUserFromGroup(ctx, 'operator', 'beta');
    await removeUserFromGroup(ctx, 'alice', 'admins');
    await disableUser(ctx, 'alice');
    expect(pool.users.get('alice')?.groups.has('admins')).toBe(false);
    expect(pool.users.get('alice')?.enabled).toBe(false);
  });

  it("refuses to reset the operator's own password: Poolkeeper has no forgot-password step, so RESET_REQUIRED would lock them out", async () => {
    const error = await rejection(resetPassword(ctx, 'Operator@Example.com'));
    expect(error.code).toBe('SelfLockoutRefused');
    expect(error.message).toMatch(/cannot reset the password of your own account/);
    expect(pool.calls).toEqual([]);
    expect(pool.users.get('operator')?.status).not.toBe('RESET_REQUIRED');
  });

  it("refuses adding the operator to a group whose role would replace or tie with the admin role's", async () => {
    pool.groups.set('admins', { roleArn: 'arn:aws:iam::000000000000:role/Admin', precedence: 5 });
    pool.groups.set('auditors', { roleArn: 'arn:aws:iam::000000000000:role/Auditor', precedence: 1 });
    pool.groups.set('peers', { roleArn: 'arn:aws:iam::000000000000:role/Peer', precedence: 5 });
    pool.groups.set('trailing', { roleArn: 'arn:aws:iam::000000000000:role/Other', precedence: 9 });
    for (const group of ['auditors', 'peers']) {
      const error = await rejection(addUserToGroup(ctx, 'operator', group));
      expect(error.code).toBe('SelfLockoutRefused');
      expect(error.message).toMatch(new RegExp(`"${group}" would change the IAM role`));
      expect(pool.users.get('operator')?.groups.has(group)).toBe(false);
    }
    // a group behind the admin group, one without a role, and other users are fine
    await addUserToGroup(ctx, 'operator', 'trailing');
    await addUserToGroup(ctx, 'operator', 'beta');
    await addUserToGroup(ctx, 'alice', 'auditors');
    expect(pool.users.get('operator')?.groups.has('trailing')).toBe(true);
    expect(pool.users.get('alice')?.groups.has('auditors')).toBe(true);
  });

  it('isOperatorUser also knows the operator by sub and email when the username is generated', () => {
    const user = (username: string, sub: string, email?: string) => ({ username, sub, attributes: (email ? { email } : {}) as Record<string, string> });
    expect(isOperatorUser(ctx, user('11111111-2222-4333-8444-555555555555', ctx.operator.sub))).toBe(true);
    expect(isOperatorUser(ctx, user('11111111-2222-4333-8444-555555555555', 'other', 'OPERATOR@example.com'))).toBe(true);
    expect(isOperatorUser(ctx, user('11111111-2222-4333-8444-555555555555', 'other', 'alice@example.com'))).toBe(false);
    expect(isOperatorUser(ctx, user('alice', '', undefined))).toBe(false);
  });

  it('isOperator does not match other users', () => {
    expect(isOperator(ctx, 'alice')).toBe(false);
    expect(isOperator(ctx, '')).toBe(false);
    expect(isOperator({ operator: { username: 'x', sub: 's', groups: [] } }, '')).toBe(false);
  });
});

describe('actions send what AWS expects', () => {
  it('each wrapper calls its operation on the configured pool', async () => {
    putFakeUser(pool, { username: 'bob', status: 'UNCONFIRMED', attributes: { email: 'bob@example.com', given_name: 'Bob' } });
    await confirmSignUp(ctx, 'bob');
    await enableUser(ctx, 'bob');
    await addUserToGroup(ctx, 'bob', 'support');
    await globalSignOut(ctx, 'bob');
    await resetPassword(ctx, 'bob');
    await markEmailVerified(ctx, 'bob');
    await updateAttributes(ctx, 'bob', { given_name: 'Robert', 'custom:tier': '2' });
    await deleteAttributes(ctx, 'bob', ['given_name']);
    await updateAttributes(ctx, 'bob', {});
    await deleteAttributes(ctx, 'bob', []);
    expect(ops()).toEqual([
      'AdminConfirmSignUp', 'AdminEnableUser', 'AdminAddUserToGroup', 'AdminUserGlobalSignOut', 'AdminResetUserPassword',
      'AdminUpdateUserAttributes', 'AdminUpdateUserAttributes', 'AdminDeleteUserAttributes',
    ]);
    expect(pool.calls.every((c) => c.input.UserPoolId === pool.id)).toBe(true);
    expect(pool.calls[5]?.input.UserAttributes).toEqual([{ Name: 'email_verified', Value: 'true' }]);
    const bob = pool.users.get('bob');
    expect(bob?.attributes).toMatchObject({ email_verified: 'true', 'custom:tier': '2' });
    expect(bob?.attributes.given_name).toBeUndefined();
    expect(bob?.status).toBe('RESET_REQUIRED');
    expect(bob?.groups.has('support')).toBe(true);
  });

  it('sets a temporary or permanent password', async () => {
    await setPassword(ctx, 'alice', 'Temp-Passw0rd', false);
    expect(pool.users.get('alice')?.status).toBe('FORCE_CHANGE_PASSWORD');
    await setPassword(ctx, 'alice', 'Perm-Passw0rd', true);
    expect(pool.users.get('alice')?.status).toBe('CONFIRMED');
    expect(pool.calls[1]?.input).toMatchObject({ Password: 'Perm-Passw0rd', Permanent: true });
  });

  it('turns AWS errors into AppErrors with a sentence and AWS detail', async () => {
    const error = await rejection(setPassword(ctx, 'alice', 'short', true));
    expect(error.code).toBe('InvalidPasswordException');
    expect(error.message).toMatch(/password policy/);
    expect(error.detail).toMatch(/not long enough/);
    const missing = await rejection(enableUser(ctx, 'ghost'));
    expect(missing.code).toBe('UserNotFoundException');
  });

  it('creates a user with attributes, an optional password, and invitation settings', async () => {
    const created = await createUser(ctx, {
      username: 'carol', attributes: { email: 'carol@example.com' }, temporaryPassword: 'Tmp-Passw0rd!', sendInvitation: false, deliveryMediums: ['EMAIL'],
    });
    expect(created).toMatchObject({ username: 'carol', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'carol@example.com' } });
    expect(pool.calls[0]?.input).toMatchObject({ Username: 'carol', MessageAction: 'SUPPRESS', TemporaryPassword: 'Tmp-Passw0rd!' });
    expect(pool.calls[0]?.input.DesiredDeliveryMediums).toBeUndefined();

    await createUser(ctx, { username: 'dave', attributes: { email: 'dave@example.com' }, temporaryPassword: '', sendInvitation: true, deliveryMediums: ['EMAIL', 'SMS'] });
    expect(pool.calls[1]?.input).toMatchObject({ DesiredDeliveryMediums: ['EMAIL', 'SMS'] });
    expect(pool.calls[1]?.input.TemporaryPassword).toBeUndefined();
    expect(pool.calls[1]?.input.MessageAction).toBeUndefined();
  });
});

describe('resendCode', () => {
  const userOf = async (username: string) => getUserDetail(ctx, username);

  it('resends the sign-up code to an UNCONFIRMED user through the app client, via the Cognito default sender', async () => {
    putFakeUser(pool, { username: 'erin', status: 'UNCONFIRMED', attributes: { email: 'erin@example.com' } });
    const result = await resendCode(ctx, await userOf('erin'));
    expect(result).toEqual({ destination: 'e***@e***', medium: 'EMAIL', via: 'cognito-default' });
    expect(pool.calls.find((c) => c.op === 'ResendConfirmationCode')?.input).toEqual({ ClientId: ctx.clientId, Username: 'erin' });
  });

  it('resends the invitation to a FORCE_CHANGE_PASSWORD user by email, and knows the pool sends through SES', async () => {
    pool.emailSendingAccount = 'DEVELOPER';
    putFakeUser(pool, { username: 'frank', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'frank@example.com', phone_number: '+14155550123' } });
    const result = await resendCode(ctx, await userOf('frank'));
    expect(result).toEqual({ destination: 'f***@e***.com', medium: 'EMAIL', via: 'ses' });
    expect(pool.calls.find((c) => c.op === 'AdminCreateUser')?.input).toMatchObject({
      Username: 'frank', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'],
    });
  });

  it('falls back to SMS when the user has only a phone number', async () => {
    putFakeUser(pool, { username: 'gina', status: 'FORCE_CHANGE_PASSWORD', attributes: { phone_number: '+14155550123' } });
    expect(await resendCode(ctx, await userOf('gina'))).toEqual({ destination: '+*******0123', medium: 'SMS', via: 'unknown' });
  });

  it('reads the pool settings once for many resends', async () => {
    for (const name of ['u1', 'u2', 'u3']) putFakeUser(pool, { username: name, status: 'UNCONFIRMED', attributes: { email: `${name}@example.com` } });
    for (const name of ['u1', 'u2', 'u3']) await resendCode(ctx, toAppUser({ Username: name, UserStatus: 'UNCONFIRMED' }));
    expect(ops().filter((op) => op === 'DescribeUserPool')).toHaveLength(1);
  });

  it('explains why no code applies to other statuses, without calling AWS', async () => {
    const alice = await userOf('alice');
    const confirmed = await rejection(resendCode(ctx, alice));
    expect(confirmed.code).toBe('NoCodeApplies');
    expect(confirmed.message).toMatch(/already confirmed.*Reset password/);
    const external = await rejection(resendCode(ctx, { ...alice, status: 'EXTERNAL_PROVIDER' }));
    expect(external.message).toMatch(/external identity provider/);
    expect(ops()).toEqual(['AdminGetUser']);
  });

  it('needs an app client id for sign-up codes', async () => {
    const error = await rejection(resendCode({ ...ctx, clientId: '' }, toAppUser({ Username: 'x', UserStatus: 'UNCONFIRMED' })));
    expect(error.code).toBe('MissingClientId');
    expect(pool.calls).toEqual([]);
  });
});

describe('reads', () => {
  it('getUserDetail maps MFA settings and listGroupsForUser sorts', async () => {
    putFakeUser(pool, { username: 'hal', preferredMfa: 'SOFTWARE_TOKEN_MFA', mfaList: ['SOFTWARE_TOKEN_MFA'] });
    const hal = await getUserDetail(ctx, 'hal');
    expect(hal.mfa).toEqual({ preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'], options: [] });
    expect(hal.createdAt).toEqual(new Date(1_700_000_000_000));
    expect((await listGroupsForUser(ctx, 'alice')).map((g) => g.name)).toEqual(['admins', 'beta']);
  });
});

it('maskDestination hides all but the edges', () => {
  expect(maskDestination('jane.doe@example.co.uk')).toBe('j***@e***.uk');
  expect(maskDestination('+4915112345678')).toBe('+*********5678');
});
