import { describe, expect, it } from 'vitest';
import { totpAt } from '../crypto/totp';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

interface AuthResult {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: { AccessToken: string };
}

const PASSWORD = 'Correct-Horse-1';

async function mfaPool(t: Setup, mode: 'ON' | 'OPTIONAL') {
  const ids = await poolWithClient(t);
  await t.call('SetUserPoolMfaConfig', { UserPoolId: ids.poolId, MfaConfiguration: mode, SoftwareTokenMfaConfiguration: { Enabled: true } });
  t.idp.putUser(ids.poolId, { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } });
  return ids;
}

const signIn = (t: Setup, clientId: string) =>
  t.call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } }, publicCtx);
const answer = (t: Setup, clientId: string, ChallengeName: string, Session: string | undefined, responses: Record<string, string> = {}) =>
  t.call<AuthResult>('RespondToAuthChallenge', { ClientId: clientId, ChallengeName, Session, ChallengeResponses: { USERNAME: 'alice', ...responses } }, publicCtx);

describe('software token MFA', () => {
  it('associates and verifies a token with an access token, then challenges at sign-in', async () => {
    const t = setup();
    const { poolId, clientId } = await mfaPool(t, 'OPTIONAL');
    const first = await signIn(t, clientId);
    const accessToken = first.AuthenticationResult!.AccessToken;
    const { SecretCode } = await t.call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken }, publicCtx);
    expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await rejection(t.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: '000000' }, publicCtx));
    if ((await totpAt(SecretCode, t.clock.now())) !== '000000') expect(wrong).toMatchObject({ code: 'EnableSoftwareTokenMFAException', message: 'Code mismatch' });
    const verified = await t.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: await totpAt(SecretCode, t.clock.now()) }, publicCtx);
    expect(verified).toEqual({ Status: 'SUCCESS' });
    await t.call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, publicCtx);
    expect(await t.call('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).toMatchObject({
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
    });

    t.clock.advance(30);
    const challenge = await signIn(t, clientId);
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    const mismatch = await rejection(answer(t, clientId, 'SOFTWARE_TOKEN_MFA', challenge.Session, { SOFTWARE_TOKEN_MFA_CODE: '12345x' }));
    expect(mismatch).toMatchObject({ code: 'CodeMismatchException', message: 'Invalid code received for user' });
    const code = await totpAt(SecretCode, t.clock.now());
    const done = await answer(t, clientId, 'SOFTWARE_TOKEN_MFA', challenge.Session, { SOFTWARE_TOKEN_MFA_CODE: code });
    expect(done.AuthenticationResult).toBeDefined();

    // The same code cannot be used twice.
    const again = await signIn(t, clientId);
    expect((await rejection(answer(t, clientId, 'SOFTWARE_TOKEN_MFA', again.Session, { SOFTWARE_TOKEN_MFA_CODE: code }))).code).toBe('CodeMismatchException');
  });

  it('walks MFA_SETUP when the pool requires MFA', async () => {
    const t = setup();
    const { clientId } = await mfaPool(t, 'ON');
    const setupChallenge = await signIn(t, clientId);
    expect(setupChallenge.ChallengeName).toBe('MFA_SETUP');
    expect(JSON.parse(setupChallenge.ChallengeParameters.MFAS_CAN_SETUP!)).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect((await rejection(answer(t, clientId, 'MFA_SETUP', setupChallenge.Session))).code).toBe('InvalidParameterException');

    const associated = await t.call<{ SecretCode: string; Session: string }>('AssociateSoftwareToken', { Session: setupChallenge.Session }, publicCtx);
    expect(associated.Session).not.toBe(setupChallenge.Session);
    const verified = await t.call<{ Status: string; Session: string }>(
      'VerifySoftwareToken',
      { Session: associated.Session, UserCode: await totpAt(associated.SecretCode, t.clock.now()) },
      publicCtx,
    );
    expect(verified.Status).toBe('SUCCESS');
    const done = await answer(t, clientId, 'MFA_SETUP', verified.Session);
    expect(done.AuthenticationResult).toBeDefined();

    t.clock.advance(30);
    const next = await signIn(t, clientId);
    expect(next.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('expires MFA sessions and refuses preferences without a verified token', async () => {
    const t = setup();
    const { clientId } = await mfaPool(t, 'ON');
    const setupChallenge = await signIn(t, clientId);
    t.clock.advance(200);
    expect(await rejection(t.call('AssociateSoftwareToken', { Session: setupChallenge.Session }, publicCtx))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    const t2 = setup();
    const ids = await mfaPool(t2, 'OPTIONAL');
    const tokens = (await signIn(t2, ids.clientId)).AuthenticationResult!;
    expect(await rejection(t2.call('SetUserMFAPreference', { AccessToken: tokens.AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }, publicCtx))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'User has not verified software token mfa',
    });
  });
});
