/**
 * The steps every sign-in shares once the user is known: lockout after repeated wrong passwords,
 * the status checks in Cognito's order, then the next challenge (NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA, MFA_SETUP) or the tokens.
 */
import { ServiceError, notAuthorized } from '../errors';
import { recordAuthEvent } from './auth-events';
import type { Engine } from './engine';
import { openSession } from './sessions';
import type { ClientRecord, PoolRecord, UserRecord } from './state';
import { issueTokens, type AuthenticationResult } from './tokens';
import { toAttributeList } from './user-view';

export const incorrectCredentials = () => notAuthorized('Incorrect username or password.');

/** Wrong passwords in a row before Cognito starts refusing sign-in for a while. */
export const FREE_SIGN_IN_FAILURES = 5;

export function checkSignInLock(engine: Engine, user: UserRecord): void {
  const until = user.failures.signInLockedUntil;
  if (until !== undefined && engine.env.clock.now() < until) throw notAuthorized('Password attempts exceeded');
}

/** Counts a wrong password; past the free attempts the lockout doubles from 1 s up to 15 min. */
export function recordSignInFailure(engine: Engine, user: UserRecord, pool?: PoolRecord): ServiceError {
  if (pool) recordAuthEvent(engine, pool, user, { type: 'SignIn', response: 'Fail', challenges: [{ name: 'Password', response: 'Failure' }] });
  user.failures.signIn++;
  const over = user.failures.signIn - FREE_SIGN_IN_FAILURES;
  if (over >= 0) {
    user.failures.signInLockedUntil = engine.env.clock.now() + Math.min(2 ** over, 900) * 1000;
  }
  return incorrectCredentials();
}

/** Checks Cognito makes before it looks at the password. */
export function checkCanSignIn(engine: Engine, user: UserRecord): void {
  checkSignInLock(engine, user);
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED') throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
}

export interface AuthResponse {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
}

/**
 * After a correct password: unconfirmed / temporary password / MFA / tokens — recorded as a SignIn
 * event that passes now, or is in progress until its challenge is answered (challenges.ts settles it).
 */
export async function afterPassword(engine: Engine, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthResponse> {
  const response = await nextStepAfterPassword(engine, pool, client, user);
  const event = recordAuthEvent(engine, pool, user, {
    type: 'SignIn',
    response: response.AuthenticationResult ? 'Pass' : 'InProgress',
    challenges: [{ name: 'Password', response: 'Success' }],
  });
  const session = event && response.Session ? engine.sessions.get(response.Session) : undefined;
  if (event && session) session.authEventId = event.id;
  return response;
}

async function nextStepAfterPassword(engine: Engine, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthResponse> {
  user.failures.signIn = 0;
  user.failures.signInLockedUntil = undefined;
  if (user.status === 'UNCONFIRMED') throw new ServiceError('UserNotConfirmedException', 'User is not confirmed.');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if (user.passwordExpiresAt !== undefined && engine.env.clock.now() >= user.passwordExpiresAt) {
      throw notAuthorized('Temporary password has expired and must be reset by an administrator.');
    }
    const session = openSession(engine, client, base(pool, client, user, 'NEW_PASSWORD_REQUIRED'));
    const attributes = toAttributeList(user.attributes).filter((a) => a.Name !== 'sub');
    const required = pool.schema.filter((a) => a.Required && a.Name !== 'sub' && !user.attributes[a.Name]).map((a) => `userAttributes.${a.Name}`);
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session.id,
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: JSON.stringify(required),
        userAttributes: JSON.stringify(Object.fromEntries(attributes.map((a) => [a.Name, a.Value]))),
      },
    };
  }
  return mfaOrTokens(engine, pool, client, user);
}

const base = (pool: PoolRecord, client: ClientRecord, user: UserRecord, challenge: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP') => ({
  poolId: pool.id,
  clientId: client.clientId,
  username: user.username,
  sub: user.sub,
  challenge,
});

export const poolAllowsTotp = (pool: PoolRecord) =>
  (pool.mfa.SoftwareTokenMfaConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true;

/** The MFA step the pool and user call for, or the tokens. */
export async function mfaOrTokens(engine: Engine, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<AuthResponse> {
  const mode = pool.config.MfaConfiguration;
  if (mode === 'ON' || mode === 'OPTIONAL') {
    if (user.mfa.totpEnabled && user.mfa.totpSecret && poolAllowsTotp(pool)) {
      const session = openSession(engine, client, base(pool, client, user, 'SOFTWARE_TOKEN_MFA'));
      return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: session.id, ChallengeParameters: { USER_ID_FOR_SRP: user.username } };
    }
    if (mode === 'ON') {
      const session = openSession(engine, client, base(pool, client, user, 'MFA_SETUP'));
      return {
        ChallengeName: 'MFA_SETUP',
        Session: session.id,
        ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(poolAllowsTotp(pool) ? ['SOFTWARE_TOKEN_MFA'] : []), USER_ID_FOR_SRP: user.username },
      };
    }
  }
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(engine, pool, client, user) };
}
