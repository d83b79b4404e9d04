/**
 * User pools: CreateUserPool, DescribeUserPool, UpdateUserPool, ListUserPools, DeleteUserPool,
 * GetUserPoolMfaConfig, SetUserPoolMfaConfig. UpdateUserPool follows AWS: settings left out of the
 * request return to their defaults; Schema, UsernameAttributes, AliasAttributes and
 * UsernameConfiguration cannot change after creation.
 */
import { invalidParameter } from '../errors';
import type { CallContext } from '../types';
import { epochSeconds, getPool, poolArn, type Engine, type Input } from './engine';
import { newPoolId } from './ids';
import { decodePageToken, encodePageToken, isNameCursor } from './pagination';
import { DEFAULT_PASSWORD_POLICY } from './password-policy';
import { buildSchema } from './schema';
import type { PoolRecord } from './state';
import { UserStore } from './user-store';
import { loginAliases, namingRules } from './usernames';

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function rangeError(path: string, value: number, min: number, max: number) {
  const bound = value < min ? `greater than or equal to ${min}` : `less than or equal to ${max}`;
  return invalidParameter(`1 validation error detected: Value '${value}' at '${path}' failed to satisfy constraint: Member must have value ${bound}`);
}

function passwordPolicy(input: Input): Record<string, unknown> {
  const given = ((input.Policies as Input | undefined)?.PasswordPolicy ?? {}) as Input;
  const policy: Record<string, unknown> = { ...DEFAULT_PASSWORD_POLICY, ...given };
  const min = policy.MinimumLength as number;
  if (!Number.isInteger(min) || min < 6 || min > 99) throw rangeError('policies.passwordPolicy.minimumLength', min, 6, 99);
  const unused = (input.AdminCreateUserConfig as Input | undefined)?.UnusedAccountValidityDays;
  // The legacy UnusedAccountValidityDays sets the temporary password's life when the policy does not.
  if (given.TemporaryPasswordValidityDays === undefined && typeof unused === 'number') policy.TemporaryPasswordValidityDays = unused;
  const days = policy.TemporaryPasswordValidityDays as number;
  if (!Number.isInteger(days) || days < 0 || days > 365) throw rangeError('policies.passwordPolicy.temporaryPasswordValidityDays', days, 0, 365);
  return policy;
}

/** The pool's configuration from a Create/UpdateUserPool request, defaults filled in as AWS does. */
function settings(input: Input): Record<string, unknown> {
  const policy = passwordPolicy(input);
  const adminCreate: Input = { AllowAdminCreateUserOnly: false, ...clone((input.AdminCreateUserConfig as Input) ?? {}) };
  adminCreate.UnusedAccountValidityDays = policy.TemporaryPasswordValidityDays;

  const template: Input = { DefaultEmailOption: 'CONFIRM_WITH_CODE', ...clone((input.VerificationMessageTemplate as Input) ?? {}) };
  // The legacy top-level messages and the template are two views of the same setting.
  if (input.EmailVerificationMessage !== undefined) template.EmailMessage ??= input.EmailVerificationMessage;
  if (input.EmailVerificationSubject !== undefined) template.EmailSubject ??= input.EmailVerificationSubject;
  if (input.SmsVerificationMessage !== undefined) template.SmsMessage ??= input.SmsVerificationMessage;
  for (const key of ['EmailMessage', 'SmsMessage'] as const) {
    const text = template[key];
    if (typeof text === 'string' && !text.includes('{####}')) {
      throw invalidParameter(`${key === 'EmailMessage' ? 'Email' : 'SMS'} verification message must contain the {####} placeholder.`);
    }
  }

  const email: Input = { EmailSendingAccount: 'COGNITO_DEFAULT', ...clone((input.EmailConfiguration as Input) ?? {}) };
  if (email.EmailSendingAccount === 'DEVELOPER' && typeof email.SourceArn !== 'string') {
    throw invalidParameter('SourceArn is required when EmailSendingAccount is DEVELOPER.');
  }

  const out: Record<string, unknown> = {
    Policies: {
      PasswordPolicy: policy,
      SignInPolicy: clone((input.Policies as Input | undefined)?.SignInPolicy) ?? { AllowedFirstAuthFactors: ['PASSWORD'] },
    },
    DeletionProtection: input.DeletionProtection ?? 'INACTIVE',
    LambdaConfig: clone(input.LambdaConfig) ?? {},
    VerificationMessageTemplate: template,
    UserAttributeUpdateSettings: clone(input.UserAttributeUpdateSettings) ?? { AttributesRequireVerificationBeforeUpdate: [] },
    MfaConfiguration: input.MfaConfiguration ?? 'OFF',
    EmailConfiguration: email,
    AdminCreateUserConfig: adminCreate,
    AccountRecoverySetting: clone(input.AccountRecoverySetting) ?? {
      RecoveryMechanisms: [
        { Priority: 1, Name: 'verified_email' },
        { Priority: 2, Name: 'verified_phone_number' },
      ],
    },
    UserPoolTier: input.UserPoolTier ?? 'ESSENTIALS',
  };
  for (const key of ['AutoVerifiedAttributes', 'SmsAuthenticationMessage', 'DeviceConfiguration', 'SmsConfiguration', 'UserPoolAddOns'] as const) {
    if (input[key] !== undefined) out[key] = clone(input[key]);
  }
  if (typeof template.EmailMessage === 'string') out.EmailVerificationMessage = template.EmailMessage;
  if (typeof template.EmailSubject === 'string') out.EmailVerificationSubject = template.EmailSubject;
  if (typeof template.SmsMessage === 'string') out.SmsVerificationMessage = template.SmsMessage;

  const requireBeforeUpdate = ((out.UserAttributeUpdateSettings as Input).AttributesRequireVerificationBeforeUpdate ?? []) as string[];
  const autoVerified = (out.AutoVerifiedAttributes ?? []) as string[];
  if (requireBeforeUpdate.some((a) => !autoVerified.includes(a))) {
    throw invalidParameter('All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes');
  }
  return out;
}

export function createUserPool(engine: Engine, input: Input, ctx: CallContext) {
  if (input.AliasAttributes !== undefined && input.UsernameAttributes !== undefined) {
    throw invalidParameter('Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.');
  }
  const now = engine.env.clock.now();
  const config = settings(input);
  for (const key of ['AliasAttributes', 'UsernameAttributes', 'UsernameConfiguration'] as const) {
    if (input[key] !== undefined) config[key] = clone(input[key]);
  }
  config.UserPoolTags = clone(input.UserPoolTags) ?? {};
  const rules = namingRules(config);
  let id = newPoolId(engine.env.random, ctx.region);
  while (engine.pools.has(id)) id = newPoolId(engine.env.random, ctx.region);
  const pool: PoolRecord = {
    id,
    region: ctx.region,
    name: input.PoolName as string,
    createdAt: now,
    modifiedAt: now,
    config,
    schema: buildSchema(input.Schema),
    mfa: { SoftwareTokenMfaConfiguration: { Enabled: false } },
    keys: [],
    clients: new Map(),
    groups: new Map(),
    users: new UserStore({ caseSensitive: rules.caseSensitive, aliases: loginAliases(rules) }),
  };
  engine.pools.set(id, pool);
  return { UserPool: describePool(engine, pool) };
}

export function describePool(engine: Engine, pool: PoolRecord): Record<string, unknown> {
  const c = pool.config;
  return {
    Id: pool.id,
    Name: pool.name,
    Arn: poolArn(engine, pool),
    ...clone(c),
    SchemaAttributes: clone(pool.schema),
    EstimatedNumberOfUsers: pool.users.size,
    LastModifiedDate: epochSeconds(pool.modifiedAt),
    CreationDate: epochSeconds(pool.createdAt),
  };
}

export function describeUserPool(engine: Engine, input: Input, ctx: CallContext) {
  return { UserPool: describePool(engine, getPool(engine, input.UserPoolId, ctx)) };
}

export function updateUserPool(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const next = settings(input);
  // Not UpdateUserPool parameters (fixed at creation, or set by their own operations), so kept.
  for (const key of ['AliasAttributes', 'UsernameAttributes', 'UsernameConfiguration', 'Domain', 'CustomDomain'] as const) {
    if (pool.config[key] !== undefined) next[key] = pool.config[key];
  }
  // The one exception to "omitted means default" (REFERENCE §2; API UpdateUserPool): the feature plan stays.
  if (input.UserPoolTier === undefined) next.UserPoolTier = pool.config.UserPoolTier;
  // Tags are managed by TagResource as well; an update that names none keeps them.
  next.UserPoolTags = input.UserPoolTags !== undefined ? clone(input.UserPoolTags) : pool.config.UserPoolTags;
  pool.config = next;
  if (typeof input.PoolName === 'string') pool.name = input.PoolName;
  pool.modifiedAt = engine.env.clock.now();
  return {};
}

export function listUserPools(engine: Engine, input: Input, ctx: CallContext) {
  const limit = input.MaxResults as number;
  const query = `region=${ctx.region}`;
  const after = decodePageToken('ListUserPools', query, input.NextToken, isNameCursor);
  const pools = [...engine.pools.values()].filter((p) => p.region === ctx.region).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = after ? pools.findIndex((p) => p.id > after.n) : 0;
  const page = start === -1 ? [] : pools.slice(start, start + limit);
  const more = start !== -1 && start + limit < pools.length;
  return {
    UserPools: page.map((p) => ({
      Id: p.id,
      Name: p.name,
      LambdaConfig: clone(p.config.LambdaConfig),
      LastModifiedDate: epochSeconds(p.modifiedAt),
      CreationDate: epochSeconds(p.createdAt),
    })),
    ...(more ? { NextToken: encodePageToken('ListUserPools', query, { n: page[page.length - 1]!.id }) } : {}),
  };
}

export function deleteUserPool(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  if (pool.config.DeletionProtection === 'ACTIVE') {
    throw invalidParameter('The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.');
  }
  for (const clientId of pool.clients.keys()) engine.clientPools.delete(clientId);
  engine.refresh.deleteWhere((record) => record.poolId === pool.id);
  engine.pools.delete(pool.id);
  return {};
}

export function getUserPoolMfaConfig(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  return { ...clone(pool.mfa), MfaConfiguration: pool.config.MfaConfiguration };
}

export function setUserPoolMfaConfig(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const mode = (input.MfaConfiguration as string | undefined) ?? (pool.config.MfaConfiguration as string);
  const mfa: Record<string, unknown> = {};
  for (const key of ['SmsMfaConfiguration', 'SoftwareTokenMfaConfiguration', 'EmailMfaConfiguration', 'WebAuthnConfiguration'] as const) {
    const value = input[key] !== undefined ? input[key] : pool.mfa[key];
    if (value !== undefined) mfa[key] = clone(value);
  }
  const totp = (mfa.SoftwareTokenMfaConfiguration as { Enabled?: boolean } | undefined)?.Enabled === true;
  const sms = mfa.SmsMfaConfiguration !== undefined && (mfa.SmsMfaConfiguration as Input).SmsConfiguration !== undefined;
  if (mode !== 'OFF' && !totp && !sms) {
    throw invalidParameter('At least one MFA method (SMS or software token) must be enabled when MfaConfiguration is ON or OPTIONAL.');
  }
  pool.mfa = mfa;
  pool.config.MfaConfiguration = mode;
  pool.modifiedAt = engine.env.clock.now();
  return getUserPoolMfaConfig(engine, input, ctx);
}
