import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { ServiceError } from './errors';
import { CognitoIdentity, type IdentityPool } from './identity';
import { seededRandom } from './random';

const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1';
const ADMIN_ROLE = 'arn:aws:iam::000000000000:role/admin';
const SUPPORT_ROLE = 'arn:aws:iam::000000000000:role/support';
const AUTH_ROLE = 'arn:aws:iam::000000000000:role/authenticated';
const ctx = { region: 'us-east-1', principal: null };

/** Tokens here are JSON claims; the fake verifier stands in for the user-pool model. */
function setup(pool: Partial<IdentityPool> = {}) {
  const issued: Array<{ roleArn: string; identityId?: string }> = [];
  const model = new CognitoIdentity({
    clock: new FixedClock(),
    random: seededRandom(5),
    accountId: '000000000000',
    verifyIdToken: async (token) => {
      if (token === 'expired') throw new ServiceError('NotAuthorizedException', 'Invalid login token. Token expired: 1 >= 0');
      return JSON.parse(token) as Record<string, unknown>;
    },
    issueCredentials: (roleArn, opts) => {
      issued.push({ roleArn, identityId: opts.identityId });
      return { AccessKeyId: `ASIA${issued.length}`, SecretKey: 's', SessionToken: 't', Expiration: 1 };
    },
  });
  model.putIdentityPool({
    IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
    IdentityPoolName: 'poolkeeper',
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: 'admin-client' }],
    Roles: { authenticated: AUTH_ROLE },
    RoleMappings: { [PROVIDER]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    ...pool,
  });
  return { model, issued };
}

const token = (claims: Record<string, unknown> = {}) =>
  JSON.stringify({ iss: `https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1`, aud: 'admin-client', sub: 'sub-1', ...claims });
const poolId = 'us-east-1:00000000-0000-4000-8000-000000000001';

async function credentialsFor(model: CognitoIdentity, idToken: string, extra: Record<string, unknown> = {}) {
  const { IdentityId } = (await model.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken } }, ctx)) as { IdentityId: string };
  return model.call('GetCredentialsForIdentity', { IdentityId, Logins: { [PROVIDER]: idToken }, ...extra }, ctx);
}

describe('CognitoIdentity', () => {
  it('gives the same user the same identity and the preferred role from the token', async () => {
    const { model, issued } = setup();
    const idToken = token({ 'cognito:roles': [ADMIN_ROLE, SUPPORT_ROLE], 'cognito:preferred_role': ADMIN_ROLE });
    const a = (await model.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken } }, ctx)) as { IdentityId: string };
    const b = (await model.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken } }, ctx)) as { IdentityId: string };
    expect(a.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(b.IdentityId).toBe(a.IdentityId);
    expect(await model.call('GetCredentialsForIdentity', { IdentityId: a.IdentityId, Logins: { [PROVIDER]: idToken } }, ctx)).toMatchObject({
      IdentityId: a.IdentityId,
      Credentials: { AccessKeyId: 'ASIA1' },
    });
    expect(issued).toEqual([{ roleArn: ADMIN_ROLE, identityId: a.IdentityId }]);
  });

  it('denies ambiguous or missing group roles under Deny, naming the provider', async () => {
    const { model } = setup();
    const denied = { code: 'NotAuthorizedException', message: `The ambiguous role mapping rules for: ${PROVIDER} denied this request.` };
    await expect(credentialsFor(model, token({ 'cognito:roles': [ADMIN_ROLE, SUPPORT_ROLE] }))).rejects.toMatchObject(denied);
    await expect(credentialsFor(model, token({ sub: 'no-groups' }))).rejects.toMatchObject(denied);
  });

  it('falls back to the authenticated role under AuthenticatedRole resolution, and honours CustomRoleArn', async () => {
    const { model, issued } = setup({ RoleMappings: { [PROVIDER]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } } });
    await credentialsFor(model, token());
    await credentialsFor(model, token({ sub: 'two', 'cognito:roles': [ADMIN_ROLE, SUPPORT_ROLE] }), { CustomRoleArn: SUPPORT_ROLE });
    expect(issued.map((i) => i.roleArn)).toEqual([AUTH_ROLE, SUPPORT_ROLE]);
    await expect(credentialsFor(model, token({ sub: 'three', 'cognito:roles': [SUPPORT_ROLE] }), { CustomRoleArn: ADMIN_ROLE })).rejects.toMatchObject({
      code: 'NotAuthorizedException',
    });
  });

  it('applies rules in order when the mapping type is Rules', async () => {
    const { model, issued } = setup({
      RoleMappings: {
        [PROVIDER]: {
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          RulesConfiguration: { Rules: [{ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'support', RoleARN: SUPPORT_ROLE }] },
        },
      },
    });
    await credentialsFor(model, token({ 'cognito:groups': ['support-eu'] }));
    expect(issued.map((i) => i.roleArn)).toEqual([SUPPORT_ROLE]);
    await expect(credentialsFor(model, token({ sub: 'x' }))).rejects.toMatchObject({ code: 'NotAuthorizedException' });
  });

  it('refuses tokens from other clients, pools or expired, and logins that do not match the identity', async () => {
    const { model } = setup();
    await expect(credentialsFor(model, token({ aud: 'other-client' }))).rejects.toMatchObject({
      message: 'Token is not from a supported provider of this identity pool.',
    });
    await expect(credentialsFor(model, token({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }))).rejects.toMatchObject({
      message: "Invalid login token. Issuer doesn't match providerName",
    });
    await expect(credentialsFor(model, 'expired')).rejects.toMatchObject({ message: expect.stringContaining('Token expired') });
    await expect(model.call('GetId', { IdentityPoolId: poolId }, ctx)).rejects.toMatchObject({
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    const { IdentityId } = (await model.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: token() } }, ctx)) as { IdentityId: string };
    await expect(model.call('GetCredentialsForIdentity', { IdentityId, Logins: { [PROVIDER]: token({ sub: 'someone-else' }) } }, ctx)).rejects.toMatchObject({
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
    await expect(model.call('GetCredentialsForIdentity', { IdentityId: 'us-east-1:nope' }, ctx)).rejects.toMatchObject({
      code: 'ResourceNotFoundException',
      message: "Identity 'us-east-1:nope' not found.",
    });
  });

  it('describes and pages identity pools', async () => {
    const { model } = setup();
    await model.call('CreateIdentityPool', { IdentityPoolName: 'second', AllowUnauthenticatedIdentities: false }, ctx);
    const first = (await model.call('ListIdentityPools', { MaxResults: 1 }, ctx)) as { IdentityPools: unknown[]; NextToken: string };
    expect(first.IdentityPools).toEqual([{ IdentityPoolId: poolId, IdentityPoolName: 'poolkeeper' }]);
    const second = (await model.call('ListIdentityPools', { MaxResults: 1, NextToken: first.NextToken }, ctx)) as Record<string, unknown>;
    expect(second.NextToken).toBeUndefined();
    await expect(model.call('ListIdentityPools', { MaxResults: 61 }, ctx)).rejects.toMatchObject({ code: 'InvalidParameterException' });
    expect(await model.call('DescribeIdentityPool', { IdentityPoolId: poolId }, ctx)).toEqual({
      IdentityPoolId: poolId,
      IdentityPoolName: 'poolkeeper',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: 'admin-client' }],
    });
    await expect(model.call('DescribeIdentityPool', { IdentityPoolId: 'us-east-1:x' }, ctx)).rejects.toMatchObject({
      message: "IdentityPool 'us-east-1:x' not found.",
    });
  });

  it('keeps identities across a JSON round trip', async () => {
    const { model } = setup();
    const idToken = token({ 'cognito:preferred_role': ADMIN_ROLE });
    const { IdentityId } = (await model.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken } }, ctx)) as { IdentityId: string };
    const copy = CognitoIdentity.fromJSON(JSON.parse(JSON.stringify(model.toJSON())), {
      clock: new FixedClock(), random: seededRandom(1), accountId: '000000000000',
      verifyIdToken: async (t) => JSON.parse(t) as Record<string, unknown>,
      issueCredentials: () => ({ AccessKeyId: 'A', SecretKey: 'S', SessionToken: 'T', Expiration: 2 }),
    });
    expect(await copy.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken } }, ctx)).toEqual({ IdentityId });
  });
});
