import { describe, expect, it } from 'vitest';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

const PASSWORD = 'Correct-Horse-1';

interface UserView {
  Username: string;
  UserAttributes: { Name: string; Value: string }[];
}

async function signedIn(t: Setup, pool: Record<string, unknown> = {}, client: Record<string, unknown> = {}) {
  const ids = await poolWithClient(t, { Schema: [{ Name: 'tier', AttributeDataType: 'String', Mutable: true }], ...pool }, client);
  t.idp.putUser(ids.poolId, {
    username: 'alice',
    password: PASSWORD,
    attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice', 'custom:tier': 'gold' },
  });
  const { AuthenticationResult } = await t.call<{ AuthenticationResult: { AccessToken: string } }>(
    'InitiateAuth',
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } },
    publicCtx,
  );
  return { ...ids, accessToken: AuthenticationResult.AccessToken };
}

const attr = (user: UserView, name: string) => user.UserAttributes.find((a) => a.Name === name)?.Value;

describe('self-service with an access token', () => {
  it('GetUser returns the attributes the client may read', async () => {
    const t = setup();
    const { accessToken } = await signedIn(t, {}, { ReadAttributes: ['email', 'email_verified'] });
    const user = await t.call<UserView>('GetUser', { AccessToken: accessToken }, publicCtx);
    expect(user.Username).toBe('alice');
    expect(user.UserAttributes.map((a) => a.Name).sort()).toEqual(['email', 'email_verified', 'sub']);
  });

  it('ChangePassword checks the previous password and the policy', async () => {
    const t = setup();
    const { clientId, accessToken } = await signedIn(t);
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      t.call('ChangePassword', { AccessToken: accessToken, PreviousPassword, ProposedPassword }, publicCtx);
    expect(await rejection(change('Wrong-Horse-1', 'Newer-Horse-2'))).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect((await rejection(change(PASSWORD, 'nouppercase1!'))).code).toBe('InvalidPasswordException');
    await change(PASSWORD, 'Newer-Horse-2');
    const signIn = await t.call<{ AuthenticationResult?: unknown }>(
      'InitiateAuth',
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'Newer-Horse-2' } },
      publicCtx,
    );
    expect(signIn.AuthenticationResult).toBeDefined();
    for (let i = 0; i < 4; i++) await rejection(change('Wrong-Horse-1', 'Newer-Horse-3'));
    expect(await rejection(change('Wrong-Horse-1', 'Newer-Horse-3'))).toMatchObject({
      code: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
    });
  });

  it('UpdateUserAttributes sends a code for a changed email, and VerifyUserAttribute verifies it', async () => {
    const t = setup();
    const { poolId, accessToken } = await signedIn(t);
    const result = await t.call<{ CodeDeliveryDetailsList: Record<string, string>[] }>(
      'UpdateUserAttributes',
      { AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }, { Name: 'custom:tier', Value: 'silver' }] },
      publicCtx,
    );
    expect(result.CodeDeliveryDetailsList).toEqual([{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
    const code = t.mailer.last().code!;
    let user = await t.call<UserView>('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(attr(user, 'email')).toBe('new@example.com');
    expect(attr(user, 'email_verified')).toBe('false');
    expect(attr(user, 'custom:tier')).toBe('silver');
    expect((await rejection(t.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: code === '000000' ? '000001' : '000000' }, publicCtx))).code).toBe(
      'CodeMismatchException',
    );
    await t.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: code }, publicCtx);
    user = await t.call<UserView>('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(attr(user, 'email_verified')).toBe('true');
  });

  it('keeps a verified email until the new one is verified when the pool requires it', async () => {
    const t = setup();
    const { poolId, accessToken } = await signedIn(t, { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } });
    await t.call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] }, publicCtx);
    let user = await t.call<UserView>('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(attr(user, 'email')).toBe('alice@example.com');
    expect(attr(user, 'email_verified')).toBe('true');
    const message = t.mailer.last();
    expect(message.to).toBe('new@example.com');
    await t.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: message.code }, publicCtx);
    user = await t.call<UserView>('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(attr(user, 'email')).toBe('new@example.com');
  });

  it('refuses writes the client may not make', async () => {
    const t = setup();
    const { accessToken } = await signedIn(t, {}, { WriteAttributes: ['name'] });
    const write = (Name: string) => t.call('UpdateUserAttributes', { AccessToken: accessToken, UserAttributes: [{ Name, Value: 'true' }] }, publicCtx);
    expect(await rejection(write('email_verified'))).toMatchObject({ code: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute' });
    expect((await rejection(write('custom:tier'))).code).toBe('NotAuthorizedException');
    await write('name');
  });

  it('GetUserAttributeVerificationCode sends a fresh single-use code', async () => {
    const t = setup();
    const { accessToken } = await signedIn(t);
    const sent = await t.call<{ CodeDeliveryDetails: Record<string, string> }>('GetUserAttributeVerificationCode', { AccessToken: accessToken, AttributeName: 'email' }, publicCtx);
    expect(sent.CodeDeliveryDetails).toMatchObject({ AttributeName: 'email', DeliveryMedium: 'EMAIL' });
    const message = t.mailer.last();
    expect(message.kind).toBe('attribute-verification');
    await t.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: message.code }, publicCtx);
    expect((await rejection(t.call('VerifyUserAttribute', { AccessToken: accessToken, AttributeName: 'email', Code: message.code }, publicCtx))).code).toBe(
      'ExpiredCodeException',
    );
    expect((await rejection(t.call('GetUserAttributeVerificationCode', { AccessToken: accessToken, AttributeName: 'name' }, publicCtx))).code).toBe(
      'InvalidParameterException',
    );
  });

  it('DeleteUser removes the signed-in user', async () => {
    const t = setup();
    const { poolId, accessToken } = await signedIn(t);
    await t.call('DeleteUser', { AccessToken: accessToken }, publicCtx);
    expect((await rejection(t.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' }))).code).toBe('UserNotFoundException');
    expect((await rejection(t.call('GetUser', { AccessToken: accessToken }, publicCtx))).code).toBe('NotAuthorizedException');
  });
});
