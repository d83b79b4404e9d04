import type { Clock } from './clock';
import { ServiceError } from './errors';

/**
 * API request-rate quotas as AWS documents them ("Quotas in Amazon Cognito", category table;
 * SES "no more than once per second" reads and MaxSendRate). Token buckets refilled from the
 * emulator Clock, so a test that freezes or advances the clock sees exact, repeatable throttling.
 */

export type CognitoQuotaCategory =
  | 'UserAuthentication'
  | 'UserCreation'
  | 'UserFederation'
  | 'UserAccountRecovery'
  | 'UserRead'
  | 'UserUpdate'
  | 'UserResourceRead'
  | 'UserResourceUpdate'
  | 'UserList'
  | 'UserPoolRead'
  | 'UserPoolUpdate'
  | 'UserPoolResourceRead'
  | 'UserPoolResourceUpdate'
  | 'UserPoolClientRead'
  | 'UserPoolClientUpdate'
  | 'UserToken';

/** Default requests per second per category, per account and Region. */
export const CATEGORY_RPS: Record<CognitoQuotaCategory, number> = {
  UserAuthentication: 120,
  UserCreation: 50,
  UserFederation: 25,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserList: 30,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  UserToken: 120,
};

/** Categories marked * in AWS's table: each operation is also capped at 5 RPS per user pool. */
const PER_POOL_CAPPED: ReadonlySet<CognitoQuotaCategory> = new Set([
  'UserPoolResourceRead',
  'UserPoolResourceUpdate',
  'UserPoolClientRead',
  'UserPoolClientUpdate',
]);
const PER_POOL_OPERATION_RPS = 5;

const group = (category: CognitoQuotaCategory, ops: string[]) => ops.map((op) => [op, category] as const);

/** cognito-idp operation → quota category. */
export const OPERATION_CATEGORY: Readonly<Record<string, CognitoQuotaCategory>> = Object.fromEntries([
  ...group('UserAuthentication', ['AdminInitiateAuth', 'InitiateAuth', 'AdminRespondToAuthChallenge', 'RespondToAuthChallenge']),
  ...group('UserCreation', ['SignUp', 'ConfirmSignUp', 'AdminCreateUser', 'AdminConfirmSignUp']),
  ...group('UserFederation', ['AdminLinkProviderForUser', 'AdminDisableProviderForUser']),
  ...group('UserAccountRecovery', ['ForgotPassword', 'ConfirmForgotPassword', 'ChangePassword', 'AdminResetUserPassword', 'AdminSetUserPassword']),
  ...group('UserRead', ['AdminGetUser', 'GetUser', 'AdminGetUserAuthFactors', 'GetUserAuthFactors']),
  ...group('UserUpdate', [
    'AdminDeleteUser', 'AdminDeleteUserAttributes', 'AdminDisableUser', 'AdminEnableUser', 'AdminSetUserMFAPreference',
    'AdminSetUserSettings', 'AdminUpdateAuthEventFeedback', 'AdminUpdateUserAttributes', 'AdminUserGlobalSignOut',
    'AssociateSoftwareToken', 'DeleteUser', 'DeleteUserAttributes', 'GlobalSignOut',
    'SetUserMFAPreference', 'SetUserSettings', 'UpdateAuthEventFeedback', 'UpdateUserAttributes',
    'VerifySoftwareToken', 'VerifyUserAttribute',
  ]),
  // The quotas page puts the two code resends here (not in UserUpdate or UserCreation).
  ...group('UserResourceRead', [
    'AdminGetDevice', 'AdminListDevices', 'AdminListGroupsForUser', 'AdminListUserAuthEvents', 'GetDevice', 'ListDevices',
    'ResendConfirmationCode', 'GetUserAttributeVerificationCode',
  ]),
  ...group('UserResourceUpdate', [
    'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminForgetDevice', 'AdminUpdateDeviceStatus', 'ConfirmDevice',
    'ForgetDevice', 'UpdateDeviceStatus',
  ]),
  ...group('UserList', ['ListUsers', 'ListUsersInGroup']),
  ...group('UserPoolRead', ['DescribeUserPool', 'ListUserPools', 'GetUserPoolMfaConfig', 'DescribeUserPoolDomain', 'DescribeRiskConfiguration']),
  ...group('UserPoolUpdate', [
    'CreateUserPool', 'UpdateUserPool', 'DeleteUserPool', 'SetUserPoolMfaConfig', 'AddCustomAttributes',
    'CreateUserPoolDomain', 'UpdateUserPoolDomain', 'DeleteUserPoolDomain', 'SetRiskConfiguration',
  ]),
  ...group('UserPoolResourceRead', [
    'GetGroup', 'ListGroups', 'DescribeIdentityProvider', 'ListIdentityProviders', 'GetIdentityProviderByIdentifier',
    'DescribeResourceServer', 'ListResourceServers', 'DescribeUserImportJob', 'ListUserImportJobs', 'GetCSVHeader',
    'GetSigningCertificate', 'GetUICustomization', 'ListTagsForResource',
  ]),
  ...group('UserPoolResourceUpdate', [
    'CreateGroup', 'UpdateGroup', 'DeleteGroup', 'CreateIdentityProvider', 'UpdateIdentityProvider', 'DeleteIdentityProvider',
    'CreateResourceServer', 'UpdateResourceServer', 'DeleteResourceServer', 'CreateUserImportJob', 'StartUserImportJob',
    'StopUserImportJob', 'SetUICustomization', 'TagResource', 'UntagResource',
  ]),
  ...group('UserPoolClientRead', ['DescribeUserPoolClient', 'ListUserPoolClients']),
  ...group('UserPoolClientUpdate', ['CreateUserPoolClient', 'UpdateUserPoolClient', 'DeleteUserPoolClient']),
  ...group('UserToken', ['RevokeToken', 'GetTokensFromRefreshToken']),
]);

/** Cognito Identity per-operation quotas (requests per second, account and Region). */
export const IDENTITY_OPERATION_RPS: Readonly<Record<string, number>> = {
  GetId: 200,
  GetCredentialsForIdentity: 200,
  GetOpenIdToken: 200,
  ListIdentities: 5,
  DescribeIdentityPool: 5,
  ListIdentityPools: 5,
  CreateIdentityPool: 5,
  UpdateIdentityPool: 5,
  DeleteIdentityPool: 5,
  GetIdentityPoolRoles: 5,
  SetIdentityPoolRoles: 5,
};

/** SES v1 reads AWS documents as "no more than once per second". SendEmail follows MaxSendRate (ses.ts). */
export const SES_OPERATION_RPS: Readonly<Record<string, number>> = {
  GetSendQuota: 1,
  GetSendStatistics: 1,
  ListIdentities: 1,
  GetIdentityVerificationAttributes: 1,
  GetAccountSendingEnabled: 1,
  UpdateAccountSendingEnabled: 1,
};

interface Bucket {
  tokens: number;
  at: number;
}

export type QuotaService = 'cognito-idp' | 'cognito-identity' | 'ses';

export class Quotas {
  enabled: boolean;
  private buckets = new Map<string, Bucket>();

  constructor(
    private readonly clock: Clock,
    options: { enabled?: boolean } = {},
  ) {
    this.enabled = options.enabled ?? true;
  }

  /**
   * Spends one request of the operation's quota, or throws the service's throttling error.
   * `poolId` feeds the per-pool 5 RPS cap of the starred categories.
   */
  take(service: QuotaService, operation: string, scope: { region: string; poolId?: string }): void {
    if (!this.enabled) return;
    if (service === 'cognito-idp') return this.takeCognito(operation, scope);
    if (service === 'cognito-identity') {
      const rps = IDENTITY_OPERATION_RPS[operation];
      if (rps !== undefined && !this.spend(`identity|${scope.region}|${operation}`, rps)) throw tooManyRequests();
      return;
    }
    const rps = SES_OPERATION_RPS[operation];
    if (rps !== undefined && !this.spend(`ses|${scope.region}|${operation}`, rps)) {
      throw new ServiceError('Throttling', 'Rate exceeded');
    }
  }

  /** The quota category of a cognito-idp operation (undefined for operations AWS does not list). */
  categoryOf(operation: string): CognitoQuotaCategory | undefined {
    return OPERATION_CATEGORY[operation];
  }

  reset(): void {
    this.buckets.clear();
  }

  private takeCognito(operation: string, scope: { region: string; poolId?: string }): void {
    const category = OPERATION_CATEGORY[operation];
    if (!category) return;
    const rps = CATEGORY_RPS[category];
    if (operation === 'RespondToAuthChallenge' || operation === 'AdminRespondToAuthChallenge') {
      // Challenge responses have their own allowance of 3× the category; only the excess counts
      // against UserAuthentication.
      if (this.spend(`idp|${scope.region}|UserAuthentication:challenges`, rps * 3)) return;
    }
    if (PER_POOL_CAPPED.has(category) && scope.poolId) {
      if (!this.peek(`idp|${scope.region}|${category}`, rps)) throw tooManyRequests();
      if (!this.spend(`idp|${scope.poolId}|${operation}`, PER_POOL_OPERATION_RPS)) throw tooManyRequests();
    }
    if (!this.spend(`idp|${scope.region}|${category}`, rps)) throw tooManyRequests();
  }

  /** Refill by elapsed clock time (burst = one second's worth), then spend one token if there is one. */
  private spend(key: string, rps: number): boolean {
    const bucket = this.refill(key, rps);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private peek(key: string, rps: number): boolean {
    return this.refill(key, rps).tokens >= 1;
  }

  private refill(key: string, rps: number): Bucket {
    const now = this.clock.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: rps, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(rps, bucket.tokens + ((now - bucket.at) / 1000) * rps);
      bucket.at = now;
    }
    return bucket;
  }
}

function tooManyRequests(): ServiceError {
  return new ServiceError('TooManyRequestsException', 'Rate exceeded');
}
