import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import '../seed';
import { DEMO_REVIEW } from '../seed/demo-review';
import { DEMO } from '../seed/demo';
import { Emulator, type EmulatorSnapshot } from './emulator';
import type { CallContext } from './types';

const root: CallContext = { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } };

async function listAll(emulator: Emulator, filter?: string) {
  const users: Array<{ Username: string; UserStatus: string; Enabled: boolean; Attributes: Array<{ Name: string; Value: string }> }> = [];
  let token: string | undefined;
  do {
    const page = (await emulator.idp.call('ListUsers', { UserPoolId: DEMO.userPoolId, Limit: 60, PaginationToken: token, ...(filter ? { Filter: filter } : {}) }, root)) as {
      Users: typeof users;
      PaginationToken?: string;
    };
    users.push(...page.Users);
    token = page.PaginationToken;
  } while (token);
  return users;
}

describe('Emulator', () => {
  it('seeds the documented demo: fixed ids, every status, groups, clients, identity pool, SES', async () => {
    const emulator = new Emulator({ users: 20, clock: new FixedClock() });
    await emulator.ready;
    const users = await listAll(emulator);
    expect(users.length).toBeGreaterThanOrEqual(55);
    expect(new Set(users.map((u) => u.UserStatus))).toEqual(new Set(['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED']));
    expect(users.some((u) => !u.Enabled)).toBe(true);
    const values = users.flatMap((u) => u.Attributes.map((a) => a.Value));
    expect(values).toContain('<img src=x onerror=alert(1)>');
    expect(values.some((v) => v.startsWith('=HYPERLINK('))).toBe(true);

    const clients = (await emulator.idp.call('ListUserPoolClients', { UserPoolId: DEMO.userPoolId, MaxResults: 60 }, root)) as { UserPoolClients: Array<{ ClientId: string; ClientName: string }> };
    const named = clients.UserPoolClients.map((c) => [c.ClientName, c.ClientId]);
    expect(named.filter(([name]) => name !== DEMO_REVIEW.legacyClientName).sort()).toEqual([
      ['acme-mobile-app', DEMO.endUserClientId],
      ['poolkeeper-admin', DEMO.adminClientId],
      ['test-login', DEMO.testClientId],
    ]);
    // The configuration review's deliberately weak client (mocks/seed/demo-review.ts).
    expect(named.filter(([name]) => name === DEMO_REVIEW.legacyClientName)).toHaveLength(1);
    const admin = (await emulator.idp.call('DescribeUserPoolClient', { UserPoolId: DEMO.userPoolId, ClientId: DEMO.adminClientId }, root)) as { UserPoolClient: Record<string, unknown> };
    expect(admin.UserPoolClient.ClientSecret).toBeUndefined();
    expect(admin.UserPoolClient.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

    const group = (await emulator.idp.call('GetGroup', { UserPoolId: DEMO.userPoolId, GroupName: 'admins' }, root)) as { Group: Record<string, unknown> };
    expect(group.Group).toMatchObject({ RoleArn: DEMO.adminRoleArn, Precedence: 0 });
    const inAdmins = (await emulator.idp.call('ListUsersInGroup', { UserPoolId: DEMO.userPoolId, GroupName: 'admins' }, root)) as { Users: typeof users };
    const adminEmails = inAdmins.Users.map((u) => u.Attributes.find((a) => a.Name === 'email')?.Value);
    expect(adminEmails).toEqual(expect.arrayContaining([DEMO.operator.email, DEMO.newAdmin.email]));
    expect(adminEmails).not.toContain(DEMO.nonAdmin.email);

    expect(emulator.identity.getIdentityPool(DEMO.identityPoolId)?.RoleMappings).toEqual({
      [DEMO.identityProvider]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
      [`${DEMO.identityProvider}:${DEMO.endUserClientId}`]: {
        Type: 'Rules',
        AmbiguousRoleResolution: 'Deny',
        RulesConfiguration: { Rules: [{ Claim: 'aud', MatchType: 'Equals', Value: DEMO.endUserClientId, RoleARN: DEMO.authenticatedRoleArn }] },
      },
    });
    expect(emulator.ses.isVerified('us-east-1', DEMO.sesIdentity)).toBe(true);
    expect(emulator.ses.sentLast24Hours('us-east-1')).toBeGreaterThan(0);
    expect(() => emulator.iam.authorize({ kind: 'role', roleArn: DEMO.adminRoleArn, accessKeyId: 'x' }, 'cognito-idp:ListUsers', DEMO.poolArn)).not.toThrow();
    expect(() => emulator.iam.authorize({ kind: 'role', roleArn: DEMO.authenticatedRoleArn, accessKeyId: 'x' }, 'cognito-idp:ListUsers', DEMO.poolArn)).toThrow(
      expect.objectContaining({ code: 'AccessDeniedException' }),
    );
    // End users' default role: the demo API, and still nothing in Cognito or SES.
    const endUser = { kind: 'role' as const, roleArn: DEMO.authenticatedRoleArn, accessKeyId: 'x' };
    expect(() => emulator.iam.authorize(endUser, 'execute-api:Invoke', `arn:aws:execute-api:us-east-1:000000000000:${DEMO.demoApi.id}/demo/GET/hello`)).not.toThrow();
    for (const action of ['cognito-idp:AdminDeleteUser', 'cognito-idp:DescribeUserPool', 'ses:SendEmail', 'cognito-identity:SetIdentityPoolRoles']) {
      expect(() => emulator.iam.authorize(endUser, action, '*')).toThrow(expect.objectContaining({ code: 'AccessDeniedException' }));
    }
    expect(emulator.apigateway.getRestApi(DEMO.demoApi.id)).toMatchObject({ stage: 'demo', userPoolIds: [DEMO.userPoolId] });
  });

  it('seeds the same users every time (deterministic), and crypto randomness afterwards', async () => {
    const clock = new FixedClock();
    const a = new Emulator({ users: 50, clock });
    const b = new Emulator({ users: 50, clock });
    await Promise.all([a.ready, b.ready]);
    const summary = async (e: Emulator) => (await listAll(e)).map((u) => [u.Username, u.UserStatus, u.Attributes.find((x) => x.Name === 'email')?.Value]);
    expect(await summary(a)).toEqual(await summary(b));
    expect(a.random.uuid()).not.toBe(b.random.uuid());
  });

  it('restores a JSON snapshot with users, outbox, SES sends, identities and the clock offset', async () => {
    const emulator = new Emulator({ users: 5, clock: new FixedClock() });
    await emulator.ready;
    await emulator.idp.call(
      'AdminCreateUser',
      { UserPoolId: DEMO.userPoolId, Username: 'restored@example.com', UserAttributes: [{ Name: 'email', Value: 'restored@example.com' }] },
      root,
    );
    emulator.clock.advance(120);
    const snapshot = JSON.parse(JSON.stringify(emulator.snapshot())) as EmulatorSnapshot;

    const copy = Emulator.restore(snapshot, { clock: new FixedClock() });
    await copy.ready;
    expect(copy.clock.offsetSeconds).toBe(120);
    expect(copy.outbox.list({ to: 'restored@example.com' })).toHaveLength(1);
    expect(copy.ses.sentLast24Hours('us-east-1')).toBe(emulator.ses.sentLast24Hours('us-east-1'));
    expect(await listAll(copy, 'email = "restored@example.com"')).toHaveLength(1);
    expect(copy.identity.getIdentityPool(DEMO.identityPoolId)).toBeDefined();
    expect(copy.iam.getRole(DEMO.adminRoleArn)).toBeDefined();
    expect(() => Emulator.restore({ version: 99 } as unknown as EmulatorSnapshot)).toThrow();
  });

  it('resets to the seed in place, keeping the same objects reachable', async () => {
    const clock = new FixedClock();
    const emulator = new Emulator({ users: 0, clock, quotas: false });
    await emulator.ready;
    await emulator.idp.call('DeleteUserPool', { UserPoolId: DEMO.userPoolId }, root).catch(() => undefined);
    await emulator.idp.call('AdminDeleteUser', { UserPoolId: DEMO.userPoolId, Username: DEMO.operator.email }, root);
    clock.advance(3600);
    let changes = 0;
    emulator.onChange(() => changes++);
    await emulator.reset();
    expect(clock.offsetSeconds).toBe(0);
    expect(emulator.quotas.enabled).toBe(false);
    expect(await listAll(emulator, `email = "${DEMO.operator.email}"`)).toHaveLength(1);
    emulator.changed();
    expect(changes).toBe(1);
  });

  it('starts empty with seed "empty"', async () => {
    const emulator = new Emulator({ seed: 'empty' });
    await emulator.ready;
    expect(await emulator.idp.call('ListUserPools', { MaxResults: 60 }, root)).toEqual({ UserPools: [] });
  });
});
