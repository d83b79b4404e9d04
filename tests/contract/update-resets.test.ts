import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { sdkClients } from '../support/aws';
import { standaloneServerTarget } from '../support/targets';

/**
 * REFERENCE §2's editing gotcha, as AWS documents it for UpdateUserPool / UpdateUserPoolClient:
 * every setting the request leaves out returns to its default — except the pool's feature plan.
 */
const target = standaloneServerTarget();

describe('UpdateUserPool resets what it is not given', () => {
  it('returns omitted settings to their defaults but keeps the feature plan and sign-in identifiers', async () => {
    const { idp } = sdkClients(target);
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({
        PoolName: 'resets',
        UserPoolTier: 'PLUS',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        DeletionProtection: 'ACTIVE',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        Policies: { PasswordPolicy: { MinimumLength: 14, RequireSymbols: false, PasswordHistorySize: 5 } },
        LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:pre-sign-up' },
        EmailConfiguration: { EmailSendingAccount: 'DEVELOPER', SourceArn: 'arn:aws:ses:us-east-1:000000000000:identity/no-reply@example.com' },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        VerificationMessageTemplate: { EmailSubject: 'Your code', EmailMessage: 'Code {####}' },
      }),
    );
    const id = UserPool!.Id!;
    await idp.send(new UpdateUserPoolCommand({ UserPoolId: id, AutoVerifiedAttributes: ['email'] }));
    const after = (await idp.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    expect(after.UserPoolTier).toBe('PLUS');
    expect(after.UsernameAttributes).toEqual(['email']);
    expect(after.DeletionProtection).toBe('INACTIVE');
    expect(after.UserPoolAddOns?.AdvancedSecurityMode ?? 'OFF').toBe('OFF');
    expect(after.Policies?.PasswordPolicy).toMatchObject({ MinimumLength: 8, RequireSymbols: true });
    expect(after.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0).toBe(0);
    expect(after.LambdaConfig ?? {}).toEqual({});
    expect(after.EmailConfiguration).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
    expect(after.AdminCreateUserConfig?.AllowAdminCreateUserOnly).toBe(false);
    expect(after.VerificationMessageTemplate?.EmailSubject).toBeUndefined();
  });
});

describe('UpdateUserPoolClient resets what it is not given', () => {
  it('returns omitted client settings to their defaults and keeps the secret', async () => {
    const { idp } = sdkClients(target);
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'client-resets' }));
    const { UserPoolClient } = await idp.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'web',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: false,
        AccessTokenValidity: 5,
        TokenValidityUnits: { AccessToken: 'minutes' },
        CallbackURLs: ['https://app.example.com/callback'],
        AllowedOAuthFlows: ['code'],
        AllowedOAuthScopes: ['openid'],
        AllowedOAuthFlowsUserPoolClient: true,
        SupportedIdentityProviders: ['COGNITO'],
        AuthSessionValidity: 10,
      }),
    );
    await idp.send(new UpdateUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientId: UserPoolClient!.ClientId!, ClientName: 'web' }));
    const after = (await idp.send(new DescribeUserPoolClientCommand({ UserPoolId: UserPool!.Id!, ClientId: UserPoolClient!.ClientId! }))).UserPoolClient!;
    expect(after.ClientSecret).toBe(UserPoolClient!.ClientSecret);
    expect(after.ExplicitAuthFlows ?? []).toEqual([]);
    expect(after.PreventUserExistenceErrors).toBe('LEGACY');
    expect(after.EnableTokenRevocation).toBe(true);
    expect(after.AccessTokenValidity).toBeUndefined();
    expect(after.CallbackURLs ?? []).toEqual([]);
    expect(after.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(after.RefreshTokenValidity).toBe(30);
    expect(after.AuthSessionValidity).toBe(3);
  });
});
