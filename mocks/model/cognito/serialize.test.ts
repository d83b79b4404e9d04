import { describe, expect, it } from 'vitest';
import { decodeJwtUnverified } from '../crypto/jwt';
import type { CallContext } from '../types';
import { CognitoIdp } from './idp';
import { poolWithClient, publicCtx, rejection, setup } from './test-support';

const PASSWORD = 'Correct-Horse-1';

describe('snapshot and restore', () => {
  it('brings back pools, users in order, groups, clients, keys and live sessions', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    await t.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    for (let i = 0; i < 5; i++) t.idp.putUser(poolId, { username: `u${i}`, password: PASSWORD, groups: i === 0 ? ['admins'] : [] });
    await t.call('AdminDeleteUser', { UserPoolId: poolId, Username: 'u2' });
    const { AuthenticationResult } = await t.call<{ AuthenticationResult: { AccessToken: string; RefreshToken: string; IdToken: string } }>(
      'InitiateAuth',
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'u0', PASSWORD } },
      publicCtx,
    );
    const firstPage = await t.call<{ PaginationToken: string }>('ListUsers', { UserPoolId: poolId, Limit: 2 });

    const json = JSON.parse(JSON.stringify(t.idp)) as unknown;
    const restored = CognitoIdp.fromJSON(json, t.env);
    const call = <T>(op: string, input: Record<string, unknown>, ctx: CallContext = { region: 'us-east-1', principal: null }) => restored.call(op, input, ctx) as Promise<T>;

    const rest = await call<{ Users: { Username: string }[] }>('ListUsers', { UserPoolId: poolId, PaginationToken: firstPage.PaginationToken });
    expect(rest.Users.map((u) => u.Username)).toEqual(['u3', 'u4']);
    const members = await call<{ Users: { Username: string }[] }>('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'admins' });
    expect(members.Users.map((u) => u.Username)).toEqual(['u0']);
    expect((await call<{ Username: string }>('GetUser', { AccessToken: AuthenticationResult.AccessToken }, publicCtx)).Username).toBe('u0');
    expect(await restored.verifyIdToken(AuthenticationResult.IdToken)).toMatchObject({ 'cognito:username': 'u0' });
    await call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: AuthenticationResult.RefreshToken } }, publicCtx);
    expect(await restored.jwks(poolId)).toEqual(await t.idp.jwks(poolId));
    expect((await restored.jwks(poolId))?.keys).toHaveLength(2);
    // New users continue the insertion order after the restored ones.
    restored.putUser(poolId, { username: 'u9' });
    const all = await call<{ Users: { Username: string }[] }>('ListUsers', { UserPoolId: poolId });
    expect(all.Users.map((u) => u.Username)).toEqual(['u0', 'u1', 'u3', 'u4', 'u9']);
  });

  it('loads a snapshot from before access tokens had their own key: old tokens verify, new ones get the second key', async () => {
    const t = setup();
    const { poolId, clientId } = await poolWithClient(t);
    t.idp.putUser(poolId, { username: 'u0', password: PASSWORD });
    const signIn = (idp: CognitoIdp) =>
      idp.call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'u0', PASSWORD } }, publicCtx) as Promise<{
        AuthenticationResult: { AccessToken: string; IdToken: string };
      }>;
    const { AuthenticationResult: old } = await signIn(t.idp);
    const json = JSON.parse(JSON.stringify(t.idp)) as { pools: { keys: unknown[] }[] };
    json.pools[0]!.keys = json.pools[0]!.keys.slice(0, 1);
    const restored = CognitoIdp.fromJSON(json, t.env);
    expect(await restored.verifyIdToken(old.IdToken)).toMatchObject({ 'cognito:username': 'u0' });
    const { AuthenticationResult: fresh } = await signIn(restored);
    const kid = (token: string) => decodeJwtUnverified(token)!.header.kid;
    expect(kid(fresh.IdToken)).toBe(kid(old.IdToken));
    expect(kid(fresh.AccessToken)).not.toBe(kid(old.IdToken));
    expect((await restored.jwks(poolId))?.keys).toHaveLength(2);
  });

  it('refuses data that is not a snapshot', async () => {
    const t = setup();
    expect(() => CognitoIdp.fromJSON({ nope: true }, t.env)).toThrow(TypeError);
    expect((await rejection(t.call('NoSuchOperation', {}))).code).toBe('UnknownOperationException');
  });
});

describe('operation metadata', () => {
  it('knows its operations, which need SigV4, and the IAM resource', async () => {
    const t = setup();
    expect(t.idp.has('AdminGetUser')).toBe(true);
    expect(t.idp.has('toString')).toBe(false);
    expect(t.idp.has('AdminLinkProviderForUser')).toBe(false);
    for (const op of ['AdminGetUser', 'ListUsers', 'CreateUserPool', 'DescribeUserPoolClient', 'CreateGroup', 'SetUserPoolMfaConfig', 'AdminInitiateAuth']) {
      expect(t.idp.requiresSigV4(op)).toBe(true);
    }
    for (const op of ['SignUp', 'InitiateAuth', 'RespondToAuthChallenge', 'GetUser', 'GlobalSignOut', 'RevokeToken', 'ForgotPassword', 'AssociateSoftwareToken']) {
      expect(t.idp.requiresSigV4(op)).toBe(false);
    }
    expect(t.idp.resourceArn('AdminGetUser', { UserPoolId: 'us-east-1_Abc' }, 'us-east-1')).toBe('arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Abc');
    expect(t.idp.resourceArn('ListUserPools', { MaxResults: 10 }, 'us-east-1')).toBe('*');
  });
});
