/**
 * ID, access and refresh tokens as Cognito issues them: RS256 with the pool's keys (one for ID
 * tokens, another for access tokens, created on first use), Cognito's claims, lifetimes from the
 * app client, and an opaque refresh token that names the sign-in session (origin_jti). Revoking that session — RevokeToken, GlobalSignOut,
 * AdminUserGlobalSignOut, disabling or deleting the user — invalidates every token of it.
 */
import { decodeJwtUnverified, generateSigningKey, publicJwks, signJwt, verifyJwt, type SigningKey } from '../crypto/jwt';
import { ServiceError, notAuthorized } from '../errors';
import { readableAttributes, tokenLifetimes } from './clients';
import { issuerOf, type Engine } from './engine';
import { opaque } from './ids';
import type { ClientRecord, PoolRecord, RefreshRecord, UserRecord } from './state';

const generating = new WeakMap<PoolRecord, Promise<void>>();

/** Which of the pool's keys signs what: Cognito signs ID and access tokens with different keys. */
export type TokenUse = 'id' | 'access';
const KEY_INDEX: Record<TokenUse, number> = { id: 0, access: 1 };

/**
 * The pool's key for one token use, generated on first use (one RSA generation per key even under
 * concurrency). Pools from snapshots taken before access tokens had their own key get it now;
 * tokens they issued with the first key still verify, since verification looks keys up by kid.
 */
export async function signingKey(engine: Engine, pool: PoolRecord, use: TokenUse): Promise<SigningKey> {
  while (pool.keys.length < 2) {
    let pending = generating.get(pool);
    if (!pending) {
      pending = generateSigningKey(engine.env.random).then((key) => {
        if (pool.keys.length < 2) pool.keys.push(key);
        generating.delete(pool);
      });
      generating.set(pool, pending);
    }
    await pending;
  }
  return pool.keys[KEY_INDEX[use]]!;
}

export async function poolJwks(engine: Engine, pool: PoolRecord) {
  await signingKey(engine, pool, 'access');
  return publicJwks(pool.keys);
}

const BOOLEAN_CLAIMS = new Set(['email_verified', 'phone_number_verified']);

/** Groups in Cognito's order (precedence, then name) with the role claims Cognito Identity reads. */
function groupClaims(pool: PoolRecord, user: UserRecord): Record<string, unknown> {
  if (user.groups.length === 0) return {};
  const groups = user.groups
    .map((name) => pool.groups.get(name))
    .filter((g) => g !== undefined)
    .sort((a, b) => (a.precedence ?? Infinity) - (b.precedence ?? Infinity) || (a.name < b.name ? -1 : 1));
  const claims: Record<string, unknown> = { 'cognito:groups': groups.map((g) => g.name) };
  const withRoles = groups.filter((g) => g.roleArn);
  if (withRoles.length > 0) {
    claims['cognito:roles'] = [...new Set(withRoles.map((g) => g.roleArn))];
    // The preferred role is the lowest precedence's; a tie (or no precedence) leaves it unset.
    const best = withRoles[0]!;
    const tie = withRoles.some((g) => g !== best && (g.precedence ?? Infinity) === (best.precedence ?? Infinity));
    if (!tie && best.precedence !== undefined) claims['cognito:preferred_role'] = best.roleArn;
  }
  return claims;
}

function attributeClaims(client: ClientRecord, user: UserRecord): Record<string, unknown> {
  const readable = readableAttributes(client);
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub' || name.startsWith('dev:') || (readable && !readable.has(name))) continue;
    if (BOOLEAN_CLAIMS.has(name)) out[name] = value === 'true';
    else if (name === 'updated_at' && /^\d+$/.test(value)) out[name] = Number(value);
    else out[name] = value;
  }
  return out;
}

export interface AuthenticationResult {
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
  IdToken: string;
  RefreshToken?: string;
}

/** Signs a new ID/access token pair for a session; opens the session (and its refresh token) if new. */
export async function issueTokens(
  engine: Engine,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  session?: RefreshRecord,
): Promise<AuthenticationResult> {
  const [idKey, accessKey] = await Promise.all([signingKey(engine, pool, 'id'), signingKey(engine, pool, 'access')]);
  const now = engine.env.clock.nowSeconds();
  const life = tokenLifetimes(client);
  const random = engine.env.random;
  let record = session;
  if (!record) {
    // Shaped like Cognito's (a JWE header and four more segments) but shorter: it is only a handle.
    const token = `eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.${opaque(random, 86)}.${opaque(random, 16)}.${opaque(random, 120)}.${opaque(random, 22)}`;
    const expiresAt = engine.env.clock.now() + life.refresh * 1000;
    record = {
      token,
      originJti: random.uuid(),
      poolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      sub: user.sub,
      authTime: now,
      expiresAt,
      revoked: false,
      keepUntil: Math.max(expiresAt, engine.env.clock.now() + Math.max(life.access, life.id) * 1000),
    };
    engine.refresh.add(record, engine.env.clock.now());
  } else {
    // Tokens minted from a refresh keep their session alive in the index until they expire.
    record.keepUntil = Math.max(record.keepUntil, engine.env.clock.now() + Math.max(life.access, life.id) * 1000);
  }
  const common = {
    sub: user.sub,
    ...groupClaims(pool, user),
    iss: issuerOf(engine, pool),
    origin_jti: record.originJti,
    event_id: random.uuid(),
    auth_time: record.authTime,
  };
  const idToken = await signJwt(idKey, {
    ...common,
    ...attributeClaims(client, user),
    'cognito:username': user.username,
    aud: client.clientId,
    token_use: 'id',
    exp: now + life.id,
    iat: now,
    jti: random.uuid(),
  });
  const accessToken = await signJwt(accessKey, {
    ...common,
    version: 2,
    client_id: client.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    exp: now + life.access,
    iat: now,
    jti: random.uuid(),
    username: user.username,
  });
  return {
    AccessToken: accessToken,
    ExpiresIn: life.access,
    TokenType: 'Bearer',
    IdToken: idToken,
    ...(session ? {} : { RefreshToken: record.token }),
  };
}

export function revokeSession(record: RefreshRecord): void {
  record.revoked = true;
}

/** Every session of the user (GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser). */
export function revokeUser(engine: Engine, pool: PoolRecord, user: UserRecord): void {
  for (const record of engine.refresh.ofUser(pool.id, user.sub)) record.revoked = true;
}

/** Forgets the user's sessions entirely (the user is gone). */
export function forgetUser(engine: Engine, pool: PoolRecord, user: UserRecord): void {
  for (const record of engine.refresh.ofUser(pool.id, user.sub)) engine.refresh.delete(record);
}

/** The pool a token claims to come from, when its issuer is one of ours. */
export function poolOfIssuer(engine: Engine, iss: unknown): PoolRecord | undefined {
  if (typeof iss !== 'string') return undefined;
  const pool = engine.pools.get(iss.slice(iss.lastIndexOf('/') + 1));
  return pool && issuerOf(engine, pool) === iss ? pool : undefined;
}

export interface VerifiedAccess {
  pool: PoolRecord;
  client: ClientRecord;
  user: UserRecord;
  claims: Record<string, unknown>;
  session: RefreshRecord;
}

const invalidAccessToken = () => notAuthorized('Invalid Access Token');

/** Checks an access token for the self-service operations; Cognito's message for each failure. */
export async function verifyAccessToken(engine: Engine, token: unknown): Promise<VerifiedAccess> {
  if (typeof token !== 'string') throw invalidAccessToken();
  const unverified = decodeJwtUnverified(token);
  const pool = unverified ? poolOfIssuer(engine, unverified.claims.iss) : undefined;
  if (!pool) throw invalidAccessToken();
  const verified = await verifyJwt(token, pool.keys);
  if (!verified || verified.claims.token_use !== 'access') throw invalidAccessToken();
  const claims = verified.claims;
  if (typeof claims.exp !== 'number' || claims.exp <= engine.env.clock.nowSeconds()) throw notAuthorized('Access Token has expired');
  const session = engine.refresh.byOriginJti(String(claims.origin_jti));
  if (!session || session.revoked) throw notAuthorized('Access Token has been revoked');
  const client = pool.clients.get(String(claims.client_id));
  if (!client) throw invalidAccessToken();
  const user = pool.users.bySubject(String(claims.sub));
  if (!user || user.username !== claims.username) throw new ServiceError('UserNotFoundException', 'User does not exist.');
  if (!user.enabled) throw notAuthorized('User is disabled.');
  return { pool, client, user, claims, session };
}

const invalidLogin = (reason: string) => notAuthorized(`Invalid login token. ${reason}`);

/** For Cognito Identity: an ID token from any pool here, with its wording for each failure. */
export async function verifyIdTokenFor(engine: Engine, token: string): Promise<Record<string, unknown>> {
  const unverified = decodeJwtUnverified(token);
  if (!unverified) throw invalidLogin('Not a valid OpenId Connect identity token.');
  const pool = poolOfIssuer(engine, unverified.claims.iss);
  if (!pool) throw invalidLogin("Couldn't verify signed token.");
  const verified = await verifyJwt(token, pool.keys);
  if (!verified) throw invalidLogin("Couldn't verify signed token.");
  const claims = verified.claims;
  if (claims.token_use !== 'id') throw invalidLogin('Not a valid OpenId Connect identity token.');
  const now = engine.env.clock.nowSeconds();
  if (typeof claims.exp !== 'number' || claims.exp <= now) throw invalidLogin(`Token expired: ${now} >= ${String(claims.exp)}`);
  const session = engine.refresh.byOriginJti(String(claims.origin_jti));
  if (!session || session.revoked) throw invalidLogin('Token has been revoked.');
  return claims;
}
