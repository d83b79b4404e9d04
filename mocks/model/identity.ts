import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { Random } from './random';
import type { CallContext } from './types';
import { decodeJwtUnverified } from './crypto/jwt';
import { describeIdentity, getOpenIdToken, identityPage, listIdentities, OpenIdTokens, type IdentityAccess } from './identity-openid';
import { validateIdentityPoolInput, validateIdentityPoolRolesInput } from './identity-validation';
import { roleMappingFor } from './role-mapping';

/**
 * Amazon Cognito Identity (identity pools): turns a user pool ID token into an identity and
 * temporary AWS credentials for the role the pool's role mapping picks.
 */

export interface CognitoIdentityProviderEntry {
  ProviderName: string; // cognito-idp.<region>.amazonaws.com/<userPoolId>
  ClientId?: string;
  ServerSideTokenCheck?: boolean;
}

export interface MappingRule {
  Claim: string;
  MatchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
  Value: string;
  RoleARN: string;
}

export interface RoleMapping {
  Type: 'Token' | 'Rules';
  AmbiguousRoleResolution?: 'AuthenticatedRole' | 'Deny';
  RulesConfiguration?: { Rules: MappingRule[] };
}

export interface IdentityPool {
  IdentityPoolId: string;
  IdentityPoolName: string;
  AllowUnauthenticatedIdentities: boolean;
  AllowClassicFlow?: boolean;
  CognitoIdentityProviders?: CognitoIdentityProviderEntry[];
  SupportedLoginProviders?: Record<string, string>;
  DeveloperProviderName?: string;
  OpenIdConnectProviderARNs?: string[];
  SamlProviderARNs?: string[];
  IdentityPoolTags?: Record<string, string>;
  Roles?: { authenticated?: string; unauthenticated?: string };
  RoleMappings?: Record<string, RoleMapping>;
}

export interface IdentityRecord {
  identityId: string;
  poolId: string;
  /** provider name → subject, for authenticated identities */
  logins: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
}

/** What the identity model needs from the user-pool model and from IAM (see the team brief). */
export interface IdentityDeps {
  clock: Clock;
  random: Random;
  accountId: string;
  verifyIdToken: (token: string) => Promise<Record<string, unknown>>;
  issueCredentials: (
    roleArn: string,
    opts: { durationSeconds: number; identityId?: string; webIdentity?: { identityPoolId: string; authenticated: boolean } },
  ) => { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: number };
}

const CREDENTIALS_SECONDS = 3600;
const SIGNED_OPERATIONS = new Set([
  'DescribeIdentityPool', 'ListIdentityPools', 'CreateIdentityPool', 'DeleteIdentityPool', 'UpdateIdentityPool',
  'GetIdentityPoolRoles', 'SetIdentityPoolRoles', 'DescribeIdentity', 'ListIdentities',
]);
const OPERATIONS = new Set([...SIGNED_OPERATIONS, 'GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken']);
const PROVIDER_PATTERN = /^cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/;

export class CognitoIdentity {
  private pools = new Map<string, IdentityPool>();
  private identities = new Map<string, IdentityRecord>();
  /** `${poolId}|${provider}|${sub}` → identity id: the same user always gets the same identity */
  private byLogin = new Map<string, string>();

  /** the key behind GetOpenIdToken's tokens, which STS AssumeRoleWithWebIdentity verifies */
  readonly openIdTokens: OpenIdTokens;

  constructor(private readonly deps: IdentityDeps) {
    this.openIdTokens = new OpenIdTokens(deps);
  }

  has(operation: string): boolean {
    return OPERATIONS.has(operation);
  }

  /** GetId and GetCredentialsForIdentity are public (the token is the credential); the rest need IAM. */
  requiresSigV4(operation: string): boolean {
    return SIGNED_OPERATIONS.has(operation);
  }

  resourceArn(operation: string, input: Record<string, unknown>, region: string): string {
    if (operation === 'ListIdentityPools' || operation === 'CreateIdentityPool') return '*';
    const ofIdentity = typeof input.IdentityId === 'string' ? this.identities.get(input.IdentityId)?.poolId : undefined;
    const id = typeof input.IdentityPoolId === 'string' ? input.IdentityPoolId : ofIdentity ?? '*';
    return id === '*' ? '*' : `arn:aws:cognito-identity:${region}:${this.deps.accountId}:identitypool/${id}`;
  }

  /** Direct model access for seeds and tests. */
  putIdentityPool(pool: IdentityPool): void {
    this.pools.set(pool.IdentityPoolId, structuredClone(pool));
  }

  getIdentityPool(id: string): IdentityPool | undefined {
    const pool = this.pools.get(id);
    return pool && structuredClone(pool);
  }

  async call(operation: string, input: Record<string, unknown>, ctx: CallContext): Promise<unknown> {
    switch (operation) {
      case 'GetId':
        return this.getId(input, ctx);
      case 'GetCredentialsForIdentity':
        return this.getCredentialsForIdentity(input);
      case 'DescribeIdentityPool':
        return describe(this.pool(input.IdentityPoolId));
      case 'ListIdentityPools':
        return this.listIdentityPools(input);
      case 'CreateIdentityPool':
        return this.createIdentityPool(input, ctx);
      case 'UpdateIdentityPool':
        return this.updateIdentityPool(input);
      case 'DeleteIdentityPool':
        this.pool(input.IdentityPoolId);
        this.pools.delete(String(input.IdentityPoolId));
        this.forgetIdentitiesOf(String(input.IdentityPoolId));
        return {};
      case 'GetOpenIdToken':
        return getOpenIdToken(this.access(), this.openIdTokens, input);
      case 'DescribeIdentity':
        return describeIdentity(this.access(), input);
      case 'ListIdentities':
        return listIdentities(this.access(), input);
      case 'GetIdentityPoolRoles':
        return this.getIdentityPoolRoles(input);
      case 'SetIdentityPoolRoles':
        return this.setIdentityPoolRoles(input);
      default:
        throw new ServiceError('UnknownOperationException', '');
    }
  }

  // ---- public operations ----------------------------------------------------------------------

  private async getId(input: Record<string, unknown>, ctx: CallContext) {
    const pool = this.pool(input.IdentityPoolId);
    if (input.AccountId !== undefined && input.AccountId !== this.deps.accountId) {
      throw new ServiceError('NotAuthorizedException', 'Invalid AccountId.');
    }
    const logins = loginsOf(input.Logins);
    const now = this.deps.clock.now();
    if (logins.length === 0) {
      if (!pool.AllowUnauthenticatedIdentities) {
        throw new ServiceError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');
      }
      const identityId = `${ctx.region}:${this.deps.random.uuid()}`;
      this.identities.set(identityId, { identityId, poolId: pool.IdentityPoolId, logins: {}, createdAt: now, modifiedAt: now });
      return { IdentityId: identityId };
    }
    const verified = await this.verifyLogins(pool, logins);
    for (const { provider, sub } of verified) {
      const existing = this.byLogin.get(`${pool.IdentityPoolId}|${provider}|${sub}`);
      if (existing && this.identities.has(existing)) return { IdentityId: existing };
    }
    const identityId = `${regionOf(pool.IdentityPoolId)}:${this.deps.random.uuid()}`;
    const record: IdentityRecord = { identityId, poolId: pool.IdentityPoolId, logins: {}, createdAt: now, modifiedAt: now };
    for (const { provider, sub } of verified) {
      record.logins[provider] = sub;
      this.byLogin.set(`${pool.IdentityPoolId}|${provider}|${sub}`, identityId);
    }
    this.identities.set(identityId, record);
    return { IdentityId: identityId };
  }

  private async getCredentialsForIdentity(input: Record<string, unknown>) {
    const identityId = String(input.IdentityId);
    const identity = this.identities.get(identityId);
    if (!identity) throw new ServiceError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
    const pool = this.pool(identity.poolId);
    const logins = loginsOf(input.Logins);
    const customRoleArn = typeof input.CustomRoleArn === 'string' ? input.CustomRoleArn : undefined;

    let roleArn: string | undefined;
    if (Object.keys(identity.logins).length === 0) {
      if (logins.length > 0) throw loginsDontMatch();
      if (!pool.AllowUnauthenticatedIdentities) {
        throw new ServiceError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.');
      }
      roleArn = pool.Roles?.unauthenticated;
    } else {
      if (logins.length === 0) throw loginsDontMatch();
      const verified = await this.verifyLogins(pool, logins);
      const match = verified.find(({ provider, sub }) => identity.logins[provider] === sub);
      if (!match) throw loginsDontMatch();
      roleArn = this.chooseRole(pool, match.provider, match.claims, customRoleArn);
    }
    if (!roleArn) throw invalidConfiguration();

    let credentials: ReturnType<IdentityDeps['issueCredentials']>;
    try {
      credentials = this.deps.issueCredentials(roleArn, {
        durationSeconds: CREDENTIALS_SECONDS,
        identityId,
        webIdentity: { identityPoolId: pool.IdentityPoolId, authenticated: Object.keys(identity.logins).length > 0 },
      });
    } catch {
      throw invalidConfiguration();
    }
    identity.modifiedAt = this.deps.clock.now();
    return { IdentityId: identityId, Credentials: credentials };
  }

  /**
   * Role selection per "Using role-based access control": CustomRoleArn if the token allows it,
   * then cognito:preferred_role; otherwise the mapping's AmbiguousRoleResolution decides.
   */
  private chooseRole(pool: IdentityPool, provider: string, claims: Record<string, unknown>, customRoleArn: string | undefined): string | undefined {
    const found = roleMappingFor(pool.RoleMappings, provider, claims);
    if (!found) return customRoleArn ?? pool.Roles?.authenticated;
    const { key: mappingKey, mapping } = found;

    const ambiguous = () => {
      if (mapping.AmbiguousRoleResolution === 'AuthenticatedRole') return pool.Roles?.authenticated;
      throw new ServiceError('NotAuthorizedException', `The ambiguous role mapping rules for: ${mappingKey} denied this request.`);
    };

    if (mapping.Type === 'Token') {
      const roles = rolesClaim(claims['cognito:roles']);
      if (customRoleArn !== undefined) {
        if (roles.includes(customRoleArn)) return customRoleArn;
        throw new ServiceError('NotAuthorizedException', `The ambiguous role mapping rules for: ${mappingKey} denied this request.`);
      }
      const preferred = claims['cognito:preferred_role'];
      if (typeof preferred === 'string' && preferred !== '') return preferred;
      return ambiguous();
    }

    const rules = mapping.RulesConfiguration?.Rules ?? [];
    const matching = rules.filter((rule) => ruleMatches(rule, claims[rule.Claim]));
    if (customRoleArn !== undefined && matching.some((r) => r.RoleARN === customRoleArn)) return customRoleArn;
    return matching[0]?.RoleARN ?? ambiguous();
  }

  /** Verifies every login against the pool's configured providers; returns provider, sub and claims. */
  private async verifyLogins(pool: IdentityPool, logins: Array<[string, string]>) {
    const out: Array<{ provider: string; sub: string; claims: Record<string, unknown> }> = [];
    for (const [key, token] of logins) {
      const provider = providerNameFor(key, token);
      const configured = pool.CognitoIdentityProviders?.filter((p) => p.ProviderName === provider) ?? [];
      const userPool = PROVIDER_PATTERN.exec(provider);
      if (configured.length === 0 || !userPool) {
        throw new ServiceError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.');
      }
      const claims = await this.deps.verifyIdToken(token);
      const iss = typeof claims.iss === 'string' ? claims.iss : '';
      if (!iss.endsWith(`/${userPool[2]}`)) {
        throw new ServiceError('NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName");
      }
      const aud = typeof claims.aud === 'string' ? claims.aud : '';
      if (!configured.some((p) => p.ClientId === undefined || p.ClientId === aud)) {
        throw new ServiceError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.');
      }
      out.push({ provider, sub: String(claims.sub), claims });
    }
    return out;
  }

  // ---- signed (developer) operations ----------------------------------------------------------

  private listIdentityPools(input: Record<string, unknown>) {
    const { page, NextToken } = identityPage([...this.pools.values()], input);
    return {
      IdentityPools: page.map((p) => ({ IdentityPoolId: p.IdentityPoolId, IdentityPoolName: p.IdentityPoolName })),
      ...(NextToken ? { NextToken } : {}),
    };
  }

  private createIdentityPool(input: Record<string, unknown>, ctx: CallContext) {
    validateIdentityPoolInput(input);
    const name = String(input.IdentityPoolName);
    const pool: IdentityPool = {
      ...pickPoolFields(input),
      IdentityPoolId: `${ctx.region}:${this.deps.random.uuid()}`,
      IdentityPoolName: name,
      AllowUnauthenticatedIdentities: input.AllowUnauthenticatedIdentities === true,
    };
    this.pools.set(pool.IdentityPoolId, pool);
    return describe(pool);
  }

  private updateIdentityPool(input: Record<string, unknown>) {
    const pool = this.pool(input.IdentityPoolId);
    validateIdentityPoolInput(input);
    const updated: IdentityPool = {
      ...pickPoolFields(input),
      IdentityPoolId: pool.IdentityPoolId,
      IdentityPoolName: String(input.IdentityPoolName ?? pool.IdentityPoolName),
      AllowUnauthenticatedIdentities: input.AllowUnauthenticatedIdentities === true,
      Roles: pool.Roles,
      RoleMappings: pool.RoleMappings,
    };
    this.pools.set(pool.IdentityPoolId, updated);
    return describe(updated);
  }

  private getIdentityPoolRoles(input: Record<string, unknown>) {
    const pool = this.pool(input.IdentityPoolId);
    return {
      IdentityPoolId: pool.IdentityPoolId,
      ...(pool.Roles ? { Roles: { ...pool.Roles } } : {}),
      ...(pool.RoleMappings ? { RoleMappings: structuredClone(pool.RoleMappings) } : {}),
    };
  }

  private setIdentityPoolRoles(input: Record<string, unknown>) {
    const pool = this.pool(input.IdentityPoolId);
    validateIdentityPoolRolesInput(input, this.deps.accountId);
    const roles = (input.Roles ?? {}) as Record<string, string>;
    const mappings = (input.RoleMappings ?? undefined) as Record<string, RoleMapping> | undefined;
    for (const [provider, mapping] of Object.entries(mappings ?? {})) {
      if (!pool.CognitoIdentityProviders?.some((p) => p.ProviderName === provider || `${p.ProviderName}:${p.ClientId}` === provider)) {
        throw new ServiceError('InvalidParameterException', `${provider} is not a valid RoleMapping ProviderName or is not a configured provider.`);
      }
      if (mapping.Type === 'Token' || mapping.Type === 'Rules') {
        if (!mapping.AmbiguousRoleResolution) {
          throw new ServiceError('InvalidParameterException', 'AmbiguousRoleResolution must be specified for Token and Rules type role mappings.');
        }
      }
    }
    pool.Roles = { ...roles };
    pool.RoleMappings = mappings && structuredClone(mappings);
    return {};
  }

  // ---- helpers --------------------------------------------------------------------------------

  private pool(id: unknown): IdentityPool {
    const pool = typeof id === 'string' ? this.pools.get(id) : undefined;
    if (!pool) throw new ServiceError('ResourceNotFoundException', `IdentityPool '${String(id)}' not found.`);
    return pool;
  }

  /** GetOpenIdToken, DescribeIdentity and ListIdentities (identity-openid.ts) see the model through this. */
  private access(): IdentityAccess {
    return {
      pool: (id) => this.pool(id),
      identity: (id) => this.identities.get(id),
      identities: (poolId) => [...this.identities.values()].filter((i) => i.poolId === poolId),
      verifiedLogin: async (identity, rawLogins) => {
        const logins = loginsOf(rawLogins);
        if (Object.keys(identity.logins).length === 0) {
          if (logins.length > 0) throw loginsDontMatch();
          return undefined;
        }
        if (logins.length === 0) throw loginsDontMatch();
        const verified = await this.verifyLogins(this.pool(identity.poolId), logins);
        const match = verified.find(({ provider, sub }) => identity.logins[provider] === sub);
        if (!match) throw loginsDontMatch();
        identity.modifiedAt = this.deps.clock.now();
        return match;
      },
    };
  }

  private forgetIdentitiesOf(poolId: string): void {
    for (const [id, identity] of this.identities) {
      if (identity.poolId !== poolId) continue;
      this.identities.delete(id);
      for (const [provider, sub] of Object.entries(identity.logins)) this.byLogin.delete(`${poolId}|${provider}|${sub}`);
    }
  }

  toJSON(): unknown {
    return { pools: [...this.pools.values()], identities: [...this.identities.values()], openId: this.openIdTokens.toJSON() };
  }

  static fromJSON(data: unknown, deps: IdentityDeps): CognitoIdentity {
    const model = new CognitoIdentity(deps);
    const raw = (data ?? {}) as { pools?: IdentityPool[]; identities?: IdentityRecord[]; openId?: unknown };
    model.openIdTokens.restore(raw.openId);
    for (const pool of raw.pools ?? []) model.pools.set(pool.IdentityPoolId, pool);
    for (const identity of raw.identities ?? []) {
      model.identities.set(identity.identityId, identity);
      for (const [provider, sub] of Object.entries(identity.logins)) model.byLogin.set(`${identity.poolId}|${provider}|${sub}`, identity.identityId);
    }
    return model;
  }
}

function describe(pool: IdentityPool) {
  const { Roles: _roles, RoleMappings: _mappings, ...rest } = pool;
  return structuredClone(rest);
}

function pickPoolFields(input: Record<string, unknown>): Partial<IdentityPool> {
  const out: Partial<IdentityPool> = {};
  if (typeof input.AllowClassicFlow === 'boolean') out.AllowClassicFlow = input.AllowClassicFlow;
  if (Array.isArray(input.CognitoIdentityProviders)) out.CognitoIdentityProviders = structuredClone(input.CognitoIdentityProviders) as CognitoIdentityProviderEntry[];
  if (input.SupportedLoginProviders && typeof input.SupportedLoginProviders === 'object') out.SupportedLoginProviders = { ...(input.SupportedLoginProviders as Record<string, string>) };
  if (typeof input.DeveloperProviderName === 'string') out.DeveloperProviderName = input.DeveloperProviderName;
  if (Array.isArray(input.OpenIdConnectProviderARNs)) out.OpenIdConnectProviderARNs = [...(input.OpenIdConnectProviderARNs as string[])];
  if (Array.isArray(input.SamlProviderARNs)) out.SamlProviderARNs = [...(input.SamlProviderARNs as string[])];
  if (input.IdentityPoolTags && typeof input.IdentityPoolTags === 'object') out.IdentityPoolTags = { ...(input.IdentityPoolTags as Record<string, string>) };
  return out;
}

/**
 * Clients such as Amplify key `Logins` by the ID token's `iss` without its scheme. Against AWS that
 * is the canonical `cognito-idp.<region>.amazonaws.com/<poolId>`; against an emulator issuing its
 * own URL (`127.0.0.1:9229/<poolId>`) it is not, so such a key names the pool's provider too. The
 * token's signature and issuer are still checked afterwards, as for the canonical key.
 */
function providerNameFor(key: string, token: string): string {
  if (PROVIDER_PATTERN.test(key)) return key;
  const iss = decodeJwtUnverified(token)?.claims.iss;
  const poolId = typeof iss === 'string' && iss.replace(/^https?:\/\//, '') === key ? /\/([\w-]+_[0-9a-zA-Z]+)$/.exec(key)?.[1] : undefined;
  return poolId ? `cognito-idp.${poolId.slice(0, poolId.indexOf('_'))}.amazonaws.com/${poolId}` : key;
}

function loginsOf(value: unknown): Array<[string, string]> {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
}

/** Cognito puts cognito:roles in the ID token as a JSON array; older docs call it comma-separated. */
function rolesClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  return [];
}

function ruleMatches(rule: MappingRule, claim: unknown): boolean {
  if (claim === undefined) return false;
  const values = Array.isArray(claim) ? claim.map(String) : [String(claim)];
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'NotEqual':
      return !values.includes(rule.Value);
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
  }
}

function regionOf(identityPoolId: string): string {
  return identityPoolId.split(':')[0] ?? 'us-east-1';
}

function loginsDontMatch(): ServiceError {
  return new ServiceError('NotAuthorizedException', "Logins don't match. Please include at least one valid login for this identity or identity pool.");
}

function invalidConfiguration(): ServiceError {
  return new ServiceError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
}
