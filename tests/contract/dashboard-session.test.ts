/**
 * The dashboard's operator session (src/features/auth/session-controller.ts) and the overview's
 * reads, exactly as the app wires them (src/app/services.ts, src/aws/clients.ts), against the
 * emulator in-process (msw) and over HTTP (the standalone server with `endpoint` set). Real SRP,
 * real token verification through the pool's JWKS, identity-pool credentials, IAM.
 */
import { AssociateSoftwareTokenCommand, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { totpAt, DEMO } from '@poolkeeper/cognito-emulator';
import { createAppServices } from '../../src/app/services';
import { createOperatorClients } from '../../src/aws/admin-clients';
import type { AppError } from '../../src/aws/errors';
import { countGroups, countUserPoolClients, describeUserPool } from '../../src/aws/pool';
import { getSesSendQuota } from '../../src/aws/ses';
import type { AppConfig } from '../../src/config/app-config';
import type { SessionController } from '../../src/features/auth/session-controller';
import { SESSION_STORAGE_KEY, type SessionStorageLike } from '../../src/features/auth/session-store';
import { sdkClients } from '../support/aws';
import { nodeHostTarget as nodeTarget, standaloneServerTarget as serverTarget, type EmulatorTarget } from '../support/targets';

function memoryStorage(): SessionStorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function configFor(target: EmulatorTarget, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...DEMO.config,
    idleTimeoutMinutes: 30,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

function signedIn(session: SessionController) {
  const state = session.getState();
  if (state.status !== 'signed-in') throw new Error(`expected signed-in, got ${state.status}`);
  return state;
}

function adminCtx(config: AppConfig, session: SessionController) {
  return { ...createOperatorClients(config, () => session.getIdToken()), userPoolId: config.userPoolId };
}

for (const [name, useTarget] of [
  ['node', nodeTarget],
  ['server', serverTarget],
] as const) {
  describe(`operator session on the emulator (${name})`, () => {
    const target = useTarget();

    it('signs the demo operator in with SRP, verifies the ID token, and reads the overview with identity-pool credentials', async () => {
      const config = configFor(target);
      const storage = memoryStorage();
      const { session } = createAppServices(config, { storage });
      await session.restore();
      expect(session.getState()).toEqual({ status: 'signed-out' });

      await session.signIn(DEMO.operator.username, DEMO.operator.password);
      const state = signedIn(session);
      expect(state.isAdmin).toBe(true);
      expect(state.claims.groups).toContain('admins');
      expect(state.claims.email).toBe(DEMO.operator.email);
      expect(JSON.parse(storage.data.get(SESSION_STORAGE_KEY)!)).toMatchObject({ userPoolId: DEMO.userPoolId, clientId: DEMO.adminClientId });

      const ctx = adminCtx(config, session);
      const pool = await describeUserPool(ctx);
      expect(pool).toMatchObject({ id: DEMO.userPoolId, name: DEMO.poolName, emailSendingAccount: 'DEVELOPER', deletionProtection: true });
      expect(pool.createdAt).toBeInstanceOf(Date);
      expect(await countGroups(ctx)).toBe(DEMO.groups.length);
      // the admin SPA, the test-login client, the end users' app and the review's deliberately weak legacy client
      expect(await countUserPoolClients(ctx)).toBe(4);
      const quota = await getSesSendQuota(ctx);
      expect(quota.max24HourSend).toBeGreaterThan(0);
      session.dispose();
    });

    it('says "incorrect username or password" for a wrong password and stays signed out', async () => {
      const { session } = createAppServices(configFor(target), { storage: memoryStorage() });
      await session.restore();
      const error = await failure(session.signIn(DEMO.operator.username, 'Wrong-Passw0rd!'));
      expect(error).toMatchObject({ code: 'NotAuthorizedException', message: 'The username or password is incorrect. Check both and try again.' });
      expect(session.getState().status).toBe('signed-out');
    });

    it('marks a non-admin as such, and IAM refuses their calls anyway', async () => {
      const config = configFor(target);
      const { session } = createAppServices(config, { storage: memoryStorage() });
      await session.restore();
      await session.signIn(DEMO.nonAdmin.username, DEMO.nonAdmin.password);
      expect(signedIn(session).isAdmin).toBe(false);
      // The demo identity pool denies ambiguous role mappings, so no credentials are issued at all.
      const error = await failure(describeUserPool(adminCtx(config, session)));
      expect(error.code).toBe('NotAuthorizedException');
      expect(error.message).toMatch(/no AWS role: its role mapping refused it/);
      session.dispose();
    });

    it('walks NEW_PASSWORD_REQUIRED: the pool’s policy failure at the field, then signed in', async () => {
      const { session } = createAppServices(configFor(target), { storage: memoryStorage() });
      await session.restore();
      await session.signIn(DEMO.newAdmin.username, DEMO.newAdmin.temporaryPassword);
      const state = session.getState();
      expect(state).toMatchObject({ status: 'challenge', step: { kind: 'new-password' }, account: DEMO.newAdmin.username });
      const weak = await failure(session.completeNewPassword('short'));
      expect(weak.code).toBe('InvalidPasswordException');
      expect(weak.message).toMatch(/^The password does not meet the pool's password policy \(.+\)\. Choose one that does\.$/);
      expect(session.getState().status).toBe('challenge');
      await session.completeNewPassword('Brand-New-Passw0rd!');
      expect(signedIn(session).isAdmin).toBe(true);
      session.dispose();
    });

    it('keeps the session across a reload, refreshes tokens, and revokes them on sign-out', async () => {
      const config = configFor(target);
      const storage = memoryStorage();
      const first = createAppServices(config, { storage });
      await first.session.restore();
      await first.session.signIn(DEMO.operator.username, DEMO.operator.password);
      const before = signedIn(first.session);
      first.session.dispose();

      // "Reload": a new controller over the same sessionStorage.
      const second = createAppServices(config, { storage });
      await second.session.restore();
      expect(signedIn(second.session).claims.sub).toBe(before.claims.sub);
      expect(signedIn(second.session).startedAt).toBe(before.startedAt);

      await second.session.refresh();
      const refreshed = signedIn(second.session);
      expect(refreshed.tokens.refreshToken).toBe(before.tokens.refreshToken);
      expect(refreshed.tokens.idToken).not.toBe(before.tokens.idToken);

      await second.session.signOut();
      expect(second.session.getState()).toEqual({ status: 'signed-out' });
      expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);

      // The refresh token really was revoked: a copy kept elsewhere no longer works.
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ userPoolId: config.userPoolId, clientId: config.clientId, tokens: refreshed.tokens, startedAt: 1 }));
      const third = createAppServices(config, { storage });
      await third.session.restore();
      const ended = third.session.getState();
      // The ID token may still verify (it is self-contained); the refresh must fail, and the app's
      // next refresh ends the session. Either way, the revoked refresh token is unusable:
      if (ended.status === 'signed-in') {
        await expect(third.session.refresh()).rejects.toMatchObject({ code: 'NotAuthorizedException' });
      }
      expect(third.session.getState()).toMatchObject({ status: 'signed-out', notice: { message: 'Your session has ended. Sign in again.' } });
      third.session.dispose();
    });

    it('ignores stored tokens of another pool or client', async () => {
      const storage = memoryStorage();
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ userPoolId: 'us-east-1_Other', clientId: 'x', tokens: { idToken: 'a', accessToken: 'b', refreshToken: 'c' }, startedAt: 1 }));
      const { session } = createAppServices(configFor(target), { storage });
      await session.restore();
      expect(session.getState()).toEqual({ status: 'signed-out' });
      expect(storage.data.size).toBe(0);
    });

    it('answers SOFTWARE_TOKEN_MFA for an operator with an authenticator app', async () => {
      const username = `totp-${name}@example.com`;
      const password = 'Totp-Passw0rd!';
      target.emulator.idp.putUser(DEMO.userPoolId, { username, password, status: 'CONFIRMED', attributes: { email: username, email_verified: 'true' }, groups: ['admins'] });
      const config = configFor(target);
      const { session } = createAppServices(config, { storage: memoryStorage() });
      await session.restore();
      await session.signIn(username, password);
      const { tokens } = signedIn(session);
      // Enrol an authenticator the way an end user would, then sign in again.
      const idp = sdkClients(target).idp;
      const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: tokens.accessToken }));
      await idp.send(new VerifySoftwareTokenCommand({ AccessToken: tokens.accessToken, UserCode: await totpAt(SecretCode!, target.emulator.clock.now()) }));
      await idp.send(new SetUserMFAPreferenceCommand({ AccessToken: tokens.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
      await session.signOut();

      await session.signIn(username, password);
      expect(session.getState()).toMatchObject({ status: 'challenge', step: { kind: 'totp' } });
      const wrong = await failure(session.answerTotp('000000'));
      expect(wrong.code).toBe('CodeMismatchException');
      // A wrong code ends Cognito's challenge session; start again and answer right.
      if (session.getState().status !== 'challenge') await session.signIn(username, password);
      target.emulator.clock.advance(30);
      await session.answerTotp(await totpAt(SecretCode!, target.emulator.clock.now()));
      expect(signedIn(session).isAdmin).toBe(true);
      session.dispose();
    });

    it('walks MFA_SETUP in a pool that requires an authenticator app', async () => {
      const { poolId, clientId } = await nodeOrServerPool(target);
      const username = `mfa-setup-${name}`;
      target.emulator.idp.putUser(poolId, { username, password: 'Setup-Passw0rd!', status: 'CONFIRMED', attributes: { email: `${username}@example.com` } });
      const config = configFor(target, { userPoolId: poolId, clientId });
      const { session } = createAppServices(config, { storage: memoryStorage() });
      await session.restore();
      await session.signIn(username, 'Setup-Passw0rd!');
      expect(session.getState()).toMatchObject({ status: 'challenge', step: { kind: 'mfa-setup' } });
      const enrolment = await session.beginTotpSetup();
      expect(enrolment.secretCode).toMatch(/^[A-Z2-7]+=*$/);
      expect(enrolment.otpauthUri).toBe(
        `otpauth://totp/Poolkeeper:${username}?secret=${enrolment.secretCode}&issuer=Poolkeeper&algorithm=SHA1&digits=6&period=30`,
      );
      await session.completeTotpSetup(enrolment, await totpAt(enrolment.secretCode, target.emulator.clock.now()));
      expect(signedIn(session).isAdmin).toBe(false);
      session.dispose();
    });
  });
}

async function nodeOrServerPool(target: EmulatorTarget): Promise<{ poolId: string; clientId: string }> {
  const root = { region: target.region, principal: { kind: 'root' as const, accessKeyId: 'test' } };
  const created = (await target.emulator.idp.call('CreateUserPool', { PoolName: 'mfa-required', MfaConfiguration: 'OFF' }, root)) as { UserPool: { Id: string } };
  const poolId = created.UserPool.Id;
  await target.emulator.idp.call('SetUserPoolMfaConfig', { UserPoolId: poolId, SoftwareTokenMfaConfiguration: { Enabled: true }, MfaConfiguration: 'ON' }, root);
  const client = (await target.emulator.idp.call(
    'CreateUserPoolClient',
    { UserPoolId: poolId, ClientName: 'spa', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
    root,
  )) as { UserPoolClient: { ClientId: string } };
  return { poolId, clientId: client.UserPoolClient.ClientId };
}
