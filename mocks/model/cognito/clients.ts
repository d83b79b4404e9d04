/**
 * App clients: Create/Describe/Update/List/DeleteUserPoolClient, and the client settings sign-in
 * depends on (auth flows, token lifetimes, read/write attributes, existence-error suppression).
 * Like UpdateUserPool, UpdateUserPoolClient returns omitted settings to their defaults.
 */
import { invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { epochSeconds, getClient, getPool, type Engine, type Input } from './engine';
import { newClientId, newClientSecret } from './ids';
import { decodePageToken, encodePageToken, isNameCursor } from './pagination';
import type { ClientRecord, PoolRecord } from './state';

const SETTINGS = [
  'RefreshTokenValidity',
  'AccessTokenValidity',
  'IdTokenValidity',
  'TokenValidityUnits',
  'ReadAttributes',
  'WriteAttributes',
  'ExplicitAuthFlows',
  'SupportedIdentityProviders',
  'CallbackURLs',
  'LogoutURLs',
  'DefaultRedirectURI',
  'AllowedOAuthFlows',
  'AllowedOAuthScopes',
  'AllowedOAuthFlowsUserPoolClient',
  'AnalyticsConfiguration',
  'PreventUserExistenceErrors',
  'EnableTokenRevocation',
  'EnablePropagateAdditionalUserContextData',
  'AuthSessionValidity',
  'RefreshTokenRotation',
] as const;

const UNIT_SECONDS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

type Units = { AccessToken?: string; IdToken?: string; RefreshToken?: string };

/** Token lifetimes in seconds, from the client's values and units (hours/hours/days by default). */
export function tokenLifetimes(client: ClientRecord): { access: number; id: number; refresh: number } {
  const c = client.config;
  const units = (c.TokenValidityUnits ?? {}) as Units;
  const seconds = (value: unknown, unit: string | undefined, fallbackUnit: string, fallback: number) =>
    typeof value === 'number' && value > 0 ? value * UNIT_SECONDS[unit ?? fallbackUnit]! : fallback;
  return {
    access: seconds(c.AccessTokenValidity, units.AccessToken, 'hours', 3600),
    id: seconds(c.IdTokenValidity, units.IdToken, 'hours', 3600),
    refresh: seconds(c.RefreshTokenValidity, units.RefreshToken, 'days', 30 * 86400),
  };
}

function checkSettings(pool: PoolRecord, config: Record<string, unknown>): void {
  const units = (config.TokenValidityUnits ?? {}) as Units;
  for (const [key, value] of Object.entries(units)) {
    if (!['AccessToken', 'IdToken', 'RefreshToken'].includes(key) || typeof value !== 'string' || !(value in UNIT_SECONDS)) {
      throw invalidParameter(`1 validation error detected: Value '${String(value)}' at 'tokenValidityUnits.${key.charAt(0).toLowerCase()}${key.slice(1)}' failed to satisfy constraint: Member must satisfy enum value set: [seconds, minutes, hours, days]`);
    }
  }
  const range = (member: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity', unit: string | undefined, fallbackUnit: string, min: number, max: number, text: string) => {
    const value = config[member];
    if (typeof value !== 'number' || (member === 'RefreshTokenValidity' && value === 0)) return;
    const seconds = value * UNIT_SECONDS[unit ?? fallbackUnit]!;
    if (seconds < min || seconds > max) throw invalidParameter(`${member} must be between ${text}.`);
  };
  range('AccessTokenValidity', units.AccessToken, 'hours', 300, 86400, '5 minutes and 1 day');
  range('IdTokenValidity', units.IdToken, 'hours', 300, 86400, '5 minutes and 1 day');
  range('RefreshTokenValidity', units.RefreshToken, 'days', 3600, 315360000, '60 minutes and 10 years');
  if (config.RefreshTokenValidity === 0) config.RefreshTokenValidity = 30;

  const flows = (config.ExplicitAuthFlows ?? []) as string[];
  const legacy = flows.filter((f) => !f.startsWith('ALLOW_'));
  if (legacy.length > 0 && legacy.length !== flows.length) {
    throw invalidParameter('ExplicitAuthFlows can not have both ALLOW_XXX and XXX values at the same time. Please use either legacy or new values.');
  }
  for (const member of ['ReadAttributes', 'WriteAttributes'] as const) {
    for (const name of (config[member] ?? []) as string[]) {
      if (!pool.schema.some((a) => a.Name === name)) throw invalidParameter(`Invalid ${member === 'ReadAttributes' ? 'read' : 'write'} attributes specified while creating a client`);
    }
  }
}

function settingsFrom(pool: PoolRecord, input: Input): Record<string, unknown> {
  const config: Record<string, unknown> = {
    RefreshTokenValidity: 30,
    AllowedOAuthFlowsUserPoolClient: false,
    EnableTokenRevocation: true,
    EnablePropagateAdditionalUserContextData: false,
    AuthSessionValidity: 3,
    PreventUserExistenceErrors: 'LEGACY',
  };
  for (const key of SETTINGS) if (input[key] !== undefined) config[key] = JSON.parse(JSON.stringify(input[key]));
  checkSettings(pool, config);
  return config;
}

export function describeClient(pool: PoolRecord, client: ClientRecord) {
  return {
    UserPoolId: pool.id,
    ClientName: client.clientName,
    ClientId: client.clientId,
    ...(client.clientSecret ? { ClientSecret: client.clientSecret } : {}),
    LastModifiedDate: epochSeconds(client.modifiedAt),
    CreationDate: epochSeconds(client.createdAt),
    ...JSON.parse(JSON.stringify(client.config)),
  };
}

export function createUserPoolClient(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const config = settingsFrom(pool, input);
  const now = engine.env.clock.now();
  let clientId = newClientId(engine.env.random);
  while (engine.clientPools.has(clientId)) clientId = newClientId(engine.env.random);
  const client: ClientRecord = {
    clientId,
    clientName: input.ClientName as string,
    ...(input.GenerateSecret === true ? { clientSecret: newClientSecret(engine.env.random) } : {}),
    createdAt: now,
    modifiedAt: now,
    config,
  };
  pool.clients.set(clientId, client);
  engine.clientPools.set(clientId, pool.id);
  return { UserPoolClient: describeClient(pool, client) };
}

export function describeUserPoolClient(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  return { UserPoolClient: describeClient(pool, getClient(pool, input.ClientId)) };
}

export function updateUserPoolClient(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const client = getClient(pool, input.ClientId);
  client.config = settingsFrom(pool, input);
  if (typeof input.ClientName === 'string') client.clientName = input.ClientName;
  client.modifiedAt = engine.env.clock.now();
  return { UserPoolClient: describeClient(pool, client) };
}

export function listUserPoolClients(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const limit = (input.MaxResults as number | undefined) ?? 60;
  const query = `pool=${pool.id}`;
  const after = decodePageToken('ListUserPoolClients', query, input.NextToken, isNameCursor);
  const clients = [...pool.clients.values()].sort((a, b) => (a.clientId < b.clientId ? -1 : 1));
  const start = after ? clients.findIndex((c) => c.clientId > after.n) : 0;
  const page = start === -1 ? [] : clients.slice(start, start + limit);
  const more = start !== -1 && start + limit < clients.length;
  return {
    UserPoolClients: page.map((c) => ({ ClientId: c.clientId, UserPoolId: pool.id, ClientName: c.clientName })),
    ...(more ? { NextToken: encodePageToken('ListUserPoolClients', query, { n: page[page.length - 1]!.clientId }) } : {}),
  };
}

export function deleteUserPoolClient(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const client = getClient(pool, input.ClientId);
  pool.clients.delete(client.clientId);
  engine.clientPools.delete(client.clientId);
  if (pool.risk) delete pool.risk[client.clientId];
  engine.refresh.deleteWhere((record) => record.clientId === client.clientId);
  return {};
}

/** The auth flows a client allows; no ExplicitAuthFlows means SRP, refresh and custom. */
export function allowedFlows(client: ClientRecord): Set<string> {
  const flows = client.config.ExplicitAuthFlows as string[] | undefined;
  if (!flows || flows.length === 0) return new Set(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH']);
  const out = new Set<string>();
  for (const flow of flows) {
    if (flow.startsWith('ALLOW_')) out.add(flow);
    // Legacy names: refresh and SRP stay allowed with them, as they always were.
    else if (flow === 'ADMIN_NO_SRP_AUTH') out.add('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    else if (flow === 'USER_PASSWORD_AUTH') out.add('ALLOW_USER_PASSWORD_AUTH');
    else if (flow === 'CUSTOM_AUTH_FLOW_ONLY') out.add('ALLOW_CUSTOM_AUTH');
  }
  if (flows.every((f) => !f.startsWith('ALLOW_'))) {
    out.add('ALLOW_REFRESH_TOKEN_AUTH');
    if (!flows.includes('CUSTOM_AUTH_FLOW_ONLY')) out.add('ALLOW_USER_SRP_AUTH');
  }
  return out;
}

export const preventsExistenceErrors = (client: ClientRecord) => client.config.PreventUserExistenceErrors === 'ENABLED';

/** Attributes the client may read (undefined = all but developer-only ones). */
export function readableAttributes(client: ClientRecord): Set<string> | undefined {
  const read = client.config.ReadAttributes as string[] | undefined;
  return read && read.length > 0 ? new Set([...read, 'sub']) : undefined;
}

export function writableAttributes(client: ClientRecord): Set<string> | undefined {
  const write = client.config.WriteAttributes as string[] | undefined;
  return write && write.length > 0 ? new Set(write) : undefined;
}
