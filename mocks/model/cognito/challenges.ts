/**
 * RespondToAuthChallenge and AdminRespondToAuthChallenge: PASSWORD_VERIFIER (the SRP claim),
 * NEW_PASSWORD_REQUIRED (policy-checked, required attributes filled), SOFTWARE_TOKEN_MFA and
 * MFA_SETUP (after AssociateSoftwareToken/VerifySoftwareToken with the session).
 */
import { verifySrpClaim } from '../crypto/srp';
import { verifyTotp } from '../crypto/totp';
import { ServiceError, invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { authParameters, missingParameter, resolvePoolClient } from './auth';
import type { Engine, Input } from './engine';
import { checkPassword, policyOf } from './password-policy';
import { checkAttributes, missingRequired } from './schema';
import { checkSecretHash } from './secret-hash';
import { closeSession, findSession, invalidSession } from './sessions';
import { settleAuthEvent } from './auth-events';
import { afterPassword, checkSignInLock, incorrectCredentials, mfaOrTokens, recordSignInFailure, type AuthResponse } from './sign-in';
import type { AttributeMap, ClientRecord, PoolRecord, SessionRecord, UserRecord } from './state';
import { issueTokens } from './tokens';
import { claimAliases } from './usernames';

/**
 * Answers the challenge; a challenge that belongs to a recorded SignIn event (auth-events.ts) adds
 * its outcome to that event: passed when tokens are issued, failed on a wrong MFA code, and carried
 * on to the next challenge's session otherwise.
 */
export async function respondToAuthChallenge(engine: Engine, input: Input, ctx: CallContext, admin: boolean): Promise<AuthResponse> {
  const session = typeof input.Session === 'string' ? engine.sessions.get(input.Session) : undefined;
  const eventId = session?.authEventId;
  if (!session || !eventId) return answerChallenge(engine, input, ctx, admin);
  const user = engine.pools.get(session.poolId)?.users.bySubject(session.sub);
  const mfa = input.ChallengeName === 'SOFTWARE_TOKEN_MFA' || input.ChallengeName === 'MFA_SETUP';
  let response: AuthResponse;
  try {
    response = await answerChallenge(engine, input, ctx, admin);
  } catch (error) {
    if (user && mfa && error instanceof ServiceError && error.code === 'CodeMismatchException') {
      settleAuthEvent(user, eventId, { response: 'Fail', challenge: { name: 'Mfa', response: 'Failure' } });
    }
    throw error;
  }
  if (user && response.AuthenticationResult) {
    settleAuthEvent(user, eventId, { response: 'Pass', ...(mfa ? { challenge: { name: 'Mfa' as const, response: 'Success' as const } } : {}) });
  } else if (response.Session) {
    const next = engine.sessions.get(response.Session);
    if (next) next.authEventId = eventId;
  }
  return response;
}

async function answerChallenge(engine: Engine, input: Input, ctx: CallContext, admin: boolean): Promise<AuthResponse> {
  const { pool, client } = resolvePoolClient(engine, input, ctx, admin);
  const responses = authParameters(input.ChallengeResponses);
  const name = responses.USERNAME;
  if (!name) throw missingParameter('USERNAME');
  switch (input.ChallengeName) {
    case 'PASSWORD_VERIFIER':
      return passwordVerifier(engine, pool, client, responses, name);
    case 'NEW_PASSWORD_REQUIRED':
      return newPassword(engine, pool, client, input.Session, responses, name, admin);
    case 'SOFTWARE_TOKEN_MFA':
      return softwareTokenMfa(engine, pool, client, input.Session, responses, name);
    case 'MFA_SETUP':
      return mfaSetup(engine, pool, client, input.Session, responses, name);
    default:
      throw invalidParameter(`Challenge ${String(input.ChallengeName)} is not supported by this emulator.`);
  }
}

/** The session's user, still there and still the same person (not deleted and re-created). */
function sessionUser(pool: PoolRecord, session: SessionRecord): UserRecord {
  const user = pool.users.bySubject(session.sub);
  if (!user || session.poolId !== pool.id) throw invalidSession();
  return user;
}

async function passwordVerifier(engine: Engine, pool: PoolRecord, client: ClientRecord, r: Record<string, string>, name: string): Promise<AuthResponse> {
  for (const key of ['PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']) if (!r[key]) throw missingParameter(key);
  const session = findSession(engine, r.PASSWORD_CLAIM_SECRET_BLOCK, client.clientId, 'PASSWORD_VERIFIER');
  await checkSecretHash(client, r.SECRET_HASH, [name, session.username]);
  closeSession(engine, session);
  if (session.decoy || !session.srp) throw incorrectCredentials();
  const user = pool.users.bySubject(session.sub);
  if (!user) throw incorrectCredentials();
  checkSignInLock(engine, user);
  const ok = await verifySrpClaim(session.srp, {
    secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK!,
    timestamp: r.TIMESTAMP!,
    signature: r.PASSWORD_CLAIM_SIGNATURE!,
  });
  if (!ok) throw recordSignInFailure(engine, user, pool);
  return afterPassword(engine, pool, client, user);
}

async function newPassword(
  engine: Engine,
  pool: PoolRecord,
  client: ClientRecord,
  sessionId: unknown,
  r: Record<string, string>,
  name: string,
  admin: boolean,
): Promise<AuthResponse> {
  const session = findSession(engine, sessionId, client.clientId, 'NEW_PASSWORD_REQUIRED');
  const user = sessionUser(pool, session);
  await checkSecretHash(client, r.SECRET_HASH, [name, user.username]);
  const password = r.NEW_PASSWORD;
  if (!password) throw missingParameter('NEW_PASSWORD');
  checkPassword(password, policyOf(pool.config));
  const attrs: AttributeMap = {};
  for (const [key, value] of Object.entries(r)) if (key.startsWith('userAttributes.')) attrs[key.slice('userAttributes.'.length)] = value;
  // Attributes the user has not got yet may be set even when immutable (they are being created).
  const fresh: AttributeMap = {};
  const changed: AttributeMap = {};
  for (const [name, value] of Object.entries(attrs)) (user.attributes[name] === undefined ? fresh : changed)[name] = value;
  checkAttributes(pool, fresh, 'create', { admin });
  checkAttributes(pool, changed, 'update', { admin });
  const missing = missingRequired(pool, { ...user.attributes, ...attrs });
  if (missing.length > 0) throw invalidParameter(`Invalid attributes given, ${missing[0]} is missing`);
  claimAliases(pool, user, attrs, false);
  closeSession(engine, session);
  pool.users.update(user, (u) => {
    Object.assign(u.attributes, attrs);
    u.password = password;
    u.passwordExpiresAt = undefined;
    u.status = 'CONFIRMED';
    u.modifiedAt = engine.env.clock.now();
  });
  return mfaOrTokens(engine, pool, client, user);
}

async function softwareTokenMfa(engine: Engine, pool: PoolRecord, client: ClientRecord, sessionId: unknown, r: Record<string, string>, name: string): Promise<AuthResponse> {
  const session = findSession(engine, sessionId, client.clientId, 'SOFTWARE_TOKEN_MFA');
  const user = sessionUser(pool, session);
  await checkSecretHash(client, r.SECRET_HASH, [name, user.username]);
  const code = r.SOFTWARE_TOKEN_MFA_CODE;
  if (!code) throw missingParameter('SOFTWARE_TOKEN_MFA_CODE');
  const secret = user.mfa.totpSecret;
  // A code already used once cannot sign in again within its 30-second window.
  if (!secret || code === user.mfa.lastTotpCode || !(await verifyTotp(secret, code, engine.env.clock.now()))) {
    throw new ServiceError('CodeMismatchException', 'Invalid code received for user');
  }
  user.mfa.lastTotpCode = code;
  closeSession(engine, session);
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(engine, pool, client, user) };
}

async function mfaSetup(engine: Engine, pool: PoolRecord, client: ClientRecord, sessionId: unknown, r: Record<string, string>, name: string): Promise<AuthResponse> {
  const session = findSession(engine, sessionId, client.clientId, 'MFA_SETUP');
  const user = sessionUser(pool, session);
  await checkSecretHash(client, r.SECRET_HASH, [name, user.username]);
  if (!session.totpSecret || !session.totpVerified) {
    throw invalidParameter('Software token MFA has not been set up for this session: call AssociateSoftwareToken and VerifySoftwareToken first.');
  }
  user.mfa.totpSecret = session.totpSecret;
  user.mfa.pendingTotpSecret = undefined;
  user.mfa.totpEnabled = true;
  user.mfa.totpPreferred = true;
  user.modifiedAt = engine.env.clock.now();
  closeSession(engine, session);
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(engine, pool, client, user) };
}

