/**
 * Test-only: a small in-memory Cognito user pool (and SES quota) answered over msw at the real AWS
 * hostnames, so the user-detail wrappers and screens are tested through the real SDK clients and
 * wire protocol. It covers only the operations the user page and create form use, with AWS's
 * error names and messages; the full emulator (mocks/) replaces it where a test needs more.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import { http, HttpResponse } from 'msw';
import type { AdminContextValue } from './admin-context';

export interface FakeUser {
  username: string;
  attributes: Record<string, string>;
  status: string;
  enabled: boolean;
  password?: string;
  groups: Set<string>;
  created: number;
  modified: number;
  preferredMfa?: string;
  mfaList?: string[];
  /** AdminListUserAuthEvents answers, newest first (AWS's wire shape) */
  authEvents?: Record<string, unknown>[];
}

export interface FakeSchemaAttribute {
  Name: string;
  AttributeDataType: 'String' | 'Number' | 'DateTime' | 'Boolean';
  Mutable?: boolean;
  Required?: boolean;
  StringAttributeConstraints?: { MinLength?: string; MaxLength?: string };
  NumberAttributeConstraints?: { MinValue?: string; MaxValue?: string };
}

export interface FakePool {
  id: string;
  region: string;
  schema: FakeSchemaAttribute[];
  passwordPolicy: { MinimumLength: number; RequireUppercase: boolean; RequireLowercase: boolean; RequireNumbers: boolean; RequireSymbols: boolean; TemporaryPasswordValidityDays: number };
  usernameAttributes?: ('email' | 'phone_number')[];
  emailSendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  groups: Map<string, { description?: string; roleArn?: string; precedence?: number }>;
  users: Map<string, FakeUser>;
  sesQuota: { max: number; sent: number };
  /** every cognito-idp / SES request received: target or action, and its JSON input */
  calls: { op: string; input: Record<string, unknown> }[];
  /** one-shot failures: op → [code, message] */
  failures: Map<string, [string, string]>;
  /** threat protection (AdvancedSecurityMode AUDIT/ENFORCED): without it AdminListUserAuthEvents is refused */
  threatProtection?: boolean;
  mfaConfiguration?: 'OFF' | 'ON' | 'OPTIONAL';
}

const standard = (Name: string, extra: Partial<FakeSchemaAttribute> = {}): FakeSchemaAttribute => ({
  Name, AttributeDataType: 'String', Mutable: true, Required: false, StringAttributeConstraints: { MinLength: '0', MaxLength: '2048' }, ...extra,
});

export function defaultSchema(): FakeSchemaAttribute[] {
  return [
    standard('sub', { Mutable: false, Required: true, StringAttributeConstraints: { MinLength: '1', MaxLength: '2048' } }),
    standard('email', { Required: true }),
    standard('email_verified', { AttributeDataType: 'Boolean', StringAttributeConstraints: undefined }),
    standard('given_name'),
    standard('family_name'),
    standard('phone_number'),
    standard('phone_number_verified', { AttributeDataType: 'Boolean', StringAttributeConstraints: undefined }),
    standard('custom:tenant', { Mutable: false, StringAttributeConstraints: { MinLength: '1', MaxLength: '32' } }),
    standard('custom:tier', { AttributeDataType: 'Number', NumberAttributeConstraints: { MinValue: '1', MaxValue: '5' }, StringAttributeConstraints: undefined }),
  ];
}

export function createFakePool(overrides: Partial<FakePool> = {}): FakePool {
  return {
    id: 'us-east-1_Fake0001',
    region: 'us-east-1',
    schema: defaultSchema(),
    passwordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7 },
    emailSendingAccount: 'COGNITO_DEFAULT',
    groups: new Map([['admins', { description: 'Poolkeeper operators' }], ['support', {}], ['beta', {}]]),
    users: new Map(),
    sesQuota: { max: 200, sent: 3 },
    calls: [],
    failures: new Map(),
    ...overrides,
  };
}

let nextSub = 1;
export function putFakeUser(pool: FakePool, user: Partial<FakeUser> & { username: string }): FakeUser {
  const sub = user.attributes?.sub ?? `00000000-0000-4000-8000-${String(nextSub++).padStart(12, '0')}`;
  const stored: FakeUser = {
    status: 'CONFIRMED', enabled: true, groups: new Set(), created: 1_700_000_000, modified: 1_700_000_000, ...user,
    attributes: { sub, ...user.attributes },
  };
  pool.users.set(user.username, stored);
  return stored;
}

class Fault extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const attrList = (a: Record<string, string>) => Object.entries(a).map(([Name, Value]) => ({ Name, Value }));
const userType = (u: FakeUser) => ({
  Username: u.username, Attributes: attrList(u.attributes), UserCreateDate: u.created, UserLastModifiedDate: u.modified,
  Enabled: u.enabled, UserStatus: u.status,
});

function checkPassword(pool: FakePool, password: string) {
  const p = pool.passwordPolicy;
  const fail = (why: string) => new Fault('InvalidPasswordException', `Password does not conform to policy: ${why}`);
  if (password.length < p.MinimumLength) throw fail('Password not long enough');
  if (p.RequireLowercase && !/[a-z]/.test(password)) throw fail('Password must have lowercase characters');
  if (p.RequireUppercase && !/[A-Z]/.test(password)) throw fail('Password must have uppercase characters');
  if (p.RequireNumbers && !/[0-9]/.test(password)) throw fail('Password must have numeric characters');
  if (p.RequireSymbols && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/.test(password)) throw fail('Password must have symbol characters');
}

function run(pool: FakePool, op: string, input: Record<string, unknown>): Record<string, unknown> {
  const failure = pool.failures.get(op);
  if (failure) {
    pool.failures.delete(op);
    throw new Fault(...failure);
  }
  const user = () => {
    const found = pool.users.get(String(input.Username));
    if (!found) throw new Fault('UserNotFoundException', 'User does not exist.');
    return found;
  };
  const touch = (u: FakeUser) => (u.modified += 1);
  const group = () => {
    const name = String(input.GroupName);
    if (!pool.groups.has(name)) throw new Fault('ResourceNotFoundException', 'Group not found.');
    return name;
  };
  switch (op) {
    case 'DescribeUserPool':
      return {
        UserPool: {
          Id: pool.id, Name: 'fake', SchemaAttributes: pool.schema, Policies: { PasswordPolicy: pool.passwordPolicy },
          UsernameAttributes: pool.usernameAttributes, AutoVerifiedAttributes: ['email'], MfaConfiguration: pool.mfaConfiguration ?? 'OPTIONAL',
          EmailConfiguration: { EmailSendingAccount: pool.emailSendingAccount },
        },
      };
    case 'AdminGetUser': {
      const u = user();
      return {
        Username: u.username, UserAttributes: attrList(u.attributes), UserCreateDate: u.created, UserLastModifiedDate: u.modified,
        Enabled: u.enabled, UserStatus: u.status, PreferredMfaSetting: u.preferredMfa, UserMFASettingList: u.mfaList,
      };
    }
    case 'AdminListGroupsForUser':
      return { Groups: [...user().groups].map((GroupName) => ({ GroupName, UserPoolId: pool.id })) };
    case 'GetGroup': {
      const g = pool.groups.get(group())!;
      return {
        Group: {
          GroupName: input.GroupName,
          UserPoolId: pool.id,
          ...(g.description !== undefined ? { Description: g.description } : {}),
          ...(g.roleArn !== undefined ? { RoleArn: g.roleArn } : {}),
          ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
        },
      };
    }
    case 'ListGroups':
      return { Groups: [...pool.groups].map(([GroupName, g]) => ({ GroupName, Description: g.description, UserPoolId: pool.id })) };
    case 'AdminAddUserToGroup': {
      const u = user();
      u.groups.add(group());
      return {};
    }
    case 'AdminRemoveUserFromGroup': {
      const u = user();
      u.groups.delete(group());
      return {};
    }
    case 'AdminConfirmSignUp': {
      const u = user();
      if (u.status !== 'UNCONFIRMED') throw new Fault('NotAuthorizedException', `User cannot be confirmed. Current status is ${u.status}`);
      u.status = 'CONFIRMED';
      touch(u);
      return {};
    }
    case 'ResendConfirmationCode': {
      const u = user();
      const email = u.attributes.email ?? '';
      return { CodeDeliveryDetails: { Destination: `${email.charAt(0)}***@${email.split('@')[1]?.charAt(0) ?? ''}***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    }
    case 'AdminEnableUser':
    case 'AdminDisableUser': {
      const u = user();
      u.enabled = op === 'AdminEnableUser';
      touch(u);
      return {};
    }
    case 'AdminUserGlobalSignOut':
      user();
      return {};
    case 'AdminDeleteUser':
      user();
      pool.users.delete(String(input.Username));
      return {};
    case 'AdminSetUserMFAPreference': {
      const u = user();
      const off = (s: unknown) => (s as { Enabled?: boolean; PreferredMfa?: boolean } | undefined)?.Enabled === false;
      const names: [string, string][] = [['SoftwareTokenMfaSettings', 'SOFTWARE_TOKEN_MFA'], ['SMSMfaSettings', 'SMS_MFA'], ['EmailMfaSettings', 'EMAIL_OTP']];
      for (const [setting, factor] of names) {
        if (!off(input[setting])) continue;
        u.mfaList = (u.mfaList ?? []).filter((f) => f !== factor);
        if (u.preferredMfa === factor) delete u.preferredMfa;
      }
      touch(u);
      return {};
    }
    case 'AdminListUserAuthEvents': {
      const u = user();
      if (!pool.threatProtection) throw new Fault('UserPoolAddOnNotEnabledException', 'Advanced security features are not enabled for this user pool.');
      const all = u.authEvents ?? [];
      const start = input.NextToken ? Number(input.NextToken) : 0;
      const limit = Number(input.MaxResults) || 60;
      const next = start + limit < all.length ? String(start + limit) : undefined;
      return { AuthEvents: all.slice(start, start + limit), ...(next ? { NextToken: next } : {}) };
    }
    case 'AdminResetUserPassword': {
      const u = user();
      u.status = 'RESET_REQUIRED';
      touch(u);
      return {};
    }
    case 'AdminSetUserPassword': {
      const u = user();
      checkPassword(pool, String(input.Password));
      u.password = String(input.Password);
      u.status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
      touch(u);
      return {};
    }
    case 'AdminUpdateUserAttributes': {
      const u = user();
      for (const { Name, Value } of input.UserAttributes as { Name: string; Value: string }[]) {
        const def = pool.schema.find((a) => a.Name === Name);
        if (!def) throw new Fault('InvalidParameterException', `Attribute does not exist in the schema.`);
        if (def.Mutable === false) throw new Fault('NotAuthorizedException', `Cannot modify an immutable attribute: ${Name}`);
        u.attributes[Name] = Value;
      }
      touch(u);
      return {};
    }
    case 'AdminDeleteUserAttributes': {
      const u = user();
      for (const name of input.UserAttributeNames as string[]) delete u.attributes[name];
      touch(u);
      return {};
    }
    case 'AdminCreateUser':
      return createUser(pool, input);
    default:
      throw new Fault('UnknownOperationException', `The fake pool does not implement ${op}`);
  }
}

function createUser(pool: FakePool, input: Record<string, unknown>) {
  const username = String(input.Username);
  const existing = pool.users.get(username);
  if (input.MessageAction === 'RESEND') {
    if (!existing) throw new Fault('UserNotFoundException', 'User does not exist.');
    return { User: userType(existing) };
  }
  if (existing) throw new Fault('UsernameExistsException', 'User account already exists');
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of (input.UserAttributes as { Name: string; Value: string }[] | undefined) ?? []) {
    if (Name === 'email' && !/^[^@\s]+@[^@\s]+$/.test(Value)) throw new Fault('InvalidParameterException', 'Invalid email address format.');
    attributes[Name] = Value;
  }
  for (const a of pool.schema) {
    if (a.Required && a.Name !== 'sub' && !attributes[a.Name]) {
      throw new Fault('InvalidParameterException', `Attributes did not conform to the schema: ${a.Name}: The attribute ${a.Name} is required`);
    }
  }
  if (typeof input.TemporaryPassword === 'string') checkPassword(pool, input.TemporaryPassword);
  const created = putFakeUser(pool, { username, attributes, status: 'FORCE_CHANGE_PASSWORD', created: 1_800_000_000, modified: 1_800_000_000 });
  return { User: userType(created) };
}

/** msw handlers for the pool's region: cognito-idp (awsJson1_1) and SES GetSendQuota (awsQuery). */
export function fakeCognitoHandlers(pool: FakePool) {
  return [
    http.post(`https://cognito-idp.${pool.region}.amazonaws.com/`, async ({ request }) => {
      const op = (request.headers.get('x-amz-target') ?? '').split('.').pop() ?? '';
      const input = (await request.json()) as Record<string, unknown>;
      pool.calls.push({ op, input });
      try {
        return HttpResponse.json(run(pool, op, input), { headers: { 'content-type': 'application/x-amz-json-1.1' } });
      } catch (error) {
        if (!(error instanceof Fault)) throw error;
        return HttpResponse.json(
          { __type: error.code, message: error.message },
          { status: 400, headers: { 'x-amzn-errortype': error.code, 'content-type': 'application/x-amz-json-1.1' } },
        );
      }
    }),
    http.post(`https://email.${pool.region}.amazonaws.com/`, async ({ request }) => {
      const params = new URLSearchParams(await request.text());
      pool.calls.push({ op: params.get('Action') ?? '', input: Object.fromEntries(params) });
      const q = pool.sesQuota;
      return new HttpResponse(
        `<GetSendQuotaResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><GetSendQuotaResult><Max24HourSend>${q.max}.0</Max24HourSend><SentLast24Hours>${q.sent}.0</SentLast24Hours><MaxSendRate>14.0</MaxSendRate></GetSendQuotaResult><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetSendQuotaResponse>`,
        { headers: { 'content-type': 'text/xml' } },
      );
    }),
  ];
}

export const fakeOperator = { username: 'operator', sub: '00000000-0000-4000-8000-0000000000aa', email: 'operator@example.com', groups: ['admins'] };

/** An admin context with real SDK clients (static test credentials, no retries) for the fake pool. */
export function fakeAdminContext(pool: FakePool, operator = fakeOperator): AdminContextValue {
  const common = { region: pool.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  return {
    idp: new CognitoIdentityProviderClient(common),
    ses: new SESClient(common),
    region: pool.region,
    sesRegion: pool.region,
    userPoolId: pool.id,
    adminGroup: 'admins',
    clientId: 'fakeclient0000000000000001',
    operator,
  };
}
