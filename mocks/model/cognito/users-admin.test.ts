import { describe, expect, it } from 'vitest';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

interface AdminUser {
  Username: string;
  UserStatus: string;
  Enabled: boolean;
  UserAttributes: { Name: string; Value: string }[];
}

const get = (t: Setup, UserPoolId: string, Username: string) => t.call<AdminUser>('AdminGetUser', { UserPoolId, Username });
const attr = (user: AdminUser, name: string) => user.UserAttributes.find((a) => a.Name === name)?.Value;
const passwordSignIn = (t: Setup, clientId: string, USERNAME: string, PASSWORD: string) =>
  t.call<{ ChallengeName?: string; AuthenticationResult?: unknown }>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME, PASSWORD } }, publicCtx);

describe('AdminCreateUser', () => {
  it('creates FORCE_CHANGE_PASSWORD users and sends the invitation with a policy-conformant temporary password', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t, {
      AdminCreateUserConfig: { InviteMessageTemplate: { EmailSubject: 'Join us', EmailMessage: 'Hi {username}, use {####}' } },
    });
    const { User } = await t.call<{ User: { Username: string; UserStatus: string; Enabled: boolean } }>('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'ann',
      UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }, { Name: 'email_verified', Value: 'true' }],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    expect(User).toMatchObject({ Username: 'ann', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    const invite = t.mailer.last();
    expect(invite).toMatchObject({ kind: 'invitation', to: 'ann@example.com', subject: 'Join us' });
    expect(invite.body).toBe(`Hi ann, use ${invite.code}`);
    expect(invite.code).toMatch(/[A-Z]/);
    expect((await passwordSignIn(t, clientId, 'ann', invite.code!)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('uses the default invitation wording and falls back to email when the user has no phone', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    await t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }] });
    const invite = t.mailer.last();
    expect(invite.subject).toBe('Your temporary password');
    expect(invite.body).toBe(`Your username is ann and temporary password is ${invite.code}.`);
  });

  it('sends SMS by default when the user has a phone number', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    await t.call('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'ann',
      UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }, { Name: 'phone_number', Value: '+15550001234' }],
    });
    expect(t.mailer.sent.map((m) => m.channel)).toEqual(['sms']);
  });

  it('suppresses or resends the invitation on request', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    const base = { UserPoolId: poolId, Username: 'ann', UserAttributes: [{ Name: 'email', Value: 'ann@example.com' }] };
    await t.call('AdminCreateUser', { ...base, MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-Pass-123' });
    expect(t.mailer.sent).toHaveLength(0);
    await t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] });
    expect(t.mailer.sent).toHaveLength(1);
    expect(await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ghost', MessageAction: 'RESEND' }))).toMatchObject({ code: 'UserNotFoundException' });
    await t.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'ann', Password: 'Perm-Pass-123', Permanent: true });
    expect(await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', MessageAction: 'RESEND' }))).toMatchObject({
      code: 'UnsupportedUserStateException',
      message: 'Resend not possible. ann status is not FORCE_CHANGE_PASSWORD',
    });
  });

  it('refuses duplicates, weak temporary passwords and unknown attributes', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    await t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', MessageAction: 'SUPPRESS' });
    expect(await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', MessageAction: 'SUPPRESS' }))).toMatchObject({
      code: 'UsernameExistsException',
      // AdminCreateUser words it differently from SignUp's 'User already exists'
      message: 'User account already exists',
    });
    expect((await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'bo', TemporaryPassword: 'abc' }))).code).toBe('InvalidPasswordException');
    expect((await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'bo', UserAttributes: [{ Name: 'email', Value: 'not-an-email' }] }))).message).toBe(
      'Invalid email address format.',
    );
    expect((await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'bo', MessageAction: 'NOPE' }))).message).toBe(
      "1 validation error detected: Value 'NOPE' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    );
  });

  it('keeps usernames case-insensitive where the pool says so', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { UsernameConfiguration: { CaseSensitive: false } });
    await t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'Ann', MessageAction: 'SUPPRESS' });
    expect((await get(t, poolId, 'ANN')).Username).toBe('Ann');
    expect((await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann', MessageAction: 'SUPPRESS' }))).code).toBe('UsernameExistsException');
    const sensitive = await poolWithClient(t);
    await t.call('AdminCreateUser', { UserPoolId: sensitive.poolId, Username: 'Ann', MessageAction: 'SUPPRESS' });
    await t.call('AdminCreateUser', { UserPoolId: sensitive.poolId, Username: 'ann', MessageAction: 'SUPPRESS' });
  });

  it('refuses email-format usernames in email-alias pools', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { AliasAttributes: ['email'] });
    expect(await rejection(t.call('AdminCreateUser', { UserPoolId: poolId, Username: 'ann@example.com' }))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Username cannot be of email format, since user pool is configured for email alias.',
    });
  });
});

describe('status transitions by administrators', () => {
  it('AdminConfirmSignUp confirms UNCONFIRMED users only, without verifying their email', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u', status: 'UNCONFIRMED', password: 'Pass-word-1', attributes: { email: 'u@example.com' } });
    await t.call('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'u' });
    const user = await get(t, poolId, 'u');
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attr(user, 'email_verified')).toBeUndefined();
    expect(await rejection(t.call('AdminConfirmSignUp', { UserPoolId: poolId, Username: 'u' }))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
    });
  });

  it('AdminResetUserPassword → RESET_REQUIRED → ConfirmForgotPassword → CONFIRMED', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u', password: 'Pass-word-1', attributes: { email: 'u@example.com', email_verified: 'true' } });
    await t.call('AdminResetUserPassword', { UserPoolId: poolId, Username: 'u' });
    expect((await get(t, poolId, 'u')).UserStatus).toBe('RESET_REQUIRED');
    const message = t.mailer.last();
    expect(message.kind).toBe('admin-reset-password');
    expect((await rejection(passwordSignIn(t, clientId, 'u', 'Pass-word-1'))).code).toBe('PasswordResetRequiredException');
    await t.call('ConfirmForgotPassword', { ClientId: clientId, Username: 'u', ConfirmationCode: message.code, Password: 'Fresh-Pass-2' }, publicCtx);
    expect((await get(t, poolId, 'u')).UserStatus).toBe('CONFIRMED');
    expect((await passwordSignIn(t, clientId, 'u', 'Fresh-Pass-2')).AuthenticationResult).toBeDefined();
  });

  it('AdminSetUserPassword sets a permanent or a temporary password, checked against the policy', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u', status: 'UNCONFIRMED' });
    expect(await rejection(t.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'u', Password: 'password1!' }))).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
    await t.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'u', Password: 'Perm-Pass-123', Permanent: true });
    expect((await get(t, poolId, 'u')).UserStatus).toBe('CONFIRMED');
    await t.call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'u', Password: 'Temp-Pass-123', Permanent: false });
    expect((await get(t, poolId, 'u')).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect((await passwordSignIn(t, clientId, 'u', 'Temp-Pass-123')).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('disables and enables users', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u' });
    await t.call('AdminDisableUser', { UserPoolId: poolId, Username: 'u' });
    expect((await get(t, poolId, 'u')).Enabled).toBe(false);
    await t.call('AdminEnableUser', { UserPoolId: poolId, Username: 'u' });
    expect((await get(t, poolId, 'u')).Enabled).toBe(true);
    expect(await rejection(t.call('AdminDisableUser', { UserPoolId: poolId, Username: 'ghost' }))).toMatchObject({
      code: 'UserNotFoundException',
      message: 'User does not exist.',
    });
  });
});

describe('attributes as administrator', () => {
  it('updates attributes, un-verifies a changed email and sends a code for auto-verified ones', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u', attributes: { email: 'old@example.com', email_verified: 'true' } });
    await t.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'u', UserAttributes: [{ Name: 'email', Value: 'new@example.com' }, { Name: 'name', Value: 'U' }] });
    const user = await get(t, poolId, 'u');
    expect(attr(user, 'email')).toBe('new@example.com');
    expect(attr(user, 'email_verified')).toBe('false');
    expect(attr(user, 'name')).toBe('U');
    expect(t.mailer.last()).toMatchObject({ kind: 'attribute-verification', to: 'new@example.com' });

    await t.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'u', UserAttributes: [{ Name: 'email_verified', Value: 'true' }] });
    expect(attr(await get(t, poolId, 'u'), 'email_verified')).toBe('true');
  });

  it('refuses unknown and immutable attributes with Cognito wording', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: false }] });
    t.idp.putUser(poolId, { username: 'u', attributes: { 'custom:tenant': 'a' } });
    const update = (Name: string, Value = 'x') => t.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'u', UserAttributes: [{ Name, Value }] });
    expect((await rejection(update('custom:nope'))).message).toBe('user.custom:nope: Attribute does not exist in the schema.');
    expect((await rejection(update('custom:tenant'))).message).toBe('user.custom:tenant: Attribute cannot be updated. (changing an immutable attribute)');
    expect((await rejection(update('phone_number_verified', 'true'))).message).toBe('Phone Number is required to verify/un-verify a phone number');
  });

  it('deletes attributes (and the verified flag of a deleted contact)', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u', attributes: { email: 'u@example.com', email_verified: 'true', name: 'U' } });
    await t.call('AdminDeleteUserAttributes', { UserPoolId: poolId, Username: 'u', UserAttributeNames: ['email', 'name'] });
    const user = await get(t, poolId, 'u');
    expect(user.UserAttributes.map((a) => a.Name)).toEqual(['sub']);
  });

  it('keeps email unique where email is the username', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { UsernameAttributes: ['email'] });
    t.idp.putUser(poolId, { username: 'a@example.com' });
    t.idp.putUser(poolId, { username: 'b@example.com' });
    const error = await rejection(t.call('AdminUpdateUserAttributes', { UserPoolId: poolId, Username: 'b@example.com', UserAttributes: [{ Name: 'email', Value: 'a@example.com' }] }));
    expect(error).toMatchObject({ code: 'AliasExistsException', message: 'An account with the given email already exists.' });
  });
});

describe('putUser (seeding)', () => {
  it('stores users fast with status, groups, dates and email-as-username', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t, { UsernameAttributes: ['email'] });
    await t.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    t.idp.putUser(poolId, { username: 'admin@example.com', password: 'Admin-Passw0rd!', groups: ['admins'], createdAt: Date.UTC(2024, 0, 1), attributes: { email_verified: 'true' } });
    const user = await t.call<AdminUser & { UserCreateDate: number }>('AdminGetUser', { UserPoolId: poolId, Username: 'admin@example.com' });
    expect(user.UserCreateDate).toBe(Date.UTC(2024, 0, 1) / 1000);
    expect(attr(user, 'email')).toBe('admin@example.com');
    expect(user.Username).toBe(attr(user, 'sub'));
    const groups = await t.call<{ Groups: { GroupName: string }[] }>('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'admin@example.com' });
    expect(groups.Groups.map((g) => g.GroupName)).toEqual(['admins']);
    expect(() => t.idp.putUser(poolId, { username: 'x@example.com', groups: ['nope'] })).toThrow(/not found/);
    expect(() => t.idp.putUser('us-east-1_missing', { username: 'x' })).toThrow(/does not exist/);
  });
});
