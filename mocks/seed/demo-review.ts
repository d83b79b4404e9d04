/**
 * Deliberate configuration findings in the demo pool, so the Configuration screen teaches on first
 * start: a legacy web client with the implicit grant, a plain-http callback and user-existence
 * errors (high and medium), a hosted domain, and threat-protection settings written but not
 * enforced (the pool's add-on is OFF). The operator's admin client is left alone, so signing in
 * keeps working.
 */
import type { Emulator } from '../model/emulator';
import type { CallContext } from '../model/types';

export const DEMO_REVIEW = {
  legacyClientName: 'legacy-storefront',
  domain: 'acme-customers-demo',
};

export async function seedReviewFindings(emulator: Emulator, poolId: string, ctx: CallContext): Promise<void> {
  const { idp } = emulator;
  await idp.call(
    'CreateUserPoolClient',
    {
      UserPoolId: poolId,
      ClientName: DEMO_REVIEW.legacyClientName,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'LEGACY',
      EnableTokenRevocation: true,
      RefreshTokenValidity: 90,
      AuthSessionValidity: 10,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['implicit', 'code'],
      AllowedOAuthScopes: ['openid', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: ['http://shop.acme-customers.test/callback', 'https://shop.acme-customers.test/callback'],
      LogoutURLs: ['https://shop.acme-customers.test/'],
    },
    ctx,
  );
  await idp.call('CreateUserPoolDomain', { UserPoolId: poolId, Domain: DEMO_REVIEW.domain, ManagedLoginVersion: 2 }, ctx);
  await idp.call(
    'SetRiskConfiguration',
    {
      UserPoolId: poolId,
      CompromisedCredentialsRiskConfiguration: { EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE'], Actions: { EventAction: 'BLOCK' } },
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { Notify: false, EventAction: 'NO_ACTION' },
          MediumAction: { Notify: false, EventAction: 'MFA_IF_CONFIGURED' },
          HighAction: { Notify: false, EventAction: 'BLOCK' },
        },
      },
    },
    ctx,
  );
}
