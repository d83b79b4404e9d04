/**
 * Reads behind the user page and the create form: one user, their groups, the pool's groups, and
 * the pool settings that shape the forms (schema, password policy, username attributes, email
 * sending account). Every failure surfaces as AppError.
 */
import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  DescribeUserPoolCommand,
  ListGroupsCommand,
  type GroupType,
  type SchemaAttributeType,
  type UserPoolType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PasswordPolicy as BasePasswordPolicy } from '@/lib/password-policy';
import type { AdminContextValue } from './admin-context';
import { toAppError } from './errors';
import { toAppUser, type AppUser } from './user-types';

export type IdpContext = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

export interface UserMfa {
  /** e.g. 'SOFTWARE_TOKEN_MFA' or 'SMS_MFA'; undefined when the user has no preference */
  preferred?: string;
  /** MFA methods the user has activated (UserMFASettingList) */
  enabled: string[];
  /** legacy per-attribute SMS options (MFAOptions) */
  options: { medium: string; attribute: string }[];
}

export interface UserDetail extends AppUser {
  mfa: UserMfa;
}

export async function getUserDetail(ctx: IdpContext, username: string): Promise<UserDetail> {
  try {
    const out = await ctx.idp.send(new AdminGetUserCommand({ UserPoolId: ctx.userPoolId, Username: username }));
    const user = toAppUser({
      Username: out.Username,
      Attributes: out.UserAttributes,
      UserCreateDate: out.UserCreateDate,
      UserLastModifiedDate: out.UserLastModifiedDate,
      Enabled: out.Enabled,
      UserStatus: out.UserStatus,
      MFAOptions: out.MFAOptions,
    });
    return {
      ...user,
      mfa: {
        preferred: out.PreferredMfaSetting || undefined,
        enabled: out.UserMFASettingList ?? [],
        options: (out.MFAOptions ?? []).map((o) => ({ medium: o.DeliveryMedium ?? '', attribute: o.AttributeName ?? '' })),
      },
    };
  } catch (error) {
    throw toAppError(error);
  }
}

export interface GroupSummary {
  name: string;
  description?: string;
  precedence?: number;
}

const toGroupSummary = (g: GroupType): GroupSummary => ({
  name: g.GroupName ?? '',
  description: g.Description || undefined,
  precedence: g.Precedence,
});

const byName = (a: GroupSummary, b: GroupSummary) => a.name.localeCompare(b.name);

/** Every group of one user (all pages; a user belongs to at most 100 groups). */
export async function listGroupsForUser(ctx: IdpContext, username: string): Promise<GroupSummary[]> {
  const groups: GroupSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await ctx.idp.send(
        new AdminListGroupsForUserCommand({ UserPoolId: ctx.userPoolId, Username: username, Limit: 60, NextToken: token }),
      );
      groups.push(...(out.Groups ?? []).map(toGroupSummary));
      token = out.NextToken;
    } while (token);
  } catch (error) {
    throw toAppError(error);
  }
  return groups.sort(byName);
}

/** Every group of the pool (all pages). */
export async function listGroups(ctx: IdpContext): Promise<GroupSummary[]> {
  const groups: GroupSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await ctx.idp.send(new ListGroupsCommand({ UserPoolId: ctx.userPoolId, Limit: 60, NextToken: token }));
      groups.push(...(out.Groups ?? []).map(toGroupSummary));
      token = out.NextToken;
    } while (token);
  } catch (error) {
    throw toAppError(error);
  }
  return groups.sort(byName);
}

export type AttributeDataType = 'String' | 'Number' | 'DateTime' | 'Boolean';

export interface SchemaAttribute {
  /** as the API names it, custom ones with their `custom:` prefix */
  name: string;
  type: AttributeDataType;
  mutable: boolean;
  required: boolean;
  developerOnly: boolean;
  custom: boolean;
  minLength?: number;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
}

export type PasswordPolicy = BasePasswordPolicy & { temporaryPasswordValidityDays?: number };

export interface PoolSettings {
  id: string;
  name: string;
  schema: SchemaAttribute[];
  passwordPolicy: PasswordPolicy;
  /** set when users sign in with email and/or phone instead of a chosen username */
  usernameAttributes: ('email' | 'phone_number')[];
  aliasAttributes: string[];
  autoVerifiedAttributes: ('email' | 'phone_number')[];
  emailSendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  emailFrom?: string;
  mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
  caseSensitiveUsernames: boolean;
  /** only administrators may create users (self sign-up disabled) */
  adminCreateUserOnly: boolean;
}

const toNumber = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

const dataTypes: readonly AttributeDataType[] = ['String', 'Number', 'DateTime', 'Boolean'];

export function toSchemaAttribute(a: SchemaAttributeType): SchemaAttribute {
  const name = a.Name ?? '';
  const type = dataTypes.find((t) => t === a.AttributeDataType) ?? 'String';
  return {
    name,
    type,
    // AWS omits Mutable for some standard attributes; Cognito treats those as mutable.
    mutable: a.Mutable !== false,
    required: a.Required === true,
    developerOnly: a.DeveloperOnlyAttribute === true,
    custom: name.startsWith('custom:') || name.startsWith('dev:'),
    minLength: toNumber(a.StringAttributeConstraints?.MinLength),
    maxLength: toNumber(a.StringAttributeConstraints?.MaxLength),
    minValue: toNumber(a.NumberAttributeConstraints?.MinValue),
    maxValue: toNumber(a.NumberAttributeConstraints?.MaxValue),
  };
}

export function toPoolSettings(pool: UserPoolType): PoolSettings {
  const policy = pool.Policies?.PasswordPolicy;
  const contactAttributes = (list: string[] | undefined) =>
    (list ?? []).filter((a): a is 'email' | 'phone_number' => a === 'email' || a === 'phone_number');
  return {
    id: pool.Id ?? '',
    name: pool.Name ?? '',
    schema: (pool.SchemaAttributes ?? []).map(toSchemaAttribute).filter((a) => a.name !== ''),
    // Defaults are Cognito's when a pool reports no policy.
    passwordPolicy: {
      minimumLength: policy?.MinimumLength ?? 8,
      requireUppercase: policy ? policy.RequireUppercase === true : true,
      requireLowercase: policy ? policy.RequireLowercase === true : true,
      requireNumbers: policy ? policy.RequireNumbers === true : true,
      requireSymbols: policy ? policy.RequireSymbols === true : true,
      temporaryPasswordValidityDays: policy?.TemporaryPasswordValidityDays,
    },
    usernameAttributes: contactAttributes(pool.UsernameAttributes),
    aliasAttributes: pool.AliasAttributes ?? [],
    autoVerifiedAttributes: contactAttributes(pool.AutoVerifiedAttributes),
    emailSendingAccount: pool.EmailConfiguration?.EmailSendingAccount === 'DEVELOPER' ? 'DEVELOPER' : 'COGNITO_DEFAULT',
    emailFrom: pool.EmailConfiguration?.From || undefined,
    mfaConfiguration: pool.MfaConfiguration ?? 'OFF',
    caseSensitiveUsernames: pool.UsernameConfiguration?.CaseSensitive ?? true,
    adminCreateUserOnly: pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly === true,
  };
}

export async function describePoolSettings(ctx: IdpContext): Promise<PoolSettings> {
  try {
    const out = await ctx.idp.send(new DescribeUserPoolCommand({ UserPoolId: ctx.userPoolId }));
    return toPoolSettings(out.UserPool ?? {});
  } catch (error) {
    throw toAppError(error);
  }
}
