/**
 * The Cognito user pools model: every cognito-idp operation the emulator serves, with AWS's
 * semantics and errors, plus the issuer documents (JWKS, OpenID configuration), ID-token checks for
 * Cognito Identity, a fast seeding path and snapshots. Protocol adapters call `call()`.
 */
import { ServiceError, notFound } from '../errors';
import type { CallContext, EmulatorEnv } from '../types';
import { recordAuthEvent } from './auth-events';
import { createEngine, getUser, issuerOf, type Engine } from './engine';
import { OPERATIONS } from './operations';
import { checkAttributes } from './schema';
import { restore, snapshot } from './serialize';
import type { UserStatus } from './state';
import { poolJwks, verifyIdTokenFor } from './tokens';
import { newUserRecord } from './user-records';
import { assignUsername } from './usernames';
import { validateInput } from './validation';

export interface PutUserInput {
  username: string;
  attributes?: Record<string, string>;
  status?: UserStatus;
  enabled?: boolean;
  password?: string;
  groups?: string[];
  /** ms since the epoch */
  createdAt?: number;
}

export class CognitoIdp {
  private readonly engine: Engine;

  /** Base of every issuer URL; tokens' iss is `${issuerBase(region)}/${poolId}`. */
  issuerBase: (region: string) => string = (region) => `https://cognito-idp.${region}.amazonaws.com`;

  constructor(env: EmulatorEnv) {
    this.engine = createEngine(env, (region) => this.issuerBase(region));
  }

  has(operation: string): boolean {
    return Object.hasOwn(OPERATIONS, operation);
  }

  async call(operation: string, input: Record<string, unknown>, ctx: CallContext): Promise<unknown> {
    const op = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (!op) throw new ServiceError('UnknownOperationException', `Unknown operation ${operation}`);
    validateInput(operation, input);
    return await op.handler(this.engine, input, ctx);
  }

  requiresSigV4(operation: string): boolean {
    const op = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    // Operations we do not implement are administrative in AWS unless listed as end-user ones.
    return op ? op.sigv4 : true;
  }

  resourceArn(_operation: string, input: Record<string, unknown>, region: string): string {
    const poolId = input.UserPoolId;
    return typeof poolId === 'string' && poolId !== ''
      ? `arn:aws:cognito-idp:${region}:${this.engine.env.accountId}:userpool/${poolId}`
      : '*';
  }

  async jwks(poolId: string): Promise<{ keys: object[] } | undefined> {
    const pool = this.engine.pools.get(poolId);
    return pool ? poolJwks(this.engine, pool) : undefined;
  }

  openidConfiguration(poolId: string, issuer: string): object | undefined {
    const pool = this.engine.pools.get(poolId);
    if (!pool) return undefined;
    return {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      response_types_supported: ['code', 'token'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'cognito:username', 'cognito:groups', 'email', 'email_verified', 'phone_number', 'phone_number_verified'],
    };
  }

  verifyIdToken(token: string): Promise<Record<string, unknown>> {
    return verifyIdTokenFor(this.engine, token);
  }

  /** The issuer URL of a pool here (undefined if no such pool). */
  issuer(poolId: string): string | undefined {
    const pool = this.engine.pools.get(poolId);
    return pool ? issuerOf(this.engine, pool) : undefined;
  }

  /**
   * Stores a user directly (seeds, tests): no messages, no quotas, no password policy. Usernames
   * follow the pool's UsernameAttributes as AdminCreateUser does (an email username becomes the
   * email attribute and the stored username is the sub). Throws like AdminCreateUser on conflicts.
   */
  putUser(poolId: string, input: PutUserInput): void {
    const pool = this.engine.pools.get(poolId);
    if (!pool) throw notFound(`User pool ${poolId} does not exist.`);
    const attributes = input.attributes ?? {};
    checkAttributes(pool, attributes, 'create', { admin: true, seeding: true });
    const given = attributes.sub;
    const sub = given ?? this.engine.env.random.uuid();
    const named = assignUsername(pool, input.username, attributes, sub);
    if (pool.users.byUsername(named.username) || (given !== undefined && pool.users.bySubject(given))) {
      throw new ServiceError('UsernameExistsException', 'User already exists');
    }
    const user = newUserRecord(this.engine, pool, {
      username: named.username,
      sub,
      attributes: named.attrs,
      status: input.status ?? 'CONFIRMED',
      enabled: input.enabled,
      password: input.password,
      createdAt: input.createdAt,
    });
    for (const group of input.groups ?? []) {
      if (!pool.groups.has(group)) throw notFound(`Group ${group} not found.`);
      if (!user.groups.includes(group)) user.groups.push(group);
    }
    pool.users.insert(user);
  }

  /**
   * Adds an auth event to a user's history directly (seeds): back-dated, with any risk. Ignored,
   * as Cognito would, when the pool has no threat protection. Returns whether it was recorded.
   */
  putAuthEvent(poolId: string, username: string, event: Parameters<typeof recordAuthEvent>[3]): boolean {
    const pool = this.engine.pools.get(poolId);
    if (!pool) throw notFound(`User pool ${poolId} does not exist.`);
    return recordAuthEvent(this.engine, pool, getUser(pool, username), event) !== undefined;
  }

  /** Gives a user a verified, preferred authenticator app directly (seeds), as MFA setup would. */
  putSoftwareToken(poolId: string, username: string, secret: string): void {
    const pool = this.engine.pools.get(poolId);
    if (!pool) throw notFound(`User pool ${poolId} does not exist.`);
    const user = getUser(pool, username);
    user.mfa = { ...user.mfa, totpSecret: secret, totpEnabled: true, totpPreferred: true };
  }

  toJSON(): unknown {
    return snapshot(this.engine);
  }

  static fromJSON(data: unknown, env: EmulatorEnv): CognitoIdp {
    const idp = new CognitoIdp(env);
    restore(idp.engine, data);
    return idp;
  }
}
