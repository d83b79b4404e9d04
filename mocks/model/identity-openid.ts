/**
 * Cognito Identity's own OpenID tokens (GetOpenIdToken, the basic/classic flow) and the identity
 * read operations (DescribeIdentity, ListIdentities). Kept beside identity.ts, which owns pools and
 * identities; this file reaches them through IdentityAccess.
 */
import type { Clock } from './clock';
import { generateSigningKey, signJwt, verifyJwt, type SigningKey } from './crypto/jwt';
import { ServiceError } from './errors';
import type { IdentityPool } from './identity';
import { decodeIndexToken, encodeIndexToken } from './index-token';
import type { Random } from './random';

export const OPENID_ISSUER = 'https://cognito-identity.amazonaws.com';
/** "The OpenID token is valid for 10 minutes." (GetOpenIdToken, API reference) */
const OPENID_TOKEN_SECONDS = 600;

export interface IdentityView {
  identityId: string;
  poolId: string;
  logins: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
}

/** What these operations need from the identity model. */
export interface IdentityAccess {
  pool(id: unknown): IdentityPool;
  identity(id: string): IdentityView | undefined;
  identities(poolId: string): IdentityView[];
  /** checks Logins for an identity as GetCredentialsForIdentity does; returns the matched provider (undefined: unauthenticated) */
  verifiedLogin(identity: IdentityView, logins: unknown): Promise<{ provider: string; sub: string } | undefined>;
}

/** The identity pools' RSA key and the tokens signed with it (one key per emulated account). */
export class OpenIdTokens {
  private keys: SigningKey[] = [];
  private pending: Promise<SigningKey> | undefined;

  constructor(private readonly deps: { clock: Clock; random: Random }) {}

  private async key(): Promise<SigningKey> {
    if (this.keys[0]) return this.keys[0];
    this.pending ??= generateSigningKey(this.deps.random).then((key) => {
      if (this.keys.length === 0) this.keys.push(key);
      return this.keys[0]!;
    });
    return this.pending;
  }

  async issue(identity: IdentityView, login: { provider: string; sub: string } | undefined): Promise<string> {
    const now = Math.floor(this.deps.clock.now() / 1000);
    const amr = login ? ['authenticated', login.provider, `${login.provider}:CognitoSignIn:${login.sub}`] : ['unauthenticated'];
    return signJwt(await this.key(), {
      sub: identity.identityId,
      aud: identity.poolId,
      amr,
      iss: OPENID_ISSUER,
      exp: now + OPENID_TOKEN_SECONDS,
      iat: now,
    });
  }

  /** For STS AssumeRoleWithWebIdentity: the claims of a token this account's identity pools issued. */
  async verify(token: string): Promise<Record<string, unknown>> {
    const verified = this.keys.length > 0 ? await verifyJwt(token, this.keys) : null;
    if (!verified || verified.claims.iss !== OPENID_ISSUER) {
      throw new ServiceError('InvalidIdentityToken', 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
    }
    const exp = Number(verified.claims.exp);
    const now = Math.floor(this.deps.clock.now() / 1000);
    if (!(exp > now)) {
      throw new ServiceError('ExpiredTokenException', `Token expired: current date/time ${now} must be before the expiration date/time ${exp}`);
    }
    return verified.claims;
  }

  toJSON(): unknown {
    return { keys: this.keys };
  }

  restore(data: unknown): void {
    const keys = (data as { keys?: SigningKey[] } | undefined)?.keys;
    if (Array.isArray(keys)) this.keys = keys;
  }
}

/**
 * GetOpenIdToken. AWS refuses it on a pool without AllowClassicFlow, and (reported by users, not in
 * the API reference) on a pool with role mappings, since the basic flow cannot apply them.
 */
export async function getOpenIdToken(access: IdentityAccess, tokens: OpenIdTokens, input: Record<string, unknown>) {
  const identityId = String(input.IdentityId);
  checkIdentityId(identityId);
  const identity = access.identity(identityId);
  if (!identity) throw new ServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
  const pool = access.pool(identity.poolId);
  if (pool.AllowClassicFlow !== true) {
    throw new ServiceError('InvalidParameterException', 'Basic (classic) flow is not enabled, please use enhanced flow.');
  }
  if (pool.RoleMappings && Object.keys(pool.RoleMappings).length > 0) {
    throw new ServiceError('InvalidParameterException', 'Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.');
  }
  const login = await access.verifiedLogin(identity, input.Logins);
  return { IdentityId: identityId, Token: await tokens.issue(identity, login) };
}

export function describeIdentity(access: IdentityAccess, input: Record<string, unknown>) {
  const identityId = String(input.IdentityId);
  checkIdentityId(identityId);
  const identity = access.identity(identityId);
  if (!identity) throw new ServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
  return describeOne(identity);
}

export function listIdentities(access: IdentityAccess, input: Record<string, unknown>) {
  const pool = access.pool(input.IdentityPoolId);
  const { page, NextToken } = identityPage(access.identities(pool.IdentityPoolId), input);
  return { IdentityPoolId: pool.IdentityPoolId, Identities: page.map(describeOne), ...(NextToken ? { NextToken } : {}) };
}

/** MaxResults (1–60) and NextToken as ListIdentityPools and ListIdentities take them. */
export function identityPage<T>(all: T[], input: Record<string, unknown>): { page: T[]; NextToken?: string } {
  const max = Number(input.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 60) {
    throw new ServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value '${String(input.MaxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value ${max < 1 ? 'greater than or equal to 1' : 'less than or equal to 60'}`,
    );
  }
  let start = 0;
  if (input.NextToken !== undefined) {
    start = decodeIndexToken(String(input.NextToken));
    if (start < 0 || start > all.length) throw new ServiceError('InvalidParameterException', 'Invalid pagination token.');
  }
  const page = all.slice(start, start + max);
  const next = start + page.length;
  return { page, ...(next < all.length ? { NextToken: encodeIndexToken(next) } : {}) };
}

function describeOne(identity: IdentityView) {
  const logins = Object.keys(identity.logins);
  return {
    IdentityId: identity.identityId,
    ...(logins.length > 0 ? { Logins: logins } : {}),
    CreationDate: new Date(identity.createdAt),
    LastModifiedDate: new Date(identity.modifiedAt),
  };
}

/** IdentityId: 1–55 characters matching [\w-]+:[0-9a-f-]+ (API reference). */
function checkIdentityId(id: string): void {
  if (id.length > 55 || !/^[\w-]+:[0-9a-f-]+$/.test(id)) {
    throw new ServiceError(
      'InvalidParameterException',
      `1 validation error detected: Value '${id}' at 'identityId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+`,
    );
  }
}
