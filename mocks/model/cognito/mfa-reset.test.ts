import { describe, expect, it } from 'vitest';
import { totpAt } from '../crypto/totp';
import { poolWithClient, publicCtx, setup, type Setup } from './test-support';

/**
 * Support resets a user's MFA (lost phone) with AdminSetUserMFAPreference, every factor
 * Enabled=false and PreferredMfa=false: what the user meets at the next sign-in.
 */
interface AuthResult {
  ChallengeName?: string;
  Session?: string;
  AuthenticationResult?: { AccessToken: string };
}

const PASSWORD = 'Correct-Horse-1';

async function userWithAuthenticator(t: Setup, mode: 'ON' | 'OPTIONAL') {
  const { poolId, clientId } = await poolWithClient(t);
  await t.call('SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
  t.idp.putUser(poolId, { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } });
  const signIn = () => t.call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }, publicCtx);
  const accessToken = (await signIn()).AuthenticationResult!.AccessToken;
  const { SecretCode } = await t.call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken }, publicCtx);
  await t.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: await totpAt(SecretCode, t.clock.now()) }, publicCtx);
  await t.call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, publicCtx);
  if (mode === 'ON') await t.call('SetUserPoolMfaConfig', { UserPoolId: poolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } });
  t.clock.advance(30);
  expect((await signIn()).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  const reset = () =>
    t.call('AdminSetUserMFAPreference', {
      UserPoolId: poolId,
      Username: 'alice',
      SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
      SMSMfaSettings: { Enabled: false, PreferredMfa: false },
    });
  return { poolId, clientId, signIn, reset, oldSecret: SecretCode };
}

describe('resetting a user’s MFA with AdminSetUserMFAPreference', () => {
  it('in a pool with optional MFA: no factor left, and the password alone signs in', async () => {
    const t = setup();
    const { poolId, signIn, reset } = await userWithAuthenticator(t, 'OPTIONAL');
    expect(await reset()).toEqual({});
    const user = await t.call<{ PreferredMfaSetting?: string; UserMFASettingList?: string[] }>('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(user.PreferredMfaSetting).toBeUndefined();
    expect(user.UserMFASettingList ?? []).toEqual([]);
    const next = await signIn();
    expect(next.ChallengeName).toBeUndefined();
    expect(next.AuthenticationResult).toBeDefined();
  });

  it('in a pool that requires MFA: the next sign-in sets up a new authenticator, and the lost one’s codes stop mattering', async () => {
    const t = setup();
    const { clientId, signIn, reset, oldSecret } = await userWithAuthenticator(t, 'ON');
    await reset();
    const next = await signIn();
    expect(next.ChallengeName).toBe('MFA_SETUP');
    const associated = await t.call<{ SecretCode: string; Session: string }>('AssociateSoftwareToken', { Session: next.Session }, publicCtx);
    expect(associated.SecretCode).not.toBe(oldSecret);
    const verified = await t.call<{ Session: string }>('VerifySoftwareToken', { Session: associated.Session, UserCode: await totpAt(associated.SecretCode, t.clock.now()) }, publicCtx);
    const done = await t.call<AuthResult>('RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'MFA_SETUP', Session: verified.Session, ChallengeResponses: { USERNAME: 'alice' } }, publicCtx);
    expect(done.AuthenticationResult).toBeDefined();

    t.clock.advance(30);
    const challenge = await signIn();
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const oldCode = await totpAt(oldSecret, t.clock.now());
    const refused = await t
      .call('RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: oldCode } }, publicCtx)
      .then(() => null, (error: { code?: string }) => error.code);
    if (oldCode !== (await totpAt(associated.SecretCode, t.clock.now()))) expect(refused).toBe('CodeMismatchException');
  });

  it('is idempotent for a user with no MFA, and names a missing user as AWS does', async () => {
    const t = setup();
    const { poolId, reset } = await userWithAuthenticator(t, 'OPTIONAL');
    await reset();
    expect(await reset()).toEqual({});
    const missing = await t
      .call('AdminSetUserMFAPreference', { UserPoolId: poolId, Username: 'nobody', SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } })
      .then(() => null, (error: { code?: string; message?: string }) => error);
    expect(missing).toMatchObject({ code: 'UserNotFoundException', message: 'User does not exist.' });
  });
});
