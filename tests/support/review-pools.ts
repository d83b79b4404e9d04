/**
 * Two pools built through the real SDK for the configuration review's tests: a deliberately weak
 * one that fails every check the API can show, and a hardened one that passes every check the
 * emulator can satisfy. Both live in eu-west-1, whose SES account is set to production with a
 * verified sender, so the demo pool (us-east-1, sandboxed SES) stays as it is.
 */
import { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetRiskConfigurationCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorTarget } from './targets';

export const REVIEW_REGION = 'eu-west-1';
const ACCOUNT = '000000000000';
export const SENDER = 'no-reply@hardened.example';

export interface BuiltPool {
  userPoolId: string;
  identityPoolId: string;
  clients: Record<string, string>;
}

function clients(target: EmulatorTarget) {
  const config = { ...target.clientConfig(), region: REVIEW_REGION };
  return { idp: new CognitoIdentityProviderClient(config), identity: new CognitoIdentityClient(config) };
}

function roles(target: EmulatorTarget, name: string) {
  const authenticated = `arn:aws:iam::${ACCOUNT}:role/${name}-authenticated`;
  const unauthenticated = `arn:aws:iam::${ACCOUNT}:role/${name}-guest`;
  const empty = { Version: '2012-10-17' as const, Statement: [] };
  target.emulator.iam.putRole({ arn: authenticated, policy: empty });
  target.emulator.iam.putRole({ arn: unauthenticated, policy: empty });
  return { authenticated, unauthenticated };
}

export async function buildWeakPool(target: EmulatorTarget): Promise<BuiltPool> {
  const { idp, identity } = clients(target);
  const { UserPool } = await idp.send(
    new CreateUserPoolCommand({
      PoolName: 'weak',
      Policies: { PasswordPolicy: { MinimumLength: 6, RequireLowercase: false, RequireUppercase: false, RequireNumbers: false, RequireSymbols: false, TemporaryPasswordValidityDays: 30 } },
      // Self sign-up on and nothing auto-verified: nobody gets a confirmation code.
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    }),
  );
  const userPoolId = UserPool!.Id!;
  const pub = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'weak-public',
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: false,
      RefreshTokenValidity: 365,
      AuthSessionValidity: 15,
      SupportedIdentityProviders: ['Google'],
      CallbackURLs: ['https://app.weak.example/callback#done'],
    }),
  );
  const confidential = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'weak-confidential',
      GenerateSecret: true,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['implicit'],
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['http://app.weak.example/callback', 'http://localhost:3000/callback'],
    }),
  );
  const provider = `cognito-idp.${REVIEW_REGION}.amazonaws.com/${userPoolId}`;
  const created = await identity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: 'weak_identities',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: pub.UserPoolClient!.ClientId!, ServerSideTokenCheck: false }],
    }),
  );
  const role = roles(target, 'weak');
  await identity.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: created.IdentityPoolId!,
      Roles: role,
      RoleMappings: { [provider]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
    }),
  );
  return { userPoolId, identityPoolId: created.IdentityPoolId!, clients: { public: pub.UserPoolClient!.ClientId!, confidential: confidential.UserPoolClient!.ClientId! } };
}

export async function buildHardenedPool(target: EmulatorTarget): Promise<BuiltPool> {
  const { idp, identity } = clients(target);
  target.emulator.ses.configureAccount(REVIEW_REGION, { sandbox: false, max24HourSend: 50_000, maxSendRate: 14 });
  target.emulator.ses.putIdentity(REVIEW_REGION, SENDER, 'Success');
  const { UserPool } = await idp.send(
    new CreateUserPoolCommand({
      PoolName: 'hardened',
      UserPoolTier: 'PLUS',
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      DeletionProtection: 'ACTIVE',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED', AdvancedSecurityAdditionalFlows: { CustomAuthMode: 'ENFORCED' } },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: 3,
          PasswordHistorySize: 5,
        },
      },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: `arn:aws:ses:${REVIEW_REGION}:${ACCOUNT}:identity/${SENDER}`, From: SENDER },
    }),
  );
  const userPoolId = UserPool!.Id!;
  await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'ON', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  await idp.send(
    new SetRiskConfigurationCommand({
      UserPoolId: userPoolId,
      CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'], Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: {
        Actions: { LowAction: { Notify: false, EventAction: 'BLOCK' }, MediumAction: { Notify: false, EventAction: 'BLOCK' }, HighAction: { Notify: false, EventAction: 'BLOCK' } },
      },
    }),
  );
  const spa = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'hardened-spa',
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      RefreshTokenValidity: 1,
      TokenValidityUnits: { RefreshToken: 'days' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['https://app.hardened.example/callback'],
      LogoutURLs: ['https://app.hardened.example/'],
    }),
  );
  const provider = `cognito-idp.${REVIEW_REGION}.amazonaws.com/${userPoolId}`;
  const created = await identity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: 'hardened_identities',
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: spa.UserPoolClient!.ClientId!, ServerSideTokenCheck: true }],
    }),
  );
  const role = roles(target, 'hardened');
  await identity.send(
    new SetIdentityPoolRolesCommand({
      IdentityPoolId: created.IdentityPoolId!,
      Roles: { authenticated: role.authenticated },
      RoleMappings: { [provider]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
    }),
  );
  return { userPoolId, identityPoolId: created.IdentityPoolId!, clients: { spa: spa.UserPoolClient!.ClientId! } };
}
