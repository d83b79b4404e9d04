/**
 * The IdP model's shared state and the lookups every operation starts with (pool, client, user),
 * each failing with Cognito's own exception and wording.
 */
import { ServiceError, notFound } from '../errors';
import type { CallContext, EmulatorEnv } from '../types';
import { RefreshBook } from './refresh-book';
import type { ClientRecord, PoolRecord, SessionRecord, UserRecord } from './state';
import { findUser } from './usernames';

export interface Engine {
  env: EmulatorEnv;
  pools: Map<string, PoolRecord>;
  /** clientId → poolId, for the end-user operations that name only a client */
  clientPools: Map<string, string>;
  sessions: Map<string, SessionRecord>;
  /** issued refresh tokens, i.e. sign-in sessions */
  refresh: RefreshBook;
  issuerBase: (region: string) => string;
}

export type Input = Record<string, unknown>;
export type Handler = (engine: Engine, input: Input, ctx: CallContext) => unknown;

export function createEngine(env: EmulatorEnv, issuerBase: (region: string) => string): Engine {
  return {
    env,
    pools: new Map(),
    clientPools: new Map(),
    sessions: new Map(),
    refresh: new RefreshBook(),
    issuerBase,
  };
}

export const poolArn = (engine: Engine, pool: PoolRecord) =>
  `arn:aws:cognito-idp:${pool.region}:${engine.env.accountId}:userpool/${pool.id}`;

export const issuerOf = (engine: Engine, pool: PoolRecord) => `${engine.issuerBase(pool.region)}/${pool.id}`;

/** The pool named by `poolId` in the caller's Region (a pool id in another Region does not exist there). */
export function getPool(engine: Engine, poolId: unknown, ctx: CallContext): PoolRecord {
  const pool = typeof poolId === 'string' ? engine.pools.get(poolId) : undefined;
  if (!pool || pool.region !== ctx.region) throw notFound(`User pool ${String(poolId)} does not exist.`);
  return pool;
}

export function getClient(pool: PoolRecord, clientId: unknown): ClientRecord {
  const client = typeof clientId === 'string' ? pool.clients.get(clientId) : undefined;
  if (!client) throw notFound(`User pool client ${String(clientId)} does not exist.`);
  return client;
}

/** For operations that carry only a ClientId (SignUp, InitiateAuth, …). */
export function getClientAnywhere(engine: Engine, clientId: unknown, ctx: CallContext): { pool: PoolRecord; client: ClientRecord } {
  const poolId = typeof clientId === 'string' ? engine.clientPools.get(clientId) : undefined;
  const pool = poolId ? engine.pools.get(poolId) : undefined;
  const client = pool && typeof clientId === 'string' ? pool.clients.get(clientId) : undefined;
  if (!pool || !client || pool.region !== ctx.region) throw notFound(`User pool client ${String(clientId)} does not exist.`);
  return { pool, client };
}

export const userNotFound = () => new ServiceError('UserNotFoundException', 'User does not exist.');

/** A user by username or alias, as the Admin* operations accept either. */
export function getUser(pool: PoolRecord, username: unknown): UserRecord {
  const user = typeof username === 'string' ? findUser(pool, username) : undefined;
  if (!user) throw userNotFound();
  return user;
}

export const epochSeconds = (ms: number) => ms / 1000;
