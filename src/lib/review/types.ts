/**
 * The configuration review's plain types. Inputs mirror the AWS API responses member for member
 * (DescribeUserPool → UserPool, DescribeUserPoolClient → UserPoolClient, …) as JSON — dates are
 * ISO strings — so a finding's field path is the API's own, and the rules never see an SDK type.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One API read: its answer, or why there is none (access denied, not configured, failed). */
export type Read<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** e.g. "needs `cognito-identity:GetIdentityPoolRoles`" or "no identity pool id was given" */
      reason: string;
      /** AWS's error name when the call failed */
      code?: string;
    };

export interface PasswordPolicyInput {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays?: number;
}

export interface SchemaAttributeInput {
  Name?: string;
  AttributeDataType?: string;
  DeveloperOnlyAttribute?: boolean;
  Mutable?: boolean;
  Required?: boolean;
}

export interface UserPoolInput {
  Id?: string;
  Name?: string;
  Arn?: string;
  Policies?: { PasswordPolicy?: PasswordPolicyInput; SignInPolicy?: { AllowedFirstAuthFactors?: string[] } };
  DeletionProtection?: string;
  LambdaConfig?: Record<string, Json>;
  SchemaAttributes?: SchemaAttributeInput[];
  AutoVerifiedAttributes?: string[];
  AliasAttributes?: string[];
  UsernameAttributes?: string[];
  SmsVerificationMessage?: string;
  EmailVerificationMessage?: string;
  EmailVerificationSubject?: string;
  VerificationMessageTemplate?: {
    SmsMessage?: string;
    EmailMessage?: string;
    EmailSubject?: string;
    EmailMessageByLink?: string;
    EmailSubjectByLink?: string;
    DefaultEmailOption?: string;
  };
  SmsAuthenticationMessage?: string;
  UserAttributeUpdateSettings?: { AttributesRequireVerificationBeforeUpdate?: string[] };
  MfaConfiguration?: string;
  EstimatedNumberOfUsers?: number;
  EmailConfiguration?: { EmailSendingAccount?: string; SourceArn?: string; From?: string; ReplyToEmailAddress?: string; ConfigurationSet?: string };
  SmsConfiguration?: { SnsCallerArn?: string; ExternalId?: string; SnsRegion?: string };
  SmsConfigurationFailure?: string;
  EmailConfigurationFailure?: string;
  Domain?: string;
  CustomDomain?: string;
  AdminCreateUserConfig?: { AllowAdminCreateUserOnly?: boolean; UnusedAccountValidityDays?: number };
  UserPoolAddOns?: { AdvancedSecurityMode?: string; AdvancedSecurityAdditionalFlows?: { CustomAuthMode?: string } };
  UsernameConfiguration?: { CaseSensitive?: boolean };
  AccountRecoverySetting?: { RecoveryMechanisms?: { Name?: string; Priority?: number }[] };
  UserPoolTier?: string;
  CreationDate?: string;
  LastModifiedDate?: string;
}

/** GetUserPoolMfaConfig */
export interface MfaConfigInput {
  MfaConfiguration?: string;
  SoftwareTokenMfaConfiguration?: { Enabled?: boolean };
  SmsMfaConfiguration?: { SmsAuthenticationMessage?: string; SmsConfiguration?: Json };
  EmailMfaConfiguration?: { Message?: string; Subject?: string };
  WebAuthnConfiguration?: { RelyingPartyId?: string; UserVerification?: string };
}

/** DescribeRiskConfiguration → RiskConfiguration */
export interface RiskConfigurationInput {
  CompromisedCredentialsRiskConfiguration?: { EventFilter?: string[]; Actions?: { EventAction?: string } };
  AccountTakeoverRiskConfiguration?: {
    Actions?: Partial<Record<'LowAction' | 'MediumAction' | 'HighAction', { Notify?: boolean; EventAction?: string }>>;
  };
  RiskExceptionConfiguration?: { BlockedIPRangeList?: string[]; SkippedIPRangeList?: string[] };
}

/** DescribeUserPoolDomain → DomainDescription */
export interface DomainInput {
  Domain?: string;
  Status?: string;
  ManagedLoginVersion?: number;
  CloudFrontDistribution?: string;
  CustomDomainConfig?: { CertificateArn?: string };
}

/** ListUserPoolReplicas → UserPoolReplicas[] */
export interface ReplicaInput {
  RegionName?: string;
  Role?: string;
  Status?: string;
}

/** DescribeUserPoolClient → UserPoolClient */
export interface ClientInput {
  ClientId?: string;
  ClientName?: string;
  ClientSecret?: string;
  RefreshTokenValidity?: number;
  AccessTokenValidity?: number;
  IdTokenValidity?: number;
  TokenValidityUnits?: { AccessToken?: string; IdToken?: string; RefreshToken?: string };
  ReadAttributes?: string[];
  WriteAttributes?: string[];
  ExplicitAuthFlows?: string[];
  SupportedIdentityProviders?: string[];
  CallbackURLs?: string[];
  LogoutURLs?: string[];
  DefaultRedirectURI?: string;
  AllowedOAuthFlows?: string[];
  AllowedOAuthScopes?: string[];
  AllowedOAuthFlowsUserPoolClient?: boolean;
  PreventUserExistenceErrors?: string;
  EnableTokenRevocation?: boolean;
  EnablePropagateAdditionalUserContextData?: boolean;
  AuthSessionValidity?: number;
  RefreshTokenRotation?: { Feature?: string; RetryGracePeriodSeconds?: number };
}

/** A client from ListUserPoolClients and its DescribeUserPoolClient answer. */
export interface ClientEntry {
  ClientId: string;
  ClientName: string;
  detail: Read<ClientInput>;
}

/** ListGroups → Groups[] */
export interface GroupInput {
  GroupName?: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
}

/** DescribeIdentityPool */
export interface IdentityPoolInput {
  IdentityPoolId?: string;
  IdentityPoolName?: string;
  AllowUnauthenticatedIdentities?: boolean;
  AllowClassicFlow?: boolean;
  CognitoIdentityProviders?: { ProviderName?: string; ClientId?: string; ServerSideTokenCheck?: boolean }[];
  SupportedLoginProviders?: Record<string, string>;
  OpenIdConnectProviderARNs?: string[];
  SamlProviderARNs?: string[];
  DeveloperProviderName?: string;
}

/** GetIdentityPoolRoles */
export interface IdentityPoolRolesInput {
  Roles?: Record<string, string>;
  RoleMappings?: Record<
    string,
    {
      Type?: string;
      AmbiguousRoleResolution?: string;
      RulesConfiguration?: { Rules?: { Claim?: string; MatchType?: string; Value?: string; RoleARN?: string }[] };
    }
  >;
}

/** SES in the Region of the pool's SourceArn: GetSendQuota and the sender identity's verification status. */
export interface SesInput {
  region: string;
  identity: string;
  Max24HourSend?: number;
  MaxSendRate?: number;
  SentLast24Hours?: number;
  /** GetIdentityVerificationAttributes → VerificationStatus ('Success', 'Pending', …); undefined if SES does not know it */
  VerificationStatus?: string;
}

export interface ReviewInput {
  region: string;
  userPoolId: string;
  pool: Read<UserPoolInput>;
  mfa: Read<MfaConfigInput>;
  risk: Read<RiskConfigurationInput>;
  /** null: the pool has no domain */
  domain: Read<DomainInput | null>;
  replicas: Read<ReplicaInput[]>;
  clients: Read<ClientEntry[]>;
  groups: Read<GroupInput[]>;
  identityPoolId?: string;
  identityPool: Read<IdentityPoolInput>;
  identityPoolRoles: Read<IdentityPoolRolesInput>;
  /** present only when the pool sends through SES (DEVELOPER) */
  ses?: Read<SesInput>;
}

export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export type Area = 'password' | 'sign-in' | 'mfa-recovery' | 'messaging' | 'threat-protection' | 'pool' | 'app-clients' | 'identity-pool';
export const AREAS: Readonly<Record<Area, string>> = {
  password: 'Password policy',
  'sign-in': 'Sign-in and attributes',
  'mfa-recovery': 'MFA and recovery',
  messaging: 'Email and SMS',
  'threat-protection': 'Threat protection',
  pool: 'Pool safety',
  'app-clients': 'App clients',
  'identity-pool': 'Identity pool',
};

export interface Fix {
  console: string;
  cli: string;
  cloudformation: string;
}

/**
 * What a check is, beside its code. Text may name `{poolId}`, `{clientId}`, `{identityPoolId}`
 * and `{region}`; they are filled in for each finding.
 */
export interface CheckMeta {
  id: string;
  title: string;
  severity: Severity;
  area: Area;
  /** one or two sentences */
  why: string;
  fix: Fix;
  /** false: the setting is fixed at creation, so the fix is a new pool (or client) and a migration */
  fixable: boolean;
  references: { prowler?: string; securityHub?: string };
  /** the anchor of the setting on the review screen */
  setting: string;
}

export type Outcome =
  | { status: 'pass'; resource: string; field: string; value: Json }
  | {
      status: 'fail';
      resource: string;
      field: string;
      value: Json;
      expected: string;
      /** when one case of a check is worse than its usual severity */
      severity?: Severity;
      /** a more specific title for this case */
      title?: string;
      setting?: string;
      vars?: Record<string, string>;
    }
  | { status: 'not-evaluated'; resource?: string; reason: string };

export interface Check {
  meta: CheckMeta;
  evaluate(input: ReviewInput): Outcome[];
}

export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  area: Area;
  resource: string;
  field: string;
  value: Json;
  expected: string;
  why: string;
  fixable: boolean;
  fix: Fix;
  references: { prowler?: string; securityHub?: string };
  setting: string;
}

export interface Passed {
  id: string;
  title: string;
  area: Area;
  resource: string;
  field: string;
  value: Json;
}

export interface NotEvaluated {
  id: string;
  title: string;
  area: Area;
  reason: string;
}

export interface Review {
  pool: { id: string; name: string; region: string };
  evaluatedAt: string;
  findings: Finding[];
  passed: Passed[];
  notEvaluated: NotEvaluated[];
}
