/**
 * The user page's wrappers (src/aws/user-actions.ts, user-detail.ts) against the emulator's node
 * host, signed with the demo operator's identity-pool credentials: the same calls, the same IAM
 * policy and the same Cognito semantics the dashboard meets.
 */
import { describe, expect, it } from 'vitest';
import type { AdminContextValue } from '../../src/aws/admin-context';
import type { AppError } from '../../src/aws/errors';
import * as actions from '../../src/aws/user-actions';
import { describePoolSettings, getUserDetail, listGroups, listGroupsForUser } from '../../src/aws/user-detail';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { operatorCredentials, sdkClients } from '../support/aws';
// Not a React hook despite the name: it registers vitest beforeAll/afterAll.
import { nodeHostTarget as nodeTarget } from '../support/targets';

const target = nodeTarget();

let cached: AdminContextValue | undefined;
async function adminContext(): Promise<AdminContextValue> {
  if (cached) return cached;
  const clients = sdkClients(target, await operatorCredentials(target));
  const base = { ...clients, region: DEMO.region, sesRegion: DEMO.region, userPoolId: DEMO.userPoolId, adminGroup: DEMO.adminGroup, clientId: DEMO.adminClientId };
  const me = await getUserDetail({ idp: clients.idp, userPoolId: DEMO.userPoolId }, DEMO.operator.email);
  cached = { ...base, operator: { username: me.username, sub: me.sub, email: DEMO.operator.email, groups: [DEMO.adminGroup, 'support'] } };
  return cached;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

const messagesTo = (to: string) => target.emulator.outbox.list({ to });

describe('user-detail wrappers on the emulator', () => {
  it('read the pool settings the forms are built from', async () => {
    const ctx = await adminContext();
    const settings = await describePoolSettings(ctx);
    expect(settings).toMatchObject({
      usernameAttributes: ['email'],
      emailSendingAccount: 'DEVELOPER',
      passwordPolicy: { minimumLength: 10, requireSymbols: true, temporaryPasswordValidityDays: 7 },
    });
    expect(settings.schema.find((a) => a.name === 'sub')).toMatchObject({ mutable: false, required: true });
    expect(settings.schema.find((a) => a.name === 'custom:plan')).toMatchObject({ custom: true, mutable: true, maxLength: 32 });
    expect((await listGroups(ctx)).map((g) => g.name)).toEqual(['admins', 'beta-testers', 'support']);
    expect((await listGroupsForUser(ctx, DEMO.operator.email)).map((g) => g.name)).toEqual(['admins', 'support']);
  });

  it('resend a sign-up code and an invitation through SES, as the pool is configured', async () => {
    const ctx = await adminContext();
    const unconfirmed = await getUserDetail(ctx, 'liam.chen@example.org');
    const sent = await actions.resendCode(ctx, unconfirmed);
    expect(sent).toMatchObject({ medium: 'EMAIL', via: 'ses' });
    expect(sent.destination).toMatch(/^l\*+@e\*+/);
    expect(messagesTo('liam.chen@example.org').at(-1)).toMatchObject({ via: 'ses', code: expect.stringMatching(/^\d{6}$/) });

    const invited = await getUserDetail(ctx, 'priya.patel@example.com');
    expect(await actions.resendCode(ctx, invited)).toMatchObject({ medium: 'EMAIL', via: 'ses', destination: 'p***@e***.com' });
    expect(messagesTo('priya.patel@example.com').at(-1)).toMatchObject({ kind: 'invitation', via: 'ses' });

    const confirmed = await getUserDetail(ctx, 'james.brown@example.net');
    expect((await failure(actions.resendCode(ctx, confirmed))).code).toBe('NoCodeApplies');
  });

  it('refuse to lock the operator out', async () => {
    const ctx = await adminContext();
    for (const name of [ctx.operator.username, DEMO.operator.email]) {
      expect((await failure(actions.disableUser(ctx, name))).code).toBe('SelfLockoutRefused');
      expect((await failure(actions.deleteUser(ctx, name))).code).toBe('SelfLockoutRefused');
      expect((await failure(actions.removeUserFromGroup(ctx, name, DEMO.adminGroup))).code).toBe('SelfLockoutRefused');
    }
    expect((await getUserDetail(ctx, DEMO.operator.email)).enabled).toBe(true);
  });

  it('run every action with the semantics AWS documents', async () => {
    const ctx = await adminContext();
    const email = 'contract.user@example.com';
    const created = await actions.createUser(ctx, {
      username: email, attributes: { email, 'custom:plan': 'free' }, temporaryPassword: 'Tmp-Passw0rd-1', sendInvitation: false, deliveryMediums: [],
    });
    expect(created.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(messagesTo(email)).toEqual([]);
    expect((await failure(actions.createUser(ctx, { username: email, attributes: { email }, sendInvitation: false, deliveryMediums: [] }))).code).toBe(
      'UsernameExistsException',
    );

    const weak = await failure(actions.setPassword(ctx, email, 'short', true));
    expect(weak.code).toBe('InvalidPasswordException');
    await actions.setPassword(ctx, email, 'Perm-Passw0rd-2', true);
    expect((await getUserDetail(ctx, email)).status).toBe('CONFIRMED');

    await actions.updateAttributes(ctx, email, { given_name: 'Contract', 'custom:tenant': 'acme' });
    await actions.deleteAttributes(ctx, email, ['custom:plan']);
    await actions.markEmailVerified(ctx, email);
    let user = await getUserDetail(ctx, email);
    expect(user.attributes).toMatchObject({ given_name: 'Contract', 'custom:tenant': 'acme', email_verified: 'true' });
    expect(user.attributes['custom:plan']).toBeUndefined();

    await actions.addUserToGroup(ctx, email, 'beta-testers');
    expect((await listGroupsForUser(ctx, email)).map((g) => g.name)).toEqual(['beta-testers']);
    await actions.removeUserFromGroup(ctx, email, 'beta-testers');
    expect(await listGroupsForUser(ctx, email)).toEqual([]);

    await actions.disableUser(ctx, email);
    expect((await getUserDetail(ctx, email)).enabled).toBe(false);
    await actions.enableUser(ctx, email);
    await actions.globalSignOut(ctx, email);
    await actions.resetPassword(ctx, email);
    user = await getUserDetail(ctx, email);
    expect(user).toMatchObject({ enabled: true, status: 'RESET_REQUIRED' });

    await actions.deleteUser(ctx, email);
    expect((await failure(getUserDetail(ctx, email))).code).toBe('UserNotFoundException');
  });

  it('confirm an unconfirmed sign-up', async () => {
    const ctx = await adminContext();
    await actions.confirmSignUp(ctx, 'olivia.martin@example.org');
    expect((await getUserDetail(ctx, 'olivia.martin@example.org')).status).toBe('CONFIRMED');
  });
});
