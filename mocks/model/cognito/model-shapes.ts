/**
 * The cognito-idp API model's member constraints for the operations this emulator implements
 * (shape names as in the model, e.g. UserPoolIdType). Only top-level members are listed; nested
 * structures are checked where they are used.
 */
import type { MemberRule, Shape } from './validation';

const NAME_CHARS = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';

export const S = {
  UserPoolId: { t: 's', min: 1, max: 55, re: '[\\w-]+_[0-9a-zA-Z]+' },
  Username: { t: 's', min: 1, max: 128, re: NAME_CHARS, sensitive: true },
  Password: { t: 's', max: 256, sensitive: true },
  ClientId: { t: 's', min: 1, max: 128, re: '[\\w+]+', sensitive: true },
  ClientSecret: { t: 's', min: 1, max: 64, re: '[\\w+]+', sensitive: true },
  SecretHash: { t: 's', min: 1, max: 128, re: '[\\w+=/]+', sensitive: true },
  GroupName: { t: 's', min: 1, max: 128, re: NAME_CHARS },
  Description: { t: 's', max: 2048 },
  Precedence: { t: 'i', min: 0 },
  RoleArn: { t: 's', min: 20, max: 2048, re: 'arn:[\\w+=/,.@-]+:[\\w+=/,.@-]+:([\\w+=/,.@-]*)?:[0-9]+:[\\w+=/,.@-]+(:[\\w+=/,.@-]+)?(:[\\w+=/,.@-]+)?' },
  PoolName: { t: 's', min: 1, max: 128, re: '[\\w\\s+=,.@-]+' },
  ClientName: { t: 's', min: 1, max: 128, re: '[\\w\\s+=,.@-]+' },
  ConfirmationCode: { t: 's', min: 1, max: 2048, re: '[\\S]+' },
  UserFilter: { t: 's', max: 256 },
  SearchPaginationToken: { t: 's', min: 1, re: '[\\S]+' },
  PaginationKey: { t: 's', min: 1, re: '[\\S]+' },
  QueryLimitType: { t: 'i', min: 0, max: 60 },
  QueryLimit: { t: 'i', min: 1, max: 60 },
  PoolQueryLimit: { t: 'i', min: 1, max: 60 },
  AttributeName: { t: 's', min: 1, max: 32, re: NAME_CHARS },
  Token: { t: 's', re: '[A-Za-z0-9-_=.]+', sensitive: true },
  Session: { t: 's', min: 20, max: 2048, sensitive: true },
  TotpCode: { t: 's', min: 6, max: 6, re: '[0-9]+' },
  AuthFlow: {
    t: 's',
    enum: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'],
  },
  ChallengeName: {
    t: 's',
    enum: ['SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER', 'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH', 'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP'],
  },
  MessageAction: { t: 's', enum: ['RESEND', 'SUPPRESS'] },
  DeletionProtection: { t: 's', enum: ['ACTIVE', 'INACTIVE'] },
  MfaConfiguration: { t: 's', enum: ['OFF', 'ON', 'OPTIONAL'] },
  PreventUserExistenceErrors: { t: 's', enum: ['LEGACY', 'ENABLED'] },
  UserPoolTier: { t: 's', enum: ['LITE', 'ESSENTIALS', 'PLUS'] },
  RefreshTokenValidity: { t: 'i', min: 0, max: 315360000 },
  TokenValidity: { t: 'i', min: 1, max: 86400 },
  AuthSessionValidity: { t: 'i', min: 3, max: 15 },
  Domain: { t: 's', min: 1, max: 63 },
  Bool: { t: 'b' },
  Struct: { t: 'o' },
  AnyList: { t: 'l' },
  StringList: { t: 'l', item: { t: 's' } },
} satisfies Record<string, Shape>;

const enumList = (values: string[], max?: number): Shape => ({ t: 'l', max, item: { t: 's', enum: values } });
const DeliveryMediums = enumList(['SMS', 'EMAIL']);
const ExplicitAuthFlows = enumList([
  'ADMIN_NO_SRP_AUTH',
  'CUSTOM_AUTH_FLOW_ONLY',
  'USER_PASSWORD_AUTH',
  'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  'ALLOW_CUSTOM_AUTH',
  'ALLOW_USER_PASSWORD_AUTH',
  'ALLOW_USER_SRP_AUTH',
  'ALLOW_REFRESH_TOKEN_AUTH',
  'ALLOW_USER_AUTH',
]);
const AttributeNames: Shape = { t: 'l', item: S.AttributeName };
const Attributes: Shape = { t: 'l', item: { t: 'o' } };

const R = 'required' as const;
const pool = ['UserPoolId', S.UserPoolId, R] as const;
const user = ['Username', S.Username, R] as const;
const client = ['ClientId', S.ClientId, R] as const;
const accessToken = ['AccessToken', S.Token, R] as const;
const secretHash = ['SecretHash', S.SecretHash] as const;

const poolSettings: MemberRule[] = [
  ['Policies', S.Struct],
  ['DeletionProtection', S.DeletionProtection],
  ['LambdaConfig', S.Struct],
  ['AutoVerifiedAttributes', enumList(['phone_number', 'email'])],
  ['SmsVerificationMessage', { t: 's', min: 6, max: 140, re: '.*\\{####\\}.*' }],
  ['EmailVerificationMessage', { t: 's', min: 6, max: 20000 }],
  ['EmailVerificationSubject', { t: 's', min: 1, max: 140 }],
  ['VerificationMessageTemplate', S.Struct],
  ['SmsAuthenticationMessage', { t: 's', min: 6, max: 140, re: '.*\\{####\\}.*' }],
  ['UserAttributeUpdateSettings', S.Struct],
  ['MfaConfiguration', S.MfaConfiguration],
  ['DeviceConfiguration', S.Struct],
  ['EmailConfiguration', S.Struct],
  ['SmsConfiguration', S.Struct],
  ['UserPoolTags', S.Struct],
  ['AdminCreateUserConfig', S.Struct],
  ['UserPoolAddOns', S.Struct],
  ['AccountRecoverySetting', S.Struct],
  ['UserPoolTier', S.UserPoolTier],
];

const clientSettings: MemberRule[] = [
  ['RefreshTokenValidity', S.RefreshTokenValidity],
  ['AccessTokenValidity', S.TokenValidity],
  ['IdTokenValidity', S.TokenValidity],
  ['TokenValidityUnits', S.Struct],
  ['ReadAttributes', AttributeNames],
  ['WriteAttributes', AttributeNames],
  ['ExplicitAuthFlows', ExplicitAuthFlows],
  ['SupportedIdentityProviders', S.StringList],
  ['CallbackURLs', { t: 'l', max: 100, item: { t: 's', min: 1, max: 1024 } }],
  ['LogoutURLs', { t: 'l', max: 100, item: { t: 's', min: 1, max: 1024 } }],
  ['DefaultRedirectURI', { t: 's', min: 1, max: 1024 }],
  ['AllowedOAuthFlows', enumList(['code', 'implicit', 'client_credentials'], 3)],
  ['AllowedOAuthScopes', { t: 'l', max: 50, item: { t: 's', min: 1, max: 256 } }],
  ['AllowedOAuthFlowsUserPoolClient', S.Bool],
  ['AnalyticsConfiguration', S.Struct],
  ['PreventUserExistenceErrors', S.PreventUserExistenceErrors],
  ['EnableTokenRevocation', S.Bool],
  ['EnablePropagateAdditionalUserContextData', S.Bool],
  ['AuthSessionValidity', S.AuthSessionValidity],
];

const mfaSettings = (names: string[]): MemberRule[] => names.map((n) => [n, S.Struct] as const);

export const OPERATION_MEMBERS: Record<string, readonly MemberRule[]> = {
  CreateUserPool: [
    ['PoolName', S.PoolName, R],
    ...poolSettings,
    ['AliasAttributes', enumList(['phone_number', 'email', 'preferred_username'])],
    ['UsernameAttributes', enumList(['phone_number', 'email'])],
    ['Schema', { t: 'l', min: 1, max: 50, item: { t: 'o' } }],
    ['UsernameConfiguration', S.Struct],
  ],
  DescribeUserPool: [pool],
  UpdateUserPool: [pool, ['PoolName', S.PoolName], ...poolSettings],
  ListUserPools: [
    ['NextToken', S.PaginationKey],
    ['MaxResults', S.PoolQueryLimit, R],
  ],
  DeleteUserPool: [pool],
  GetUserPoolMfaConfig: [pool],
  SetUserPoolMfaConfig: [pool, ...mfaSettings(['SmsMfaConfiguration', 'SoftwareTokenMfaConfiguration', 'EmailMfaConfiguration', 'WebAuthnConfiguration']), ['MfaConfiguration', S.MfaConfiguration]],

  DescribeRiskConfiguration: [pool, ['ClientId', S.ClientId]],
  SetRiskConfiguration: [
    pool,
    ['ClientId', S.ClientId],
    ['CompromisedCredentialsRiskConfiguration', S.Struct],
    ['AccountTakeoverRiskConfiguration', S.Struct],
    ['RiskExceptionConfiguration', S.Struct],
  ],
  CreateUserPoolDomain: [['Domain', S.Domain, R], pool, ['ManagedLoginVersion', { t: 'i' }], ['CustomDomainConfig', S.Struct]],
  DescribeUserPoolDomain: [['Domain', S.Domain, R]],
  DeleteUserPoolDomain: [['Domain', S.Domain, R], pool],
  ListUserPoolReplicas: [pool, ['NextToken', S.PaginationKey]],

  CreateUserPoolClient: [pool, ['ClientName', S.ClientName, R], ['GenerateSecret', S.Bool], ...clientSettings],
  DescribeUserPoolClient: [pool, client],
  UpdateUserPoolClient: [pool, client, ['ClientName', S.ClientName], ...clientSettings],
  ListUserPoolClients: [pool, ['MaxResults', S.QueryLimit], ['NextToken', S.PaginationKey]],
  DeleteUserPoolClient: [pool, client],

  CreateGroup: [['GroupName', S.GroupName, R], pool, ['Description', S.Description], ['RoleArn', S.RoleArn], ['Precedence', S.Precedence]],
  GetGroup: [['GroupName', S.GroupName, R], pool],
  UpdateGroup: [['GroupName', S.GroupName, R], pool, ['Description', S.Description], ['RoleArn', S.RoleArn], ['Precedence', S.Precedence]],
  DeleteGroup: [['GroupName', S.GroupName, R], pool],
  ListGroups: [pool, ['Limit', S.QueryLimitType], ['NextToken', S.PaginationKey]],

  AdminCreateUser: [
    pool,
    user,
    ['UserAttributes', Attributes],
    ['ValidationData', Attributes],
    ['TemporaryPassword', S.Password],
    ['ForceAliasCreation', S.Bool],
    ['MessageAction', S.MessageAction],
    ['DesiredDeliveryMediums', DeliveryMediums],
    ['ClientMetadata', S.Struct],
  ],
  AdminGetUser: [pool, user],
  AdminDeleteUser: [pool, user],
  AdminDisableUser: [pool, user],
  AdminEnableUser: [pool, user],
  AdminConfirmSignUp: [pool, user, ['ClientMetadata', S.Struct]],
  AdminResetUserPassword: [pool, user, ['ClientMetadata', S.Struct]],
  AdminSetUserPassword: [pool, user, ['Password', S.Password, R], ['Permanent', S.Bool]],
  AdminUpdateUserAttributes: [pool, user, ['UserAttributes', Attributes, R], ['ClientMetadata', S.Struct]],
  AdminDeleteUserAttributes: [pool, user, ['UserAttributeNames', AttributeNames, R]],
  AdminUserGlobalSignOut: [pool, user],
  AdminListGroupsForUser: [user, pool, ['Limit', S.QueryLimitType], ['NextToken', S.PaginationKey]],
  AdminAddUserToGroup: [pool, user, ['GroupName', S.GroupName, R]],
  AdminRemoveUserFromGroup: [pool, user, ['GroupName', S.GroupName, R]],
  AdminInitiateAuth: [pool, client, ['AuthFlow', S.AuthFlow, R], ['AuthParameters', S.Struct], ['ClientMetadata', S.Struct], ['AnalyticsMetadata', S.Struct], ['ContextData', S.Struct], ['Session', S.Session]],
  AdminRespondToAuthChallenge: [pool, client, ['ChallengeName', S.ChallengeName, R], ['ChallengeResponses', S.Struct], ['Session', S.Session], ['ClientMetadata', S.Struct]],
  AdminListUserAuthEvents: [pool, user, ['MaxResults', S.QueryLimitType], ['NextToken', S.PaginationKey]],
  AdminUpdateAuthEventFeedback: [pool, user, ['EventId', { t: 's', min: 1, max: 50, re: '[\\w+-]+' }, R], ['FeedbackValue', { t: 's', enum: ['Valid', 'Invalid'] }, R]],
  AdminSetUserMFAPreference: [['SMSMfaSettings', S.Struct], ['SoftwareTokenMfaSettings', S.Struct], ['EmailMfaSettings', S.Struct], user, pool],
  ListUsers: [pool, ['AttributesToGet', AttributeNames], ['Limit', S.QueryLimitType], ['PaginationToken', S.SearchPaginationToken], ['Filter', S.UserFilter]],
  ListUsersInGroup: [pool, ['GroupName', S.GroupName, R], ['Limit', S.QueryLimitType], ['NextToken', S.PaginationKey]],

  SignUp: [client, secretHash, user, ['Password', S.Password], ['UserAttributes', Attributes], ['ValidationData', Attributes], ['ClientMetadata', S.Struct]],
  ConfirmSignUp: [client, secretHash, user, ['ConfirmationCode', S.ConfirmationCode, R], ['ForceAliasCreation', S.Bool], ['ClientMetadata', S.Struct], ['Session', S.Session]],
  ResendConfirmationCode: [client, secretHash, user, ['ClientMetadata', S.Struct]],
  ForgotPassword: [client, secretHash, user, ['ClientMetadata', S.Struct]],
  ConfirmForgotPassword: [client, secretHash, user, ['ConfirmationCode', S.ConfirmationCode, R], ['Password', S.Password, R], ['ClientMetadata', S.Struct]],
  InitiateAuth: [['AuthFlow', S.AuthFlow, R], ['AuthParameters', S.Struct], ['ClientMetadata', S.Struct], client, ['AnalyticsMetadata', S.Struct], ['UserContextData', S.Struct], ['Session', S.Session]],
  RespondToAuthChallenge: [client, ['ChallengeName', S.ChallengeName, R], ['Session', S.Session], ['ChallengeResponses', S.Struct], ['ClientMetadata', S.Struct]],
  AssociateSoftwareToken: [['AccessToken', S.Token], ['Session', S.Session]],
  VerifySoftwareToken: [['AccessToken', S.Token], ['Session', S.Session], ['UserCode', S.TotpCode, R], ['FriendlyDeviceName', { t: 's' }]],
  SetUserMFAPreference: [['SMSMfaSettings', S.Struct], ['SoftwareTokenMfaSettings', S.Struct], ['EmailMfaSettings', S.Struct], accessToken],
  GetUser: [accessToken],
  DeleteUser: [accessToken],
  ChangePassword: [['PreviousPassword', S.Password], ['ProposedPassword', S.Password, R], accessToken],
  UpdateUserAttributes: [['UserAttributes', Attributes, R], accessToken, ['ClientMetadata', S.Struct]],
  GetUserAttributeVerificationCode: [accessToken, ['AttributeName', S.AttributeName, R], ['ClientMetadata', S.Struct]],
  VerifyUserAttribute: [accessToken, ['AttributeName', S.AttributeName, R], ['Code', S.ConfirmationCode, R]],
  GlobalSignOut: [accessToken],
  RevokeToken: [['Token', S.Token, R], client, ['ClientSecret', S.ClientSecret]],
};
