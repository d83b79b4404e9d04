import { describe, expect, it } from 'vitest';
import { answerPasswordVerifier, startSrp } from '@/aws/srp-client';
import { secretHash } from './secret-hash';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

interface AuthResult {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number; TokenType: string };
}

const PASSWORD = 'Correct-Horse-1';

async function srpSignIn(t: Setup, poolId: string, clientId: string, username: string, password: string, extra: Record<string, string> = {}) {
  const { srpAHex, state } = startSrp(t.env.random);
  const started = await t.call<AuthResult>(
    'InitiateAuth',
    { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, SRP_A: srpAHex, ...extra } },
    publicCtx,
  );
  expect(started.ChallengeName).toBe('PASSWORD_VERIFIER');
  const p = started.ChallengeParameters;
  const responses = await answerPasswordVerifier({
    state,
    poolName: poolId,
    userIdForSrp: p.USER_ID_FOR_SRP!,
    password,
    saltHex: p.SALT!,
    srpBHex: p.SRP_B!,
    secretBlock: p.SECRET_BLOCK!,
    now: new Date(t.clock.now()),
  });
  return t.call<AuthResult>(
    'RespondToAuthChallenge',
    { ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: { USERNAME: p.USER_ID_FOR_SRP!, ...responses, ...extra } },
    publicCtx,
  );
}

const passwordAuth = (t: Setup, clientId: string, USERNAME: string, PASSWORD: string, extra: Record<string, string> = {}) =>
  t.call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME, PASSWORD, ...extra } }, publicCtx);

describe('USER_SRP_AUTH', () => {
  it('signs in with the SRP client math and really checks the password', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } });
    const ok = await srpSignIn(t, poolId, clientId, 'alice', PASSWORD);
    expect(ok.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(ok.AuthenticationResult?.RefreshToken).toBeTruthy();

    const wrong = await rejection(srpSignIn(t, poolId, clientId, 'alice', 'Wrong-Password-1'));
    expect(wrong).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('signs in by email where the email is the username, with USER_ID_FOR_SRP the real username', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t, { UsernameAttributes: ['email'] });
    t.idp.putUser(poolId, { username: 'jane@example.com', password: PASSWORD });
    const ok = await srpSignIn(t, poolId, clientId, 'jane@example.com', PASSWORD);
    expect(ok.AuthenticationResult).toBeDefined();
  });

  it('refuses unknown users, or hides them behind a decoy challenge when PreventUserExistenceErrors is on', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    expect(await rejection(srpSignIn(t, poolId, clientId, 'ghost', PASSWORD))).toMatchObject({ code: 'UserNotFoundException', message: 'User does not exist.' });
    const hidden = await poolWithClient(t, {}, { PreventUserExistenceErrors: 'ENABLED' });
    const error = await rejection(srpSignIn(t, hidden.poolId, hidden.clientId, 'ghost', PASSWORD));
    expect(error).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('requires SRP_A and a known secret block', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD });
    const missing = await rejection(t.call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice' } }, publicCtx));
    expect(missing).toMatchObject({ code: 'InvalidParameterException', message: 'Missing required parameter SRP_A' });
    const bogus = await rejection(
      t.call(
        'RespondToAuthChallenge',
        {
          ClientId: clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: { USERNAME: 'alice', PASSWORD_CLAIM_SECRET_BLOCK: 'abc', PASSWORD_CLAIM_SIGNATURE: 'abc', TIMESTAMP: 'x' },
        },
        publicCtx,
      ),
    );
    expect(bogus).toMatchObject({ code: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });
});

describe('password sign-in and user status', () => {
  it('enforces the client ExplicitAuthFlows', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD });
    const { UserPoolClient } = await t.call<{ UserPoolClient: { ClientId: string } }>('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'defaults' });
    expect(await rejection(passwordAuth(t, UserPoolClient.ClientId, 'alice', PASSWORD))).toMatchObject({
      code: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    const admin = await rejection(
      t.call('AdminInitiateAuth', { UserPoolId: poolId, ClientId: UserPoolClient.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }),
    );
    expect(admin).toMatchObject({ code: 'InvalidParameterException', message: 'Auth flow not enabled for this client' });
    const adminFlowOnPublic = await rejection(
      t.call('InitiateAuth', { ClientId: UserPoolClient.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }, publicCtx),
    );
    expect(adminFlowOnPublic.message).toBe('Initiate Auth method not supported.');
  });

  it('signs in with USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH; a wrong password is NotAuthorized, never InvalidPassword', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD });
    expect((await passwordAuth(t, clientId, 'alice', PASSWORD)).AuthenticationResult).toBeDefined();
    const admin = await t.call<AuthResult>('AdminInitiateAuth', {
      UserPoolId: poolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD },
    });
    expect(admin.AuthenticationResult).toBeDefined();
    expect(await rejection(passwordAuth(t, clientId, 'alice', 'short'))).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(await rejection(passwordAuth(t, clientId, 'nobody', PASSWORD))).toMatchObject({ code: 'UserNotFoundException' });
  });

  it('answers each status as Cognito does', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'off', password: PASSWORD, enabled: false });
    t.idp.putUser(poolId, { username: 'new', password: PASSWORD, status: 'UNCONFIRMED' });
    t.idp.putUser(poolId, { username: 'reset', password: PASSWORD, status: 'RESET_REQUIRED' });
    expect(await rejection(passwordAuth(t, clientId, 'off', PASSWORD))).toMatchObject({ code: 'NotAuthorizedException', message: 'User is disabled.' });
    expect(await rejection(passwordAuth(t, clientId, 'new', PASSWORD))).toMatchObject({ code: 'UserNotConfirmedException', message: 'User is not confirmed.' });
    expect(await rejection(passwordAuth(t, clientId, 'new', 'Wrong-pass-1'))).toMatchObject({ code: 'NotAuthorizedException' });
    expect(await rejection(passwordAuth(t, clientId, 'reset', PASSWORD))).toMatchObject({
      code: 'PasswordResetRequiredException',
      message: 'Password reset required for the user',
    });
    expect(await rejection(srpSignIn(t, poolId, clientId, 'new', PASSWORD))).toMatchObject({ code: 'UserNotConfirmedException' });
  });

  it('locks sign-in after repeated wrong passwords', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD });
    for (let i = 0; i < 5; i++) expect((await rejection(passwordAuth(t, clientId, 'alice', 'Nope-nope-1'))).message).toBe('Incorrect username or password.');
    expect(await rejection(passwordAuth(t, clientId, 'alice', PASSWORD))).toMatchObject({ code: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    t.clock.advance(2);
    expect((await passwordAuth(t, clientId, 'alice', PASSWORD)).AuthenticationResult).toBeDefined();
  });

  it('hides unknown users under PreventUserExistenceErrors', async () => {
    const t = setup();
    const { clientId } = await poolWithClient(t, {}, { PreventUserExistenceErrors: 'ENABLED' });
    expect(await rejection(passwordAuth(t, clientId, 'nobody', PASSWORD))).toMatchObject({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('signs in with a verified email alias only', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t, { AliasAttributes: ['email', 'preferred_username'] });
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', preferred_username: 'ally' } });
    t.idp.putUser(poolId, { username: 'bob', password: PASSWORD, attributes: { email: 'bob@example.com', email_verified: 'false' } });
    expect((await passwordAuth(t, clientId, 'alice@example.com', PASSWORD)).AuthenticationResult).toBeDefined();
    expect((await passwordAuth(t, clientId, 'ally', PASSWORD)).AuthenticationResult).toBeDefined();
    expect((await rejection(passwordAuth(t, clientId, 'bob@example.com', PASSWORD))).code).toBe('UserNotFoundException');
  });
});

describe('SECRET_HASH', () => {
  it('is required and checked when the client has a secret', async () => {
    const t = setup();
    const { poolId, clientId, clientSecret } = await poolWithClient(t, {}, { GenerateSecret: true });
    expect(clientSecret).toMatch(/^[a-z0-9]{51}$/);
    t.idp.putUser(poolId, { username: 'alice', password: PASSWORD });
    expect(await rejection(passwordAuth(t, clientId, 'alice', PASSWORD))).toMatchObject({
      code: 'NotAuthorizedException',
      message: `Client ${clientId} is configured for secret but secret was not received`,
    });
    expect(await rejection(passwordAuth(t, clientId, 'alice', PASSWORD, { SECRET_HASH: 'AAAA' }))).toMatchObject({
      code: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${clientId}`,
    });
    const hash = await secretHash(clientSecret!, 'alice', clientId);
    expect((await passwordAuth(t, clientId, 'alice', PASSWORD, { SECRET_HASH: hash })).AuthenticationResult).toBeDefined();
    expect((await srpSignIn(t, poolId, clientId, 'alice', PASSWORD, { SECRET_HASH: hash })).AuthenticationResult).toBeDefined();
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  async function invited(t: Setup, pool: Record<string, unknown> = {}) {
    const ids = await poolWithClient(t, pool);
    await t.call('AdminCreateUser', {
      UserPoolId: ids.poolId,
      Username: 'newbie',
      TemporaryPassword: 'Temp-Pass-123',
      UserAttributes: [{ Name: 'email', Value: 'newbie@example.com' }],
      MessageAction: 'SUPPRESS',
    });
    return ids;
  }

  it('challenges a FORCE_CHANGE_PASSWORD user, enforces the policy, then confirms and signs in', async () => {
    const t = setup();
    const { poolId, clientId } = await invited(t, {
      Schema: [{ Name: 'given_name', AttributeDataType: 'String', Required: true, Mutable: true }],
    });
    const challenge = await srpSignIn(t, poolId, clientId, 'newbie', 'Temp-Pass-123');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse(challenge.ChallengeParameters.userAttributes!)).toEqual({ email: 'newbie@example.com' });
    expect(JSON.parse(challenge.ChallengeParameters.requiredAttributes!)).toEqual(['userAttributes.given_name']);
    const respond = (responses: Record<string, string>) =>
      t.call<AuthResult>(
        'RespondToAuthChallenge',
        { ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'newbie', ...responses } },
        publicCtx,
      );
    expect(await rejection(respond({ NEW_PASSWORD: 'weakpassword' }))).toMatchObject({
      code: 'InvalidPasswordException',
      message: 'Password did not conform with policy: Password must have uppercase characters',
    });
    expect((await rejection(respond({ NEW_PASSWORD: 'Brand-New-Pass-1' }))).message).toBe('Invalid attributes given, given_name is missing');
    const done = await respond({ NEW_PASSWORD: 'Brand-New-Pass-1', 'userAttributes.given_name': 'Newt' });
    expect(done.AuthenticationResult).toBeDefined();
    const user = await t.call<{ UserStatus: string; UserAttributes: { Name: string; Value: string }[] }>('AdminGetUser', { UserPoolId: poolId, Username: 'newbie' });
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toContainEqual({ Name: 'given_name', Value: 'Newt' });
    expect((await srpSignIn(t, poolId, clientId, 'newbie', 'Brand-New-Pass-1')).AuthenticationResult).toBeDefined();
    // The session was used up.
    expect((await rejection(respond({ NEW_PASSWORD: 'Brand-New-Pass-2', 'userAttributes.given_name': 'N' }))).code).toBe('NotAuthorizedException');
  });

  it('expires the challenge session after the client AuthSessionValidity (3 minutes)', async () => {
    const t = setup();
    const { clientId } = await invited(t);
    const challenge = await passwordAuth(t, clientId, 'newbie', 'Temp-Pass-123');
    t.clock.advance(181);
    const error = await rejection(
      t.call('RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: challenge.Session, ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Brand-New-Pass-1' } }, publicCtx),
    );
    expect(error).toMatchObject({ code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('refuses an expired temporary password', async () => {
    const t = setup();
    const { clientId } = await invited(t, { Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 1 } } });
    t.clock.advance(86_401);
    expect(await rejection(passwordAuth(t, clientId, 'newbie', 'Temp-Pass-123'))).toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});
