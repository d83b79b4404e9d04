import { describe, expect, it } from 'vitest';
import { decodeJwtUnverified } from '../crypto/jwt';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

const PASSWORD = 'Correct-Horse-1';
const claimsOf = (token: string) => decodeJwtUnverified(token)!.claims;
const headerOf = (token: string) => decodeJwtUnverified(token)!.header;

async function signedIn(t: Setup, client: Record<string, unknown> = {}) {
  const ids = await poolWithClient(t, {}, client);
  await t.call('CreateGroup', { UserPoolId: ids.poolId, GroupName: 'admins', Precedence: 1, RoleArn: 'arn:aws:iam::000000000000:role/Admins' });
  await t.call('CreateGroup', { UserPoolId: ids.poolId, GroupName: 'support', Precedence: 5, RoleArn: 'arn:aws:iam::000000000000:role/Support' });
  t.idp.putUser(ids.poolId, {
    username: 'alice',
    password: PASSWORD,
    attributes: { email: 'alice@example.com', email_verified: 'true', given_name: 'Alice' },
    groups: ['support', 'admins'],
  });
  const { AuthenticationResult } = await t.call<{ AuthenticationResult: Tokens }>(
    'InitiateAuth',
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } },
    publicCtx,
  );
  return { ...ids, tokens: AuthenticationResult };
}

const getUser = (t: Setup, AccessToken: string) => t.call<{ Username: string }>('GetUser', { AccessToken }, publicCtx);
const refresh = (t: Setup, clientId: string, token: string) =>
  t.call<{ AuthenticationResult: Tokens }>('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: token } }, publicCtx);

describe('tokens', () => {
  it('issues ID and access tokens with Cognito claims, signed RS256 with the pool key', async () => {
    const t = setup();
    const { poolId, clientId, tokens } = await signedIn(t);
    const id = claimsOf(tokens.IdToken);
    const access = claimsOf(tokens.AccessToken);
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    expect(id).toMatchObject({
      iss,
      aud: clientId,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admins', 'support'],
      'cognito:roles': ['arn:aws:iam::000000000000:role/Admins', 'arn:aws:iam::000000000000:role/Support'],
      'cognito:preferred_role': 'arn:aws:iam::000000000000:role/Admins',
      email: 'alice@example.com',
      email_verified: true,
      given_name: 'Alice',
    });
    for (const claim of ['sub', 'origin_jti', 'event_id', 'auth_time', 'exp', 'iat', 'jti']) expect(id).toHaveProperty(claim);
    expect(access).toMatchObject({
      iss,
      client_id: clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      'cognito:groups': ['admins', 'support'],
      sub: id.sub,
      origin_jti: id.origin_jti,
    });
    expect(access).not.toHaveProperty('aud');
    expect((id.exp as number) - (id.iat as number)).toBe(3600);
    expect(headerOf(tokens.IdToken)).toMatchObject({ alg: 'RS256' });
    const jwks = await t.idp.jwks(poolId);
    // Cognito signs the two token types with different keys and publishes both.
    expect(headerOf(tokens.AccessToken).kid).not.toBe(headerOf(tokens.IdToken).kid);
    expect(jwks?.keys).toEqual([
      expect.objectContaining({ kid: headerOf(tokens.IdToken).kid, kty: 'RSA', alg: 'RS256', use: 'sig' }),
      expect.objectContaining({ kid: headerOf(tokens.AccessToken).kid, kty: 'RSA', alg: 'RS256', use: 'sig' }),
    ]);
    expect(await t.idp.jwks('us-east-1_none')).toBeUndefined();
    expect(t.idp.openidConfiguration(poolId, iss)).toMatchObject({ issuer: iss, jwks_uri: `${iss}/.well-known/jwks.json` });
    expect(await t.idp.verifyIdToken(tokens.IdToken)).toMatchObject({ 'cognito:username': 'alice' });
  });

  it('uses the client validity settings and issuer base', async () => {
    const t = setup();
    t.idp.issuerBase = () => 'http://127.0.0.1:9229';
    const { poolId, tokens } = await signedIn(t, {
      AccessTokenValidity: 5,
      IdTokenValidity: 10,
      RefreshTokenValidity: 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
    });
    expect(tokens.ExpiresIn).toBe(300);
    const id = claimsOf(tokens.IdToken);
    expect((id.exp as number) - (id.iat as number)).toBe(600);
    expect(id.iss).toBe(`http://127.0.0.1:9229/${poolId}`);
  });

  it('refuses token lifetimes outside the documented ranges', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    const error = await rejection(t.call('CreateUserPoolClient', { UserPoolId: poolId, ClientName: 'x', AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }));
    expect(error.code).toBe('InvalidParameterException');
  });

  it('refreshes with REFRESH_TOKEN_AUTH in the same session (origin_jti, auth_time)', async () => {
    const t = setup();
    const { clientId, tokens } = await signedIn(t);
    t.clock.advance(120);
    const { AuthenticationResult } = await refresh(t, clientId, tokens.RefreshToken!);
    expect(AuthenticationResult.RefreshToken).toBeUndefined();
    const before = claimsOf(tokens.IdToken);
    const after = claimsOf(AuthenticationResult.IdToken);
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.auth_time).toBe(before.auth_time);
    expect(after.iat).toBe((before.iat as number) + 120);
    expect((await rejection(refresh(t, clientId, 'not-a-token'))).message).toBe('Invalid Refresh Token');
  });

  it('expires access tokens and refresh tokens on the moved clock', async () => {
    const t = setup();
    const { clientId, tokens } = await signedIn(t);
    t.clock.advance(3600);
    expect(await rejection(getUser(t, tokens.AccessToken))).toMatchObject({ code: 'NotAuthorizedException', message: 'Access Token has expired' });
    expect((await rejection(t.idp.verifyIdToken(tokens.IdToken))).message).toMatch(/^Invalid login token\. Token expired: \d+ >= \d+$/);
    t.clock.advance(30 * 86400);
    expect((await rejection(refresh(t, clientId, tokens.RefreshToken!))).message).toBe('Refresh Token has expired');
  });

  it('RevokeToken revokes the refresh token and every token of its session', async () => {
    const t = setup();
    const { clientId, tokens } = await signedIn(t);
    expect((await getUser(t, tokens.AccessToken)).Username).toBe('alice');
    await t.call('RevokeToken', { ClientId: clientId, Token: tokens.RefreshToken }, publicCtx);
    expect(await rejection(getUser(t, tokens.AccessToken))).toMatchObject({ code: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect((await rejection(refresh(t, clientId, tokens.RefreshToken!))).message).toBe('Refresh Token has been revoked');
    expect((await rejection(t.idp.verifyIdToken(tokens.IdToken))).code).toBe('NotAuthorizedException');
    expect((await rejection(t.call('RevokeToken', { ClientId: clientId, Token: tokens.AccessToken }, publicCtx))).code).toBe('UnsupportedTokenTypeException');
  });

  it('GlobalSignOut and AdminUserGlobalSignOut revoke every session; a new sign-in works', async () => {
    const t = setup();
    const { poolId, clientId, tokens } = await signedIn(t);
    await t.call('GlobalSignOut', { AccessToken: tokens.AccessToken }, publicCtx);
    expect((await rejection(getUser(t, tokens.AccessToken))).message).toBe('Access Token has been revoked');
    expect((await rejection(refresh(t, clientId, tokens.RefreshToken!))).message).toBe('Refresh Token has been revoked');

    const again = await t.call<{ AuthenticationResult: Tokens }>(
      'InitiateAuth',
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } },
      publicCtx,
    );
    expect((await getUser(t, again.AuthenticationResult.AccessToken)).Username).toBe('alice');
    await t.call('AdminUserGlobalSignOut', { UserPoolId: poolId, Username: 'alice' });
    expect((await rejection(getUser(t, again.AuthenticationResult.AccessToken))).message).toBe('Access Token has been revoked');
  });

  it('AdminDisableUser signs the user out and AdminDeleteUser forgets them', async () => {
    const t = setup();
    const { poolId, clientId, tokens } = await signedIn(t);
    await t.call('AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await rejection(getUser(t, tokens.AccessToken))).message).toBe('Access Token has been revoked');
    await t.call('AdminEnableUser', { UserPoolId: poolId, Username: 'alice' });
    const again = await t.call<{ AuthenticationResult: Tokens }>(
      'InitiateAuth',
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } },
      publicCtx,
    );
    await t.call('AdminDeleteUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await rejection(getUser(t, again.AuthenticationResult.AccessToken))).code).toBe('NotAuthorizedException');
  });

  it('rejects forged, foreign and ID tokens where an access token is expected', async () => {
    const t = setup();
    const { tokens } = await signedIn(t);
    const [h, p, s] = tokens.AccessToken.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -4)}AAAA`;
    expect(await rejection(getUser(t, forged))).toMatchObject({ code: 'NotAuthorizedException', message: 'Invalid Access Token' });
    expect((await rejection(getUser(t, tokens.IdToken))).message).toBe('Invalid Access Token');
    expect((await rejection(getUser(t, 'abc.def.ghi'))).message).toBe('Invalid Access Token');
    expect((await rejection(t.idp.verifyIdToken(tokens.AccessToken))).message).toBe('Invalid login token. Not a valid OpenId Connect identity token.');
    expect((await rejection(t.idp.verifyIdToken('garbage'))).code).toBe('NotAuthorizedException');
  });
});
