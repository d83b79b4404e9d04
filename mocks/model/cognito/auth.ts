/**
 * InitiateAuth and AdminInitiateAuth: USER_SRP_AUTH (real SRP-6a), USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH / ADMIN_NO_SRP_AUTH and REFRESH_TOKEN_AUTH / REFRESH_TOKEN, each only
 * when the app client's ExplicitAuthFlows allow it, with SECRET_HASH for clients with a secret and
 * PreventUserExistenceErrors honoured.
 */
import { createSrpChallenge } from '../crypto/srp';
import { ServiceError, invalidParameter, notAuthorized } from '../errors';
import type { CallContext } from '../types';
import { allowedFlows, preventsExistenceErrors } from './clients';
import { getClient, getClientAnywhere, getPool, userNotFound, type Engine, type Input } from './engine';
import { opaque } from './ids';
import { checkSecretHash } from './secret-hash';
import { openSession } from './sessions';
import { decoyUserId, srpSalt } from './srp-identity';
import { afterPassword, checkCanSignIn, incorrectCredentials, recordSignInFailure, type AuthResponse } from './sign-in';
import type { ClientRecord, PoolRecord } from './state';
import { issueTokens } from './tokens';
import { findUser } from './usernames';

const FLOW_PERMISSION: Record<string, string> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
};

const PUBLIC_FLOWS = new Set(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_AUTH']);
const ADMIN_FLOWS = new Set(['USER_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'USER_AUTH']);

export const missingParameter = (name: string) => invalidParameter(`Missing required parameter ${name}`);

export function authParameters(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function resolvePoolClient(engine: Engine, input: Input, ctx: CallContext, admin: boolean): { pool: PoolRecord; client: ClientRecord } {
  if (admin) {
    const pool = getPool(engine, input.UserPoolId, ctx);
    return { pool, client: getClient(pool, input.ClientId) };
  }
  return getClientAnywhere(engine, input.ClientId, ctx);
}

export async function initiateAuth(engine: Engine, input: Input, ctx: CallContext, admin: boolean): Promise<AuthResponse> {
  const { pool, client } = resolvePoolClient(engine, input, ctx, admin);
  const flow = input.AuthFlow as string;
  const params = authParameters(input.AuthParameters);
  if (!(admin ? ADMIN_FLOWS : PUBLIC_FLOWS).has(flow)) throw invalidParameter('Initiate Auth method not supported.');
  if (!allowedFlows(client).has(FLOW_PERMISSION[flow]!)) {
    throw invalidParameter(flow === 'USER_PASSWORD_AUTH' ? 'USER_PASSWORD_AUTH flow not enabled for this client' : 'Auth flow not enabled for this client');
  }
  if (flow === 'CUSTOM_AUTH') throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  if (flow === 'USER_AUTH') throw invalidParameter('USER_AUTH (choice-based sign-in) is not supported by this emulator.');
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') return refreshAuth(engine, pool, client, params);

  const name = params.USERNAME;
  if (!name) throw missingParameter('USERNAME');
  if (flow === 'USER_SRP_AUTH') return startSrp(engine, pool, client, params, name, admin);

  const password = params.PASSWORD;
  if (!password) throw missingParameter('PASSWORD');
  const user = findUser(pool, name);
  await checkSecretHash(client, params.SECRET_HASH, [name, user?.username]);
  if (!user) throw preventsExistenceErrors(client) ? incorrectCredentials() : userNotFound();
  checkCanSignIn(engine, user);
  if (user.password === undefined || user.password !== password) throw recordSignInFailure(engine, user, pool);
  return afterPassword(engine, pool, client, user);
}

async function startSrp(engine: Engine, pool: PoolRecord, client: ClientRecord, params: Record<string, string>, name: string, admin: boolean): Promise<AuthResponse> {
  const srpA = params.SRP_A;
  if (!srpA) throw missingParameter('SRP_A');
  const user = findUser(pool, name);
  await checkSecretHash(client, params.SECRET_HASH, [name, user?.username]);
  if (!user && !preventsExistenceErrors(client)) throw userNotFound();
  if (user) checkCanSignIn(engine, user);
  // An unknown user under PreventUserExistenceErrors gets a decoy challenge that can never verify,
  // with the same salt and id on every attempt, as a real user's would be.
  const userId = user?.username ?? (await decoyUserId(engine, pool, name));
  const challenge = await createSrpChallenge({
    poolName: pool.id,
    userIdForSrp: userId,
    password: user?.password ?? opaque(engine.env.random, 32),
    srpA,
    random: engine.env.random,
    saltHex: await srpSalt(engine, pool, user, name),
  });
  // The SECRET_BLOCK doubles as the session: the client sends it back as PASSWORD_CLAIM_SECRET_BLOCK.
  openSession(
    engine,
    client,
    {
      poolId: pool.id,
      clientId: client.clientId,
      username: userId,
      sub: user?.sub ?? '',
      challenge: 'PASSWORD_VERIFIER',
      srp: challenge.state,
      ...(user ? {} : { decoy: true }),
      ...(admin ? { admin: true } : {}),
    },
    challenge.secretBlock,
  );
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: challenge.saltHex,
      SECRET_BLOCK: challenge.secretBlock,
      SRP_B: challenge.srpBHex,
      USERNAME: userId,
      USER_ID_FOR_SRP: userId,
    },
  };
}

async function refreshAuth(engine: Engine, pool: PoolRecord, client: ClientRecord, params: Record<string, string>): Promise<AuthResponse> {
  const token = params.REFRESH_TOKEN;
  if (!token) throw missingParameter('REFRESH_TOKEN');
  const record = engine.refresh.byRefreshToken(token);
  if (!record || record.poolId !== pool.id || record.clientId !== client.clientId) throw notAuthorized('Invalid Refresh Token');
  const user = pool.users.bySubject(record.sub);
  await checkSecretHash(client, params.SECRET_HASH, [params.USERNAME, record.username, user?.username]);
  if (record.revoked) throw notAuthorized('Refresh Token has been revoked');
  if (engine.env.clock.now() >= record.expiresAt) throw notAuthorized('Refresh Token has expired');
  if (!user) throw userNotFound();
  if (!user.enabled) throw notAuthorized('User is disabled.');
  if (user.status === 'RESET_REQUIRED') throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
  return { ChallengeParameters: {}, AuthenticationResult: await issueTokens(engine, pool, client, user, record) };
}
