import { describe, expect, it } from 'vitest';
import { totpAt } from '../crypto/totp';
import { poolWithClient, publicCtx, rejection, setup, type Setup } from './test-support';

interface AuthEvent {
  EventId: string;
  EventType: string;
  CreationDate: number;
  EventResponse: string;
  EventRisk: { RiskDecision: string; CompromisedCredentialsDetected: boolean };
  ChallengeResponses: { ChallengeName: string; ChallengeResponse: string }[];
  EventFeedback?: { FeedbackValue: string; Provider: string };
}
interface AuthResult {
  ChallengeName?: string;
  Session?: string;
  AuthenticationResult?: { AccessToken: string };
}

const PASSWORD = 'Correct-Horse-1';

async function pool(t: Setup, addOns: 'AUDIT' | 'ENFORCED' | 'OFF' | 'none') {
  const ids = await poolWithClient(t, {
    ...(addOns === 'none' ? {} : { UserPoolAddOns: { AdvancedSecurityMode: addOns } }),
    UserPoolTier: 'PLUS',
  });
  await t.call('SetUserPoolMfaConfig', { UserPoolId: ids.poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } });
  t.idp.putUser(ids.poolId, { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } });
  const signIn = (password = PASSWORD) =>
    t.call<AuthResult>('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: ids.clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: password } }, publicCtx);
  const events = (input: Record<string, unknown> = {}) =>
    t.call<{ AuthEvents: AuthEvent[]; NextToken?: string }>('AdminListUserAuthEvents', { UserPoolId: ids.poolId, Username: 'alice', ...input });
  return { ...ids, signIn, events };
}

const summary = (e: AuthEvent) => `${e.EventType} ${e.EventResponse} ${e.ChallengeResponses.map((c) => `${c.ChallengeName}:${c.ChallengeResponse}`).join(',')}`.trim();

describe('auth events (threat protection)', () => {
  it('a pool without threat protection records nothing and refuses the read, as AWS does', async () => {
    for (const mode of ['none', 'OFF'] as const) {
      const t = setup();
      const p = await pool(t, mode);
      await p.signIn();
      const refused = await rejection(p.events());
      expect(refused.code).toBe('UserPoolAddOnNotEnabledException');
    }
  });

  it('records sign-ins, newest first, with each challenge’s outcome and no risk', async () => {
    const t = setup();
    const p = await pool(t, 'AUDIT');
    await rejection(p.signIn('Wrong-Horse-1'));
    t.clock.advance(60);
    const ok = await p.signIn();
    expect(ok.AuthenticationResult).toBeDefined();
    const { AuthEvents } = await p.events();
    expect(AuthEvents.map(summary)).toEqual(['SignIn Pass Password:Success', 'SignIn Fail Password:Failure']);
    expect(AuthEvents[0]!.CreationDate).toBeGreaterThan(AuthEvents[1]!.CreationDate);
    expect(AuthEvents[0]!.EventRisk).toEqual({ RiskDecision: 'NoRisk', CompromisedCredentialsDetected: false });
    expect(AuthEvents[0]!.EventId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a sign-in with MFA is in progress until the code is answered; a wrong code fails it', async () => {
    const t = setup();
    const p = await pool(t, 'ENFORCED');
    const accessToken = (await p.signIn()).AuthenticationResult!.AccessToken;
    const { SecretCode } = await t.call<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken: accessToken }, publicCtx);
    await t.call('VerifySoftwareToken', { AccessToken: accessToken, UserCode: await totpAt(SecretCode, t.clock.now()) }, publicCtx);
    await t.call('SetUserMFAPreference', { AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }, publicCtx);
    t.clock.advance(30);

    const challenge = await p.signIn();
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(summary((await p.events()).AuthEvents[0]!)).toBe('SignIn InProgress Password:Success');
    const code = await totpAt(SecretCode, t.clock.now());
    const wrong = code === '000000' ? '111111' : '000000';
    const answer = (c: string) =>
      t.call('RespondToAuthChallenge', { ClientId: p.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: challenge.Session, ChallengeResponses: { USERNAME: 'alice', SOFTWARE_TOKEN_MFA_CODE: c } }, publicCtx);
    await rejection(answer(wrong));
    expect(summary((await p.events()).AuthEvents[0]!)).toBe('SignIn Fail Password:Success,Mfa:Failure');
    await answer(code);
    expect(summary((await p.events()).AuthEvents[0]!)).toBe('SignIn Pass Password:Success,Mfa:Failure,Mfa:Success');
  });

  it('records sign-up, resent codes, forgotten and changed passwords', async () => {
    const t = setup();
    const p = await pool(t, 'AUDIT');
    await t.call('SignUp', { ClientId: p.clientId, Username: 'bob@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] }, publicCtx);
    await t.call('ResendConfirmationCode', { ClientId: p.clientId, Username: 'bob@example.com' }, publicCtx);
    const bob = await t.call<{ AuthEvents: AuthEvent[] }>('AdminListUserAuthEvents', { UserPoolId: p.poolId, Username: 'bob@example.com' });
    expect(bob.AuthEvents.map(summary)).toEqual(['ResendCode Pass', 'SignUp Pass']);

    const accessToken = (await p.signIn()).AuthenticationResult!.AccessToken;
    await rejection(t.call('ChangePassword', { AccessToken: accessToken, PreviousPassword: 'Not-it-1', ProposedPassword: 'Other-Horse-2' }, publicCtx));
    await t.call('ChangePassword', { AccessToken: accessToken, PreviousPassword: PASSWORD, ProposedPassword: 'Other-Horse-2' }, publicCtx);
    await t.call('ForgotPassword', { ClientId: p.clientId, Username: 'alice' }, publicCtx);
    const code = t.mailer.sent.at(-1)!.code!;
    await t.call('ConfirmForgotPassword', { ClientId: p.clientId, Username: 'alice', ConfirmationCode: code, Password: 'Third-Horse-3' }, publicCtx);
    expect((await p.events()).AuthEvents.map(summary)).toEqual([
      'PasswordChange Pass',
      'ForgotPassword Pass',
      'PasswordChange Pass',
      'PasswordChange Fail',
      'SignIn Pass Password:Success',
    ]);
  });

  it('pages with MaxResults and NextToken, and takes feedback on an event', async () => {
    const t = setup();
    const p = await pool(t, 'AUDIT');
    for (let i = 0; i < 5; i++) {
      await p.signIn();
      t.clock.advance(1);
    }
    const first = await p.events({ MaxResults: 2 });
    expect(first.AuthEvents).toHaveLength(2);
    const second = await p.events({ MaxResults: 2, NextToken: first.NextToken });
    const third = await p.events({ MaxResults: 2, NextToken: second.NextToken });
    expect(third.NextToken).toBeUndefined();
    const all = [...first.AuthEvents, ...second.AuthEvents, ...third.AuthEvents];
    expect(new Set(all.map((e) => e.EventId)).size).toBe(5);
    expect(all.map((e) => e.CreationDate)).toEqual([...all.map((e) => e.CreationDate)].sort((a, b) => b - a));
    // MaxResults 0 means the default page of 60.
    expect((await p.events({ MaxResults: 0 })).AuthEvents).toHaveLength(5);
    // A token belongs to its user.
    await t.call('SignUp', { ClientId: p.clientId, Username: 'bob@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'bob@example.com' }] }, publicCtx);
    const mismatch = await rejection(t.call('AdminListUserAuthEvents', { UserPoolId: p.poolId, Username: 'bob@example.com', NextToken: first.NextToken }));
    expect(mismatch.code).toBe('InvalidParameterException');

    const target = all[0]!.EventId;
    await t.call('AdminUpdateAuthEventFeedback', { UserPoolId: p.poolId, Username: 'alice', EventId: target, FeedbackValue: 'Invalid' });
    expect((await p.events()).AuthEvents.find((e) => e.EventId === target)?.EventFeedback).toMatchObject({ FeedbackValue: 'Invalid', Provider: 'Admin' });
    const unknown = await rejection(t.call('AdminUpdateAuthEventFeedback', { UserPoolId: p.poolId, Username: 'alice', EventId: 'nope', FeedbackValue: 'Valid' }));
    expect(unknown.code).toBe('ResourceNotFoundException');
  });
});
