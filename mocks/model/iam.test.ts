import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { Clock } from './clock';
import { verifySigV4 } from './crypto/sigv4';
import { ServiceError } from './errors';
import { Iam, type PolicyDocument } from './iam';
import { seededRandom } from './random';
import type { Principal } from './types';

const ACCOUNT = '000000000000';
const POOL_ARN = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_DemoPool1`;
const OTHER_POOL_ARN = `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/us-east-1_Other`;
const ADMIN_ROLE = `arn:aws:iam::${ACCOUNT}:role/poolkeeper/PoolkeeperAdmin`;
const AUTH_ROLE = `arn:aws:iam::${ACCOUNT}:role/PoolkeeperAuthenticated`;

const adminPolicy: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['cognito-idp:Admin*', 'cognito-idp:List*', 'cognito-idp:DescribeUserPool'], Resource: POOL_ARN },
    { Effect: 'Allow', Action: 'ses:GetSendQuota', Resource: '*' },
    { Sid: 'NeverDelete', Effect: 'Deny', Action: 'cognito-idp:AdminDeleteUser', Resource: '*' },
  ],
};

function setup() {
  const clock = new Clock();
  const iam = new Iam({ clock, random: seededRandom(3), accountId: ACCOUNT });
  iam.putRole({ arn: ADMIN_ROLE, policy: adminPolicy });
  iam.putRole({ arn: AUTH_ROLE, policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'mobileanalytics:PutEvents', Resource: '*' } } });
  return { clock, iam };
}

function denial(fn: () => void): ServiceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected AccessDeniedException');
}

const role = (roleArn: string): Principal => ({ kind: 'role', roleArn, accessKeyId: 'ASIAX' });

describe('Iam policy evaluation', () => {
  it('lets root do anything', () => {
    const { iam } = setup();
    expect(() => iam.authorize({ kind: 'root', accessKeyId: 'test' }, 'cognito-idp:DeleteUserPool', OTHER_POOL_ARN)).not.toThrow();
  });

  it('allows by action wildcard on the one pool, case-insensitively for actions', () => {
    const { iam } = setup();
    for (const action of ['cognito-idp:AdminGetUser', 'cognito-idp:AdminCreateUser', 'cognito-idp:ListUsers', 'cognito-idp:listusersingroup', 'cognito-idp:DescribeUserPool']) {
      expect(() => iam.authorize(role(ADMIN_ROLE), action, POOL_ARN), action).not.toThrow();
    }
    expect(() => iam.authorize(role(ADMIN_ROLE), 'ses:GetSendQuota', '*')).not.toThrow();
  });

  it('denies by default with AWS wording, naming the assumed role, action and resource', () => {
    const { iam } = setup();
    const other = denial(() => iam.authorize(role(ADMIN_ROLE), 'cognito-idp:AdminGetUser', OTHER_POOL_ARN));
    expect([other.code, other.status]).toEqual(['AccessDeniedException', 400]);
    expect(other.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/PoolkeeperAdmin/CognitoIdentityCredentials is not authorized to perform: cognito-idp:AdminGetUser on resource: ${OTHER_POOL_ARN} because no identity-based policy allows the cognito-idp:AdminGetUser action`,
    );
    expect(denial(() => iam.authorize(role(ADMIN_ROLE), 'cognito-idp:DeleteUserPool', POOL_ARN)).code).toBe('AccessDeniedException');
    expect(denial(() => iam.authorize(role(AUTH_ROLE), 'cognito-idp:ListUsers', POOL_ARN)).message).toContain('assumed-role/PoolkeeperAuthenticated/');
    expect(denial(() => iam.authorize(role(`arn:aws:iam::${ACCOUNT}:role/Gone`), 'cognito-idp:ListUsers', POOL_ARN)).code).toBe('AccessDeniedException');
  });

  it('lets an explicit Deny win over an Allow', () => {
    const { iam } = setup();
    const error = denial(() => iam.authorize(role(ADMIN_ROLE), 'cognito-idp:AdminDeleteUser', POOL_ARN));
    expect(error.message).toMatch(/on resource: .* with an explicit deny in an identity-based policy$/);
  });

  it('matches resource wildcards within ARN segments', () => {
    const { iam } = setup();
    iam.putRole({
      arn: AUTH_ROLE,
      policy: {
        Statement: [
          { Effect: 'Allow', Action: 'cognito-idp:GetGroup', Resource: `arn:aws:cognito-idp:*:${ACCOUNT}:userpool/us-east-1_Demo*` },
          { Effect: 'Allow', Action: 'cognito-idp:ListGroups', Resource: 'arn:aws:cognito-idp:us-?ast-1:*' },
          { Effect: 'Allow', Action: 'cognito-idp:GetUserPoolMfaConfig', Resource: `arn:aws:cognito-idp:us-*1:${ACCOUNT}:userpool/*` },
          { Effect: 'Allow', NotAction: ['cognito-idp:*'], Resource: '*' },
          { Effect: 'Allow', Action: 'cognito-idp:DescribeUserPoolClient', NotResource: POOL_ARN },
        ],
      },
    });
    const p = role(AUTH_ROLE);
    expect(iam.evaluate(p, 'cognito-idp:GetGroup', POOL_ARN)).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:GetGroup', OTHER_POOL_ARN)).toBe('implicit-deny');
    // a '*' inside a segment does not run past a colon
    expect(iam.evaluate(p, 'cognito-idp:GetUserPoolMfaConfig', POOL_ARN)).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:GetUserPoolMfaConfig', `arn:aws:cognito-idp:us-east:1:${ACCOUNT}:userpool/x`)).toBe('implicit-deny');
    // a '*' that ends a segment does
    expect(iam.evaluate(p, 'cognito-idp:ListGroups', POOL_ARN)).toBe('allow');
    expect(iam.evaluate(p, 'ses:SendEmail', '*')).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:AdminGetUser', POOL_ARN)).toBe('implicit-deny');
    expect(iam.evaluate(p, 'cognito-idp:DescribeUserPoolClient', OTHER_POOL_ARN)).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:DescribeUserPoolClient', POOL_ARN)).toBe('implicit-deny');
  });

  it('evaluates simple conditions and fails closed on unknown operators', () => {
    const { iam } = setup();
    iam.putRole({
      arn: AUTH_ROLE,
      policy: {
        Statement: [
          { Effect: 'Allow', Action: 'cognito-idp:ListUsers', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
          { Effect: 'Allow', Action: 'cognito-idp:GetGroup', Resource: '*', Condition: { NumericLessThan: { 'x:n': '3' } } },
          { Effect: 'Deny', Action: 'cognito-idp:ListGroups', Resource: '*', Condition: { NumericLessThan: { 'x:n': '3' } } },
          { Effect: 'Allow', Action: 'cognito-idp:ListGroups', Resource: '*' },
          { Effect: 'Allow', Action: 'cognito-idp:AdminGetUser', Resource: '*', Condition: { StringLike: { 'cognito-identity.amazonaws.com:sub': 'us-east-1:*' } } },
        ],
      },
    });
    const p = role(AUTH_ROLE);
    expect(iam.evaluate(p, 'cognito-idp:ListUsers', POOL_ARN, { 'aws:RequestedRegion': 'us-east-1' })).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:ListUsers', POOL_ARN, { 'aws:RequestedRegion': 'eu-west-1' })).toBe('implicit-deny');
    expect(iam.evaluate(p, 'cognito-idp:ListUsers', POOL_ARN)).toBe('implicit-deny');
    expect(iam.evaluate(p, 'cognito-idp:GetGroup', POOL_ARN, { 'x:n': '1' })).toBe('implicit-deny');
    expect(iam.evaluate(p, 'cognito-idp:ListGroups', POOL_ARN, { 'x:n': '1' })).toBe('explicit-deny');
    expect(iam.evaluate({ ...p, identityId: 'us-east-1:abc' } as Principal, 'cognito-idp:AdminGetUser', POOL_ARN)).toBe('allow');
    expect(iam.evaluate(p, 'cognito-idp:AdminGetUser', POOL_ARN)).toBe('implicit-deny');
  });

  it('refuses malformed roles and policies', () => {
    const { iam } = setup();
    expect(() => iam.putRole({ arn: 'not-an-arn', policy: adminPolicy })).toThrow(ServiceError);
    expect(() => iam.putRole({ arn: AUTH_ROLE, policy: { Statement: [{ Effect: 'Maybe' as 'Allow', Action: '*', Resource: '*' }] } })).toThrow(/Effect/);
    expect(() => iam.putRole({ arn: AUTH_ROLE, policy: { Statement: [{ Effect: 'Allow', Resource: '*' }] } })).toThrow(/Action/);
  });
});

describe('Iam credentials', () => {
  it('issues ASIA keys for a role that lookup() resolves to that role, with an expiry', () => {
    const { clock, iam } = setup();
    const creds = iam.issueCredentials(ADMIN_ROLE, { durationSeconds: 3600, identityId: 'us-east-1:1111' });
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.SecretKey).toHaveLength(40);
    expect(creds.SessionToken.length).toBeGreaterThan(100);
    expect(creds.Expiration).toBe(clock.nowSeconds() + 3600);
    expect(iam.lookup(creds.AccessKeyId)).toEqual({
      secretAccessKey: creds.SecretKey,
      sessionToken: creds.SessionToken,
      expiresAt: creds.Expiration * 1000,
      principal: { kind: 'role', roleArn: ADMIN_ROLE, accessKeyId: creds.AccessKeyId, identityId: 'us-east-1:1111' },
    });
    expect(iam.lookup('test')).toEqual({ secretAccessKey: 'test', principal: { kind: 'root', accessKeyId: 'test' } });
    expect(iam.lookup('AKIAUNKNOWN')).toBeUndefined();
    expect(() => iam.issueCredentials(`arn:aws:iam::${ACCOUNT}:role/Nope`, { durationSeconds: 3600 })).toThrow(ServiceError);
  });

  it('round-trips through JSON', () => {
    const { clock, iam } = setup();
    const creds = iam.issueCredentials(ADMIN_ROLE, { durationSeconds: 3600 });
    const restored = Iam.fromJSON(JSON.parse(JSON.stringify(iam)), { clock, random: seededRandom(9), accountId: ACCOUNT });
    expect(restored.lookup(creds.AccessKeyId)).toEqual(iam.lookup(creds.AccessKeyId));
    expect(restored.getRole(ADMIN_ROLE)).toEqual(iam.getRole(ADMIN_ROLE));
    expect(restored.getRole(ADMIN_ROLE)).toMatchObject({ arn: ADMIN_ROLE, policy: adminPolicy, roleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/) });
    expect(restored.evaluate(role(ADMIN_ROLE), 'cognito-idp:AdminDeleteUser', POOL_ARN)).toBe('explicit-deny');
  });

  it('works end to end: SDK-signed call with identity-pool credentials, then expiry on the moved clock', async () => {
    const { clock, iam } = setup();
    const creds = iam.issueCredentials(ADMIN_ROLE, { durationSeconds: 3600 });
    const sign = () =>
      new SignatureV4({
        credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretKey, sessionToken: creds.SessionToken },
        region: 'us-east-1',
        service: 'cognito-idp',
        sha256: Sha256,
      }).sign(
        {
          method: 'POST',
          protocol: 'https:',
          hostname: 'cognito-idp.us-east-1.amazonaws.com',
          path: '/',
          headers: { host: 'cognito-idp.us-east-1.amazonaws.com', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUsers' },
          body: '{}',
        } as never,
        { signingDate: new Date(clock.now()) },
      ) as unknown as Promise<{ headers: Record<string, string> }>;
    const toRequest = (signed: { headers: Record<string, string> }) => ({
      method: 'POST',
      url: 'https://cognito-idp.us-east-1.amazonaws.com/',
      headers: new Headers(signed.headers),
      body: new TextEncoder().encode('{}'),
    });

    const result = await verifySigV4(toRequest(await sign()), (id) => iam.lookup(id), clock.now());
    const principal = iam.lookup(result.accessKeyId)!.principal;
    expect(() => iam.authorize(principal, 'cognito-idp:ListUsers', POOL_ARN)).not.toThrow();
    expect(() => iam.authorize(principal, 'cognito-idp:ListUsers', OTHER_POOL_ARN)).toThrow(/not authorized/);

    clock.advance(3600);
    const late = await verifySigV4(toRequest(await sign()), (id) => iam.lookup(id), clock.now()).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
  });
});
