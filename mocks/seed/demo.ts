import type { Emulator, EmulatorOptions } from '../model/emulator';
import type { PolicyDocument } from '../model/iam';
import type { Random } from '../model/random';
import type { CallContext } from '../model/types';
import { identityPoolTrust } from '../model/web-identity-trust';
import { backlogUsers, seedDemoEmail } from './demo-email';
import { seedDemoSecurity } from './demo-security';
import { generatedUsers, handcraftedUsers, type DemoUser } from './demo-users';
import { seedTestLogin } from './test-login';
import { seedReviewFindings } from './demo-review';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const POOL_ID = `${REGION}_DemoPool1`;
const POOL_ARN = `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${POOL_ID}`;
const PROVIDER = `cognito-idp.${REGION}.amazonaws.com/${POOL_ID}`;
const DEMO_IDENTITY_POOL_ID = `${REGION}:00000000-0000-4000-8000-000000000001`;

/** The dashboard's runtime config (src/config schema) for the demo seed. */
export interface DemoConfig {
  region: string;
  userPoolId: string;
  clientId: string;
  identityPoolId: string;
  adminGroup: string;
  sesRegion: string;
  testClientId: string;
  testApiUrl: string;
}

/** Everything the demo seed names, so the dashboard config, tests and README can refer to it. */
export const DEMO = {
  region: REGION,
  accountId: ACCOUNT,
  poolId: POOL_ID,
  userPoolId: POOL_ID,
  poolArn: POOL_ARN,
  poolName: 'Acme customers',
  /** the admin SPA client: no secret, SRP + refresh only */
  adminClientId: 'pk0demo0admin0spa000000001',
  /** a client for test logins: SRP, USER_PASSWORD_AUTH and refresh */
  testClientId: 'pk0demo0test0login00000002',
  /** the end users' app (the product's mobile app): SRP + refresh, no secret; the test-login panel's default */
  endUserClientId: 'pk0demo0mobile0app00000003',
  /** a REST API behind a Cognito user pool authorizer for this pool (mocks/model/apigateway.ts) */
  demoApi: { id: 'pk0demoapi', stage: 'demo', path: '/hello', url: `https://pk0demoapi.execute-api.${REGION}.amazonaws.com/demo/hello` },
  identityPoolId: `${REGION}:00000000-0000-4000-8000-000000000001`,
  identityProvider: PROVIDER,
  adminGroup: 'admins',
  groups: ['admins', 'support', 'beta-testers'],
  adminRoleArn: `arn:aws:iam::${ACCOUNT}:role/PoolkeeperAdmin`,
  authenticatedRoleArn: `arn:aws:iam::${ACCOUNT}:role/PoolkeeperAuthenticated`,
  sesIdentity: 'no-reply@example.com',
  sesSourceArn: `arn:aws:ses:${REGION}:${ACCOUNT}:identity/no-reply@example.com`,
  /** in `admins` (and `support`) */
  operator: { username: 'admin@example.com', email: 'admin@example.com', password: 'Admin-Passw0rd!' },
  /** confirmed, in `beta-testers`, not an administrator */
  nonAdmin: { username: 'user@example.com', email: 'user@example.com', password: 'User-Passw0rd!' },
  /** in `admins`, FORCE_CHANGE_PASSWORD: signing in asks for a new password */
  newAdmin: { username: 'newadmin@example.com', email: 'newadmin@example.com', temporaryPassword: 'Temp-Passw0rd!' },
  /** generated customers added when `users` is not given */
  defaultGeneratedUsers: 150,
  config: {
    region: REGION,
    userPoolId: POOL_ID,
    clientId: 'pk0demo0admin0spa000000001',
    identityPoolId: `${REGION}:00000000-0000-4000-8000-000000000001`,
    adminGroup: 'admins',
    sesRegion: REGION,
    testClientId: 'pk0demo0mobile0app00000003',
    testApiUrl: `https://pk0demoapi.execute-api.${REGION}.amazonaws.com/demo/hello`,
  } satisfies DemoConfig,
} as const;

const ROOT: CallContext = { region: REGION, principal: { kind: 'root', accessKeyId: 'test' } };
const DAY_MS = 24 * 3600 * 1000;

const TRUST = identityPoolTrust(DEMO.identityPoolId);

/**
 * The admin role's policy: exactly what README section 4 and infra/poolkeeper-admin.yaml grant
 * (tests/contract/admin-policy.test.ts compares them). No wildcards: a dashboard call that only
 * works because the demo role is broader would fail on the first real pool.
 */
export const ADMIN_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AdministerThisPoolOnly',
      Effect: 'Allow',
      Action: [
        'cognito-idp:DescribeUserPool',
        'cognito-idp:DescribeUserPoolClient',
        'cognito-idp:GetUserPoolMfaConfig',
        'cognito-idp:ListUserPoolClients',
        'cognito-idp:ListUsers',
        'cognito-idp:ListUsersInGroup',
        'cognito-idp:ListGroups',
        'cognito-idp:GetGroup',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminConfirmSignUp',
        'cognito-idp:AdminResetUserPassword',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminDeleteUserAttributes',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:AdminListGroupsForUser',
        'cognito-idp:AdminAddUserToGroup',
        'cognito-idp:AdminRemoveUserFromGroup',
        'cognito-idp:DescribeRiskConfiguration',
        'cognito-idp:ListUserPoolReplicas',
        'cognito-idp:AdminSetUserMFAPreference',
        'cognito-idp:AdminListUserAuthEvents',
      ],
      Resource: POOL_ARN,
    },
    {
      // DescribeUserPoolDomain names only the domain, so IAM cannot scope it to the pool.
      Sid: 'ReadHostedDomain',
      Effect: 'Allow',
      Action: ['cognito-idp:DescribeUserPoolDomain'],
      Resource: '*',
    },
    {
      Sid: 'ReviewIdentityPool',
      Effect: 'Allow',
      Action: ['cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'],
      Resource: `arn:aws:cognito-identity:${REGION}:${ACCOUNT}:identitypool/${DEMO_IDENTITY_POOL_ID}`,
    },
    {
      Sid: 'ReadEmailSendingHealth',
      Effect: 'Allow',
      Action: ['ses:GetSendQuota', 'ses:GetSendStatistics', 'ses:ListIdentities', 'ses:GetIdentityVerificationAttributes', 'ses:GetAccountSendingEnabled'],
      Resource: '*',
    },
  ],
};

/** What every signed-in identity gets by default: nothing in Cognito or SES. */
const AUTHENTICATED_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['cognito-sync:*', 'mobileanalytics:PutEvents'], Resource: '*' }],
};

/**
 * The demo account: one user pool with users in every status, groups (only admins has an IAM role), two app
 * clients, an identity pool mapping the admin group's role (Token, ambiguous → Deny), and a
 * sandboxed SES account with a verified sender and some sending history.
 */
export async function seedDemo(emulator: Emulator, options: EmulatorOptions): Promise<void> {
  const { idp } = emulator;
  const now = emulator.clock.now();

  // IAM first: groups refer to the roles.
  emulator.iam.putRole({ arn: DEMO.adminRoleArn, policy: ADMIN_POLICY, trust: TRUST });
  emulator.iam.putRole({ arn: DEMO.authenticatedRoleArn, policy: AUTHENTICATED_POLICY, trust: TRUST });

  // SES: the pool's sender is verified; the domain too, so test mail to example.com addresses goes out.
  emulator.ses.putIdentity(REGION, DEMO.sesIdentity, 'Success');
  emulator.ses.putIdentity(REGION, 'example.com', 'Success');
  emulator.ses.putIdentity(REGION, 'billing@acme-customers.test', 'Pending');
  seedDemoEmail(emulator, REGION, now);

  const poolId = await withFixedId(emulator, POOL_ID.slice(REGION.length + 1), ALNUM, async () => {
    const created = (await idp.call(
      'CreateUserPool',
      {
        PoolName: DEMO.poolName,
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        // Threat protection in audit mode (Plus plan) records sign-ins for the History tab.
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
        Policies: {
          PasswordPolicy: {
            MinimumLength: 10,
            RequireUppercase: true,
            RequireLowercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
            TemporaryPasswordValidityDays: 7,
          },
        },
        Schema: [
          { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
          { Name: 'plan', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '0', MaxLength: '32' } },
          { Name: 'tenant', AttributeDataType: 'String', Mutable: true, StringAttributeConstraints: { MinLength: '0', MaxLength: '64' } },
        ],
        EmailConfiguration: {
          EmailSendingAccount: 'DEVELOPER',
          SourceArn: DEMO.sesSourceArn,
          From: `Acme <${DEMO.sesIdentity}>`,
          ReplyToEmailAddress: 'support@example.com',
        },
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        UserPoolTags: { app: 'poolkeeper-demo', environment: 'emulator' },
      },
      ROOT,
    )) as { UserPool: { Id: string } };
    return created.UserPool.Id;
  });

  await idp.call(
    'SetUserPoolMfaConfig',
    { UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } },
    ROOT,
  );

  await withFixedId(emulator, DEMO.adminClientId, LOWER_ALNUM, () =>
    createClient(emulator, {
      UserPoolId: poolId,
      ClientName: 'poolkeeper-admin',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 12,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'hours' },
    }),
  );
  await withFixedId(emulator, DEMO.testClientId, LOWER_ALNUM, () =>
    createClient(emulator, {
      UserPoolId: poolId,
      ClientName: 'test-login',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    }),
  );

  await seedReviewFindings(emulator, poolId, ROOT);

  await idp.call(
    'CreateGroup',
    { UserPoolId: poolId, GroupName: DEMO.adminGroup, Description: 'Poolkeeper operators', RoleArn: DEMO.adminRoleArn, Precedence: 0 },
    ROOT,
  );
  await idp.call(
    'CreateGroup',
    // No role: DESIGN.md lets only the admin group's role call the pool, so support staff who are
    // not administrators get no credentials from the identity pool (ambiguous → Deny).
    { UserPoolId: poolId, GroupName: 'support', Description: 'Support staff', Precedence: 10 },
    ROOT,
  );
  await idp.call('CreateGroup', { UserPoolId: poolId, GroupName: 'beta-testers', Description: 'Early access to new features', Precedence: 20 }, ROOT);

  for (const user of handcraftedUsers({ operator: DEMO.operator, nonAdmin: DEMO.nonAdmin, newAdmin: DEMO.newAdmin, adminGroup: DEMO.adminGroup })) {
    putDemoUser(emulator, poolId, user, now);
  }
  const extra = options.users ?? DEMO.defaultGeneratedUsers;
  for (const user of generatedUsers(extra, emulator.random)) putDemoUser(emulator, poolId, user, now);
  for (const user of backlogUsers()) putDemoUser(emulator, poolId, user, now);
  seedDemoSecurity(emulator, poolId, now);

  emulator.identity.putIdentityPool({
    IdentityPoolId: DEMO.identityPoolId,
    IdentityPoolName: 'Poolkeeper operators',
    AllowUnauthenticatedIdentities: false,
    AllowClassicFlow: false,
    CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: DEMO.adminClientId, ServerSideTokenCheck: false }],
    Roles: { authenticated: DEMO.authenticatedRoleArn },
    RoleMappings: { [PROVIDER]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    IdentityPoolTags: { app: 'poolkeeper-demo' },
  });
  await seedTestLogin(emulator, { ...DEMO, poolId }, (id, create) => withFixedId(emulator, id, LOWER_ALNUM, create));
}

function putDemoUser(emulator: Emulator, poolId: string, user: DemoUser, now: number): void {
  emulator.idp.putUser(poolId, {
    username: user.username,
    attributes: user.attributes,
    status: user.status,
    enabled: user.enabled ?? true,
    ...(user.password ? { password: user.password } : {}),
    ...(user.groups ? { groups: user.groups } : {}),
    createdAt: now - user.daysAgo * DAY_MS - (user.username.length % 24) * 3600 * 1000,
  });
}

async function createClient(emulator: Emulator, input: Record<string, unknown>): Promise<string> {
  const created = (await emulator.idp.call('CreateUserPoolClient', input, ROOT)) as { UserPoolClient: { ClientId: string } };
  return created.UserPoolClient.ClientId;
}

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * The IdP model draws pool and client ids from the emulator's Random; the seed wants fixed ids the
 * dashboard config can name. For the one call that creates the resource, the next `bytes()` draw
 * is scripted to spell `id` in the id alphabet; the result is checked so a change in the model's id
 * generation fails loudly here instead of producing different ids.
 */
export async function withFixedId<T extends string>(emulator: Emulator, id: string, alphabet: string, create: () => Promise<T>): Promise<T> {
  const original = emulator.random;
  let scripted = false;
  const scriptedRandom: Random = {
    ...original,
    bytes(length) {
      if (!scripted && length === id.length) {
        scripted = true;
        return Uint8Array.from(id, (ch) => alphabet.indexOf(ch));
      }
      return original.bytes(length);
    },
    int: (max) => original.int(max),
    uuid: () => original.uuid(),
    digits: (length) => original.digits(length),
  };
  emulator.random = scriptedRandom;
  try {
    const result = await create();
    if (!result.endsWith(id)) throw new Error(`Demo seed expected id ${id}, the model created ${result}.`);
    return result;
  } finally {
    emulator.random = original;
  }
}
