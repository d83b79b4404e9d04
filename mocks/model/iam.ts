/**
 * Just enough IAM for the emulator to refuse what AWS would refuse: roles with identity-based policy
 * documents, temporary credentials issued for a role (what Cognito Identity hands out), and the
 * policy evaluation AWS documents — an explicit Deny wins, then any Allow, otherwise denied.
 * The static root credentials (`test` / `test`) stand for an administrator and may do everything.
 */
import type { Clock } from './clock';
import { ServiceError } from './errors';
import type { Random } from './random';
import type { Principal } from './types';
import { trustAllowsWebIdentity } from './web-identity-trust';

export const ROOT_ACCESS_KEY_ID = 'test';
export const ROOT_SECRET_ACCESS_KEY = 'test';

type OneOrMany = string | string[];

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: OneOrMany;
  NotAction?: OneOrMany;
  Resource?: OneOrMany;
  NotResource?: OneOrMany;
  /** e.g. { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } — see evaluateCondition */
  Condition?: Record<string, Record<string, OneOrMany | boolean>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export interface Role {
  arn: string;
  /** an unnamed identity policy (seeds); the IAM API shows it as the inline policy named `policy` */
  policy: PolicyDocument;
  /** the trust policy; checked when Cognito Identity or STS hands out the role (web-identity-trust.ts) */
  trust?: unknown;
  /** named inline policies (PutRolePolicy); evaluated together with `policy` */
  policies?: Record<string, PolicyDocument>;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  tags?: Array<{ Key: string; Value: string }>;
  /** stamped by putRole when absent: epoch ms and the AROA… id IAM shows */
  createdAt?: number;
  roleId?: string;
}

/** Cognito Identity's Credentials shape (GetCredentialsForIdentity), Expiration in epoch seconds. */
export interface IssuedCredentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  Expiration: number;
}

export interface CredentialLookup {
  secretAccessKey: string;
  sessionToken?: string;
  /** epoch ms, compared with the Clock by SigV4 verification */
  expiresAt?: number;
  principal: Principal;
}

interface StoredCredentials {
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  roleArn: string;
  identityId?: string;
  sessionName?: string;
}

interface IamSnapshot {
  roles: Role[];
  credentials: [string, StoredCredentials][];
}

/** Request facts conditions may test; aws:PrincipalArn and the Cognito identity id are filled in. */
export type ConditionContext = Record<string, string | string[] | undefined>;

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
/** Expired temporary credentials are remembered this long, to answer ExpiredTokenException instead of "invalid". */
const EXPIRED_RETENTION_MS = 24 * 3600 * 1000;

const list = (value: OneOrMany | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const escapeRegExp = (text: string) => text.replace(/[.+^${}()|[\]\\/]/g, '\\$&');

const patternCache = new Map<string, RegExp>();
/**
 * IAM wildcards. Actions: case-insensitive, '*' and '?' anywhere. Resources: case-sensitive, and a
 * '*' stays inside its ARN segment unless it ends the segment, in which case it may run past
 * colons (as the IAM User Guide describes for the Resource element).
 */
function wildcard(pattern: string, kind: 'action' | 'resource'): RegExp {
  const cacheKey = `${kind}\n${pattern}`;
  let re = patternCache.get(cacheKey);
  if (!re) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '*') {
        const endsSegment = i === pattern.length - 1 || pattern[i + 1] === ':';
        source += kind === 'action' || endsSegment ? '.*' : '[^:]*';
      } else if (c === '?') source += kind === 'action' ? '.' : '[^:]';
      else source += escapeRegExp(c);
    }
    re = new RegExp(`^${source}$`, kind === 'action' ? 'is' : 's');
    patternCache.set(cacheKey, re);
  }
  return re;
}

const matchesAny = (patterns: string[], value: string, kind: 'action' | 'resource') =>
  patterns.some((p) => wildcard(p, kind).test(value));

function validatePolicy(policy: PolicyDocument): PolicyStatement[] {
  const malformed = (message: string) => new ServiceError('MalformedPolicyDocumentException', message);
  if (!policy || typeof policy !== 'object' || policy.Statement === undefined) throw malformed('Policy document must contain a Statement.');
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  for (const s of statements) {
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw malformed('Statement Effect must be Allow or Deny.');
    if ((s.Action === undefined) === (s.NotAction === undefined)) throw malformed('Statement must have exactly one of Action or NotAction.');
    if ((s.Resource === undefined) === (s.NotResource === undefined)) throw malformed('Statement must have exactly one of Resource or NotResource.');
  }
  return statements;
}

/**
 * A useful subset of IAM condition operators: String*, Arn*, Bool and Null, each with ...IfExists.
 * An operator we do not know makes an Allow not apply and a Deny apply — failing closed, like a
 * policy AWS could not evaluate in the caller's favour.
 */
function evaluateCondition(condition: NonNullable<PolicyStatement['Condition']>, context: ConditionContext, effect: PolicyStatement['Effect']): boolean {
  for (const [rawOperator, tests] of Object.entries(condition)) {
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    for (const [key, expectedRaw] of Object.entries(tests)) {
      const expected = (Array.isArray(expectedRaw) ? expectedRaw : [expectedRaw]).map(String);
      const actual = context[key];
      const values = actual === undefined ? [] : Array.isArray(actual) ? actual : [actual];
      if (operator === 'Null') {
        if ((values.length === 0) !== (expected[0] === 'true')) return false;
        continue;
      }
      if (values.length === 0) {
        if (ifExists) continue;
        // A negated operator on a missing key is true in IAM; a positive one is false.
        if (/Not/.test(operator)) continue;
        return false;
      }
      const test = (value: string): boolean | undefined => {
        switch (operator) {
          case 'StringEquals':
          case 'ArnEquals':
            return expected.includes(value);
          case 'StringNotEquals':
          case 'ArnNotEquals':
            return !expected.includes(value);
          case 'StringEqualsIgnoreCase':
            return expected.some((e) => e.toLowerCase() === value.toLowerCase());
          case 'StringNotEqualsIgnoreCase':
            return !expected.some((e) => e.toLowerCase() === value.toLowerCase());
          case 'StringLike':
          case 'ArnLike':
            return expected.some((e) => matchCase(e, value));
          case 'StringNotLike':
          case 'ArnNotLike':
            return !expected.some((e) => matchCase(e, value));
          case 'Bool':
            return expected.includes(String(value).toLowerCase());
          default:
            return undefined;
        }
      };
      const results = values.map(test);
      if (results.includes(undefined)) return effect === 'Deny';
      if (!results.some(Boolean)) return false;
    }
  }
  return true;
}

/**
 * IAM's unique id for a role (AROA + 17 characters). Derived from the ARN rather than drawn from
 * Random, so adding a role never shifts the seeded random sequence other seed data comes from.
 */
function derivedRoleId(arn: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let out = 'AROA';
  for (let i = 0; out.length < 21; i++) {
    const c = arn.charCodeAt(i % arn.length) + i;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + h1), 0x5bd1e995) >>> 0;
    out += alphabet[((h1 ^ h2) >>> 0) % 32];
  }
  return out;
}

/** Case-sensitive glob for String/ArnLike ('*' and '?' match anything, colons included). */
function matchCase(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

export class Iam {
  private readonly roles = new Map<string, { role: Role; statements: PolicyStatement[] }>();
  private readonly credentials = new Map<string, StoredCredentials>();

  constructor(private readonly env: { clock: Clock; random: Random; accountId: string }) {}

  /** Creates or replaces a role (and its policy). */
  putRole(role: Role): void {
    if (!ROLE_ARN.test(role.arn)) {
      throw new ServiceError('ValidationError', `Invalid role ARN: ${role.arn}`);
    }
    const statements = [role.policy, ...Object.values(role.policies ?? {})].flatMap(validatePolicy);
    const stored: Role = { ...structuredClone(role), createdAt: role.createdAt ?? this.env.clock.now(), roleId: role.roleId ?? derivedRoleId(role.arn) };
    this.roles.set(role.arn, { role: stored, statements: structuredClone(statements) });
  }

  getRole(arn: string): Role | undefined {
    const entry = this.roles.get(arn);
    return entry ? structuredClone(entry.role) : undefined;
  }

  listRoles(): Role[] {
    return [...this.roles.values()].map((e) => structuredClone(e.role));
  }

  deleteRole(arn: string): boolean {
    return this.roles.delete(arn);
  }

  /**
   * Temporary credentials for `roleArn`, as STS hands them to Cognito Identity (which asks for 1 h).
   * An unknown role is refused with Cognito Identity's wording, since it is the only caller.
   */
  issueCredentials(
    roleArn: string,
    opts: { durationSeconds: number; identityId?: string; sessionName?: string; webIdentity?: { identityPoolId: string; authenticated: boolean } },
  ): IssuedCredentials {
    const entry = this.roles.get(roleArn);
    // As STS: the role must trust Cognito Identity for this identity pool (a role stored without a
    // trust policy, as tests do, is taken as trusting it).
    const trusted = !opts.webIdentity || entry?.role.trust === undefined ||
      trustAllowsWebIdentity(entry.role.trust, opts.webIdentity.identityPoolId, opts.webIdentity.authenticated);
    if (!entry || !trusted) {
      throw new ServiceError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    }
    if (!Number.isFinite(opts.durationSeconds) || opts.durationSeconds <= 0) throw new RangeError('durationSeconds must be positive');
    this.pruneExpired();
    const random = this.env.random;
    const pick = (alphabet: string, length: number) => Array.from(random.bytes(length), (b) => alphabet[b % alphabet.length]).join('');
    const accessKeyId = `ASIA${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
    const secretAccessKey = pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
    const sessionToken = `IQoJb3JpZ2luX2VjE${pick('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 360)}`;
    const nowMs = this.env.clock.now();
    const expiresAt = Math.floor(nowMs / 1000) * 1000 + Math.floor(opts.durationSeconds) * 1000;
    this.credentials.set(accessKeyId, {
      secretAccessKey,
      sessionToken,
      expiresAt,
      roleArn,
      ...(opts.identityId === undefined ? {} : { identityId: opts.identityId }),
      ...(opts.sessionName === undefined ? {} : { sessionName: opts.sessionName }),
    });
    return { AccessKeyId: accessKeyId, SecretKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiresAt / 1000 };
  }

  /** For SigV4 verification: the secret, token and expiry behind an access key, and who it is. */
  lookup(accessKeyId: string): CredentialLookup | undefined {
    if (accessKeyId === ROOT_ACCESS_KEY_ID) {
      return { secretAccessKey: ROOT_SECRET_ACCESS_KEY, principal: { kind: 'root', accessKeyId } };
    }
    const stored = this.credentials.get(accessKeyId);
    if (!stored) return undefined;
    return {
      secretAccessKey: stored.secretAccessKey,
      sessionToken: stored.sessionToken,
      expiresAt: stored.expiresAt,
      principal: {
        kind: 'role',
        roleArn: stored.roleArn,
        accessKeyId,
        ...(stored.identityId === undefined ? {} : { identityId: stored.identityId }),
        ...(stored.sessionName === undefined ? {} : { sessionName: stored.sessionName }),
      },
    };
  }

  /** Ends a set of temporary credentials early (e.g. an identity pool deleted). */
  revokeCredentials(accessKeyId: string): void {
    this.credentials.delete(accessKeyId);
  }

  /** How AWS names the caller in AccessDenied messages. */
  principalArn(principal: Principal): string {
    if (principal.kind === 'root') return `arn:aws:iam::${this.env.accountId}:root`;
    const m = ROLE_ARN.exec(principal.roleArn);
    const account = m?.[1] ?? this.env.accountId;
    const roleName = m?.[2] ?? principal.roleArn.split('/').pop();
    return `arn:aws:sts::${account}:assumed-role/${roleName}/${principal.sessionName ?? 'CognitoIdentityCredentials'}`;
  }

  /** The decision without the exception: 'allow', 'explicit-deny' or 'implicit-deny'. */
  evaluate(principal: Principal, action: string, resource: string, context: ConditionContext = {}): 'allow' | 'explicit-deny' | 'implicit-deny' {
    if (principal.kind === 'root') return 'allow';
    const entry = this.roles.get(principal.roleArn);
    if (!entry) return 'implicit-deny';
    const facts: ConditionContext = {
      'aws:PrincipalArn': principal.roleArn,
      'cognito-identity.amazonaws.com:sub': principal.identityId,
      ...context,
    };
    let allowed = false;
    for (const s of entry.statements) {
      const actionHit = s.Action !== undefined ? matchesAny(list(s.Action), action, 'action') : !matchesAny(list(s.NotAction), action, 'action');
      if (!actionHit) continue;
      const resourceHit =
        s.Resource !== undefined ? matchesAny(list(s.Resource), resource, 'resource') : !matchesAny(list(s.NotResource), resource, 'resource');
      if (!resourceHit) continue;
      if (s.Condition && !evaluateCondition(s.Condition, facts, s.Effect)) continue;
      if (s.Effect === 'Deny') return 'explicit-deny';
      allowed = true;
    }
    return allowed ? 'allow' : 'implicit-deny';
  }

  /** Throws AccessDeniedException in AWS's words unless the principal may perform `action` on `resource`. */
  authorize(principal: Principal, action: string, resource: string, context: ConditionContext = {}): void {
    const decision = this.evaluate(principal, action, resource, context);
    if (decision === 'allow') return;
    const who = `User: ${this.principalArn(principal)} is not authorized to perform: ${action} on resource: ${resource}`;
    throw new ServiceError(
      'AccessDeniedException',
      decision === 'explicit-deny'
        ? `${who} with an explicit deny in an identity-based policy`
        : `${who} because no identity-based policy allows the ${action} action`,
    );
  }

  private pruneExpired(): void {
    const cutoff = this.env.clock.now() - EXPIRED_RETENTION_MS;
    for (const [id, c] of this.credentials) if (c.expiresAt < cutoff) this.credentials.delete(id);
  }

  toJSON(): IamSnapshot {
    return {
      roles: [...this.roles.values()].map((e) => structuredClone(e.role)),
      credentials: [...this.credentials.entries()].map(([id, c]) => [id, { ...c }]),
    };
  }

  static fromJSON(data: unknown, env: { clock: Clock; random: Random; accountId: string }): Iam {
    const iam = new Iam(env);
    const snapshot = (data ?? {}) as Partial<IamSnapshot>;
    for (const role of snapshot.roles ?? []) iam.putRole(role);
    for (const [id, c] of snapshot.credentials ?? []) iam.credentials.set(id, { ...c });
    return iam;
  }
}
