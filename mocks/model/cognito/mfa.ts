/**
 * TOTP MFA: AssociateSoftwareToken and VerifySoftwareToken (with an access token, or with the
 * MFA_SETUP session during sign-in), SetUserMFAPreference and AdminSetUserMFAPreference.
 */
import { newTotpSecret, verifyTotp } from '../crypto/totp';
import { ServiceError, invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { getPool, getUser, type Engine, type Input } from './engine';
import { findSession, renewSession } from './sessions';
import { poolAllowsTotp } from './sign-in';
import type { PoolRecord, UserRecord } from './state';
import { verifyAccessToken } from './tokens';

function sessionFor(engine: Engine, id: unknown) {
  const probe = typeof id === 'string' ? engine.sessions.get(id) : undefined;
  return findSession(engine, id, probe?.clientId ?? '', 'MFA_SETUP');
}

/** The API reference's description of SoftwareTokenMFANotFoundException; AWS's exact wording is unconfirmed. */
function requireTotpPool(pool: PoolRecord | undefined): void {
  if (!pool || !poolAllowsTotp(pool)) {
    throw new ServiceError('SoftwareTokenMFANotFoundException', "Software token TOTP multi-factor authentication (MFA) isn't activated for the user pool.");
  }
}

export async function associateSoftwareToken(engine: Engine, input: Input) {
  const secret = newTotpSecret(engine.env.random);
  if (input.AccessToken !== undefined) {
    const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
    requireTotpPool(pool);
    user.mfa.pendingTotpSecret = secret;
    return { SecretCode: secret };
  }
  if (input.Session === undefined) throw invalidParameter('Either AccessToken or Session must be provided.');
  const session = sessionFor(engine, input.Session);
  requireTotpPool(engine.pools.get(session.poolId));
  session.totpSecret = secret;
  session.totpVerified = false;
  return { SecretCode: secret, Session: renewSession(engine, session).id };
}

const codeMismatch = () => new ServiceError('EnableSoftwareTokenMFAException', 'Code mismatch');

export async function verifySoftwareToken(engine: Engine, input: Input) {
  const code = input.UserCode as string;
  const now = engine.env.clock.now();
  if (input.AccessToken !== undefined) {
    const { user } = await verifyAccessToken(engine, input.AccessToken);
    const secret = user.mfa.pendingTotpSecret;
    if (!secret) throw new ServiceError('SoftwareTokenMFANotFoundException', 'Software Token MFA is not associated with the user.');
    if (!(await verifyTotp(secret, code, now))) throw codeMismatch();
    user.mfa.totpSecret = secret;
    user.mfa.pendingTotpSecret = undefined;
    user.mfa.totpEnabled = true;
    user.modifiedAt = now;
    return { Status: 'SUCCESS' };
  }
  if (input.Session === undefined) throw invalidParameter('Either AccessToken or Session must be provided.');
  const session = sessionFor(engine, input.Session);
  if (!session.totpSecret) throw new ServiceError('SoftwareTokenMFANotFoundException', 'Software Token MFA is not associated with the user.');
  if (!(await verifyTotp(session.totpSecret, code, now))) throw codeMismatch();
  session.totpVerified = true;
  return { Status: 'SUCCESS', Session: renewSession(engine, session).id };
}

interface FactorSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

function applyPreferences(pool: PoolRecord, user: UserRecord, input: Input, now: number): void {
  const totp = input.SoftwareTokenMfaSettings as FactorSettings | undefined;
  const sms = input.SMSMfaSettings as FactorSettings | undefined;
  const email = input.EmailMfaSettings as FactorSettings | undefined;
  if (totp?.Enabled || totp?.PreferredMfa) {
    if (!user.mfa.totpSecret) throw invalidParameter('User has not verified software token mfa');
    if (!poolAllowsTotp(pool)) throw invalidParameter('Software token MFA is not enabled for this user pool.');
  }
  if (sms?.Enabled || sms?.PreferredMfa) {
    if (!pool.mfa.SmsMfaConfiguration) throw invalidParameter('SMS MFA is not enabled for this user pool.');
    if (!user.attributes.phone_number) throw invalidParameter('User does not have delivery config set to turn on SMS_MFA');
  }
  if (email?.Enabled || email?.PreferredMfa) {
    if (!pool.mfa.EmailMfaConfiguration) throw invalidParameter('Email MFA is not enabled for this user pool.');
  }
  const preferredCount = [totp, sms, email].filter((s) => s?.PreferredMfa).length;
  if (preferredCount > 1) throw invalidParameter('Only one MFA method can be preferred.');
  if (totp) {
    user.mfa.totpEnabled = totp.Enabled === true || totp.PreferredMfa === true;
    user.mfa.totpPreferred = totp.PreferredMfa === true;
  }
  if (sms) {
    user.mfa.smsEnabled = sms.Enabled === true || sms.PreferredMfa === true;
    user.mfa.smsPreferred = sms.PreferredMfa === true;
  }
  if (email) {
    user.mfa.emailEnabled = email.Enabled === true || email.PreferredMfa === true;
    user.mfa.emailPreferred = email.PreferredMfa === true;
  }
  // Preferring one factor makes it the only preferred one.
  if (totp?.PreferredMfa) user.mfa.smsPreferred = user.mfa.emailPreferred = false;
  if (sms?.PreferredMfa) user.mfa.totpPreferred = user.mfa.emailPreferred = false;
  if (email?.PreferredMfa) user.mfa.totpPreferred = user.mfa.smsPreferred = false;
  user.modifiedAt = now;
}

export async function setUserMfaPreference(engine: Engine, input: Input) {
  const { pool, user } = await verifyAccessToken(engine, input.AccessToken);
  applyPreferences(pool, user, input, engine.env.clock.now());
  return {};
}

export function adminSetUserMfaPreference(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  applyPreferences(pool, user, input, engine.env.clock.now());
  return {};
}
