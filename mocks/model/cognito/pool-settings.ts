/**
 * Pool settings read and written outside UpdateUserPool: threat protection's risk configuration
 * (Describe/SetRiskConfiguration), the hosted domain (Create/Describe/DeleteUserPoolDomain) and
 * replicas (ListUserPoolReplicas — the emulator models no multi-Region replication, so the list is
 * always empty).
 */
import { ServiceError, invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { epochSeconds, getClient, getPool, type Engine, type Input } from './engine';
import type { PoolRecord } from './state';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const COMPROMISED_ACTIONS = ['BLOCK', 'NO_ACTION'];
const TAKEOVER_ACTIONS = ['BLOCK', 'MFA_IF_CONFIGURED', 'MFA_REQUIRED', 'NO_ACTION'];
const EVENT_FILTERS = ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'];

function enumError(path: string, value: unknown, allowed: string[]) {
  return invalidParameter(`1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

function checkRisk(input: Input): void {
  const compromised = input.CompromisedCredentialsRiskConfiguration as Input | undefined;
  if (compromised !== undefined) {
    const action = (compromised.Actions as Input | undefined)?.EventAction;
    if (action === undefined) throw invalidParameter("1 validation error detected: Value null at 'compromisedCredentialsRiskConfiguration.actions' failed to satisfy constraint: Member must not be null");
    if (!COMPROMISED_ACTIONS.includes(String(action))) throw enumError('compromisedCredentialsRiskConfiguration.actions.eventAction', action, COMPROMISED_ACTIONS);
    for (const filter of (compromised.EventFilter ?? []) as unknown[]) {
      if (!EVENT_FILTERS.includes(String(filter))) throw enumError('compromisedCredentialsRiskConfiguration.eventFilter', filter, EVENT_FILTERS);
    }
  }
  const takeover = input.AccountTakeoverRiskConfiguration as Input | undefined;
  if (takeover !== undefined) {
    const actions = takeover.Actions as Record<string, Input | undefined> | undefined;
    if (!actions) throw invalidParameter("1 validation error detected: Value null at 'accountTakeoverRiskConfiguration.actions' failed to satisfy constraint: Member must not be null");
    for (const level of ['LowAction', 'MediumAction', 'HighAction']) {
      const action = actions[level];
      if (action === undefined) continue;
      if (!TAKEOVER_ACTIONS.includes(String(action.EventAction))) {
        throw enumError(`accountTakeoverRiskConfiguration.actions.${level.charAt(0).toLowerCase()}${level.slice(1)}.eventAction`, action.EventAction, TAKEOVER_ACTIONS);
      }
      if (action.Notify === true && takeover.NotifyConfiguration === undefined) {
        throw invalidParameter('NotifyConfiguration is required when Notify is true for any account takeover action.');
      }
    }
  }
  if (input.ClientId !== undefined && input.RiskExceptionConfiguration !== undefined) {
    throw invalidParameter('RiskExceptionConfiguration can only be set at the user pool level.');
  }
}

type RiskStore = Record<string, Input>;
const riskOf = (pool: PoolRecord): RiskStore => (pool.risk ??= {});
const POOL_LEVEL = '*';

export function setRiskConfiguration(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  if (input.ClientId !== undefined) getClient(pool, input.ClientId);
  checkRisk(input);
  const record: Input = { LastModifiedDate: engine.env.clock.now() };
  for (const key of ['CompromisedCredentialsRiskConfiguration', 'AccountTakeoverRiskConfiguration', 'RiskExceptionConfiguration'] as const) {
    if (input[key] !== undefined) record[key] = clone(input[key]);
  }
  riskOf(pool)[typeof input.ClientId === 'string' ? input.ClientId : POOL_LEVEL] = record;
  return describeRisk(pool, typeof input.ClientId === 'string' ? input.ClientId : undefined);
}

/** A client without its own configuration gets the pool's, as AWS answers. */
function describeRisk(pool: PoolRecord, clientId: string | undefined) {
  const store = riskOf(pool);
  const own = clientId !== undefined ? store[clientId] : undefined;
  const record = own ?? store[POOL_LEVEL];
  const { LastModifiedDate, ...settings } = record ?? {};
  return {
    RiskConfiguration: {
      UserPoolId: pool.id,
      ...(own && clientId !== undefined ? { ClientId: clientId } : {}),
      ...clone(settings),
      ...(typeof LastModifiedDate === 'number' ? { LastModifiedDate: epochSeconds(LastModifiedDate) } : {}),
    },
  };
}

export function describeRiskConfiguration(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  if (input.ClientId !== undefined) getClient(pool, input.ClientId);
  return describeRisk(pool, typeof input.ClientId === 'string' ? input.ClientId : undefined);
}

// ---- domains -----------------------------------------------------------------------------------

const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED = /aws|amazon|cognito/;

function poolOfDomain(engine: Engine, domain: string): PoolRecord | undefined {
  for (const pool of engine.pools.values()) if (pool.config.Domain === domain || pool.config.CustomDomain === domain) return pool;
  return undefined;
}

export function createUserPoolDomain(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const domain = String(input.Domain);
  const custom = input.CustomDomainConfig as { CertificateArn?: string } | undefined;
  if (custom) {
    if (typeof custom.CertificateArn !== 'string') throw invalidParameter('CertificateArn is required for a custom domain.');
    if (!domain.includes('.')) throw invalidParameter('The custom domain must be a fully qualified domain name.');
  } else {
    if (!PREFIX.test(domain)) throw invalidParameter(`1 validation error detected: Value '${domain}' at 'domain' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$`);
    if (RESERVED.test(domain)) throw invalidParameter('Domain cannot contain reserved word: aws, amazon or cognito.');
  }
  if (poolOfDomain(engine, domain)) throw invalidParameter('Domain already associated with another user pool.');
  const key = custom ? 'CustomDomain' : 'Domain';
  if (pool.config[key] !== undefined) throw invalidParameter(`User pool already has a ${custom ? 'custom ' : ''}domain configured.`);
  const version = input.ManagedLoginVersion === 2 ? 2 : 1;
  pool.config[key] = domain;
  pool.domains = { ...(pool.domains ?? {}), [domain]: { managedLoginVersion: version, ...(custom ? { certificateArn: custom.CertificateArn! } : {}) } };
  pool.modifiedAt = engine.env.clock.now();
  return { ManagedLoginVersion: version, ...(custom ? { CloudFrontDomain: cloudFront(domain) } : {}) };
}

const cloudFront = (domain: string) => `d${[...domain].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7).toString(36).padStart(12, '0').slice(0, 12)}.cloudfront.net`;

/** AWS answers an unknown domain with an empty DomainDescription, not an error. */
export function describeUserPoolDomain(engine: Engine, input: Input) {
  const domain = String(input.Domain);
  const pool = poolOfDomain(engine, domain);
  const details = pool?.domains?.[domain];
  if (!pool || !details) return { DomainDescription: {} };
  return {
    DomainDescription: {
      UserPoolId: pool.id,
      AWSAccountId: engine.env.accountId,
      Domain: domain,
      CloudFrontDistribution: cloudFront(domain),
      Version: '20260101000000',
      Status: 'ACTIVE',
      ManagedLoginVersion: details.managedLoginVersion,
      ...(details.certificateArn ? { CustomDomainConfig: { CertificateArn: details.certificateArn } } : {}),
    },
  };
}

export function deleteUserPoolDomain(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const domain = String(input.Domain);
  const key = pool.config.Domain === domain ? 'Domain' : pool.config.CustomDomain === domain ? 'CustomDomain' : undefined;
  if (!key) throw invalidParameter('No such domain or user pool exists.');
  delete pool.config[key];
  if (pool.domains) delete pool.domains[domain];
  pool.modifiedAt = engine.env.clock.now();
  return {};
}

export function listUserPoolReplicas(engine: Engine, input: Input, ctx: CallContext) {
  getPool(engine, input.UserPoolId, ctx);
  if (input.NextToken !== undefined) throw new ServiceError('InvalidParameterException', 'Invalid pagination token.');
  return { UserPoolReplicas: [] };
}
