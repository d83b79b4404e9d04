/** The identity pool from the config: guest access (Cognito.2), classic flow, role mapping, trust policies, token checks. */
import { fail, identityPoolResource, notEvaluated, pass } from '../check-kit';
import type { Check, IdentityPoolInput, Outcome, ReviewInput } from '../types';

const CONSOLE = 'Amazon Cognito → Identity pools → {identityPoolId}';

/** Runs `evaluate` on DescribeIdentityPool's answer, or says why it is not there. */
function withPool(input: ReviewInput, evaluate: (pool: IdentityPoolInput, resource: string) => Outcome[]): Outcome[] {
  if (!input.identityPool.ok) return [notEvaluated(input.identityPool)];
  return evaluate(input.identityPool.value, identityPoolResource(input.identityPoolId ?? input.identityPool.value.IdentityPoolId ?? '?'));
}

export const checks: Check[] = [
  {
    meta: {
      id: 'cognito_identity_pool_guest_access_disabled',
      title: 'The identity pool gives AWS credentials to guests',
      severity: 'high',
      area: 'identity-pool',
      why: 'With guest access anyone on the internet can get AWS credentials for the unauthenticated role without signing in; whatever that role allows, everyone may do.',
      fix: {
        console: `${CONSOLE} → User access → Guest access → Deactivate`,
        cli: 'aws cognito-identity update-identity-pool --identity-pool-id {identityPoolId} --identity-pool-name <name> --no-allow-unauthenticated-identities  # update-identity-pool also resets what it omits',
        cloudformation: 'AWS::Cognito::IdentityPool → AllowUnauthenticatedIdentities: false',
      },
      fixable: true,
      references: { prowler: 'cognito_identity_pool_guest_access_disabled', securityHub: 'Cognito.2' },
      setting: 'identity-pool',
    },
    evaluate: (input) =>
      withPool(input, (pool, resource) => {
        const value = pool.AllowUnauthenticatedIdentities ?? false;
        const field = 'IdentityPool.AllowUnauthenticatedIdentities';
        return [value ? fail(resource, field, value, 'false') : pass(resource, field, value)];
      }),
  },
  {
    meta: {
      id: 'PK-IDP-1',
      title: 'The classic (basic) authentication flow is on',
      severity: 'medium',
      area: 'identity-pool',
      why: 'The basic flow lets an app call sts:AssumeRoleWithWebIdentity itself for any role that trusts the pool, so only the roles\' trust policies stand between a user and every role. The enhanced flow lets the role mapping decide.',
      fix: {
        console: `${CONSOLE} → User access → Basic (classic) authentication → Deactivate`,
        cli: 'aws cognito-identity update-identity-pool --identity-pool-id {identityPoolId} --identity-pool-name <name> --no-allow-classic-flow …',
        cloudformation: 'AWS::Cognito::IdentityPool → AllowClassicFlow: false',
      },
      fixable: true,
      references: {},
      setting: 'identity-pool',
    },
    evaluate: (input) =>
      withPool(input, (pool, resource) => {
        const value = pool.AllowClassicFlow ?? false;
        return [value ? fail(resource, 'IdentityPool.AllowClassicFlow', value, 'false') : pass(resource, 'IdentityPool.AllowClassicFlow', value)];
      }),
  },
  {
    meta: {
      id: 'PK-IDP-2',
      title: 'Ambiguous role mappings fall back to the default role',
      severity: 'low',
      area: 'identity-pool',
      why: 'When no rule matches, or a token carries several roles and no preferred one, AuthenticatedRole silently hands out the default authenticated role; Deny refuses credentials so a misconfiguration is seen.',
      fix: {
        console: `${CONSOLE} → User access → Identity providers → (provider) → Role settings → Role resolution → Deny`,
        cli: "aws cognito-identity set-identity-pool-roles --identity-pool-id {identityPoolId} --roles authenticated=<role-arn> --role-mappings '{\"<provider>\":{\"Type\":\"Token\",\"AmbiguousRoleResolution\":\"Deny\"}}'",
        cloudformation: 'AWS::Cognito::IdentityPoolRoleAttachment → RoleMappings.<key>.AmbiguousRoleResolution: Deny',
      },
      fixable: true,
      references: {},
      setting: 'role-mappings',
    },
    evaluate(input) {
      if (!input.identityPool.ok) return [notEvaluated(input.identityPool)];
      if (!input.identityPoolRoles.ok) return [notEvaluated(input.identityPoolRoles)];
      const resource = identityPoolResource(input.identityPoolId ?? '?');
      const mappings = Object.entries(input.identityPoolRoles.value.RoleMappings ?? {});
      if (mappings.length === 0) return [pass(resource, 'GetIdentityPoolRoles.RoleMappings', {})];
      return mappings.map(([provider, mapping]) => {
        const field = `GetIdentityPoolRoles.RoleMappings["${provider}"].AmbiguousRoleResolution`;
        const value = mapping.AmbiguousRoleResolution ?? null;
        return value === 'AuthenticatedRole' ? fail(resource, field, value, 'Deny') : pass(resource, field, value);
      });
    },
  },
  {
    meta: {
      id: 'PK-IDP-3',
      title: 'Role trust policies may not be limited to this identity pool',
      severity: 'medium',
      area: 'identity-pool',
      why: 'AWS\'s best practice: each role trusting cognito-identity.amazonaws.com has conditions on cognito-identity.amazonaws.com:aud (this identity pool) and :amr (authenticated); without them any identity pool in any account could obtain it.',
      fix: {
        console: 'IAM → Roles → (role) → Trust relationships → Edit: StringEquals aud = {identityPoolId}, ForAnyValue:StringLike amr = authenticated',
        cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust.json',
        cloudformation: 'AWS::IAM::Role → AssumeRolePolicyDocument.Statement[].Condition: StringEquals cognito-identity.amazonaws.com:aud, ForAnyValue:StringLike cognito-identity.amazonaws.com:amr',
      },
      fixable: true,
      references: {},
      setting: 'role-mappings',
    },
    evaluate() {
      return [{ status: 'not-evaluated', reason: 'not evaluated: needs `iam:GetRole`, which Poolkeeper\'s admin role does not grant (IAM roles are outside the pool; read the trust policies in the IAM console)' }];
    },
  },
  {
    meta: {
      id: 'PK-IDP-4',
      title: 'The identity pool does not check tokens with the user pool',
      severity: 'low',
      area: 'identity-pool',
      why: 'With ServerSideTokenCheck the identity pool asks the user pool whether the user is still signed in, so signed-out or deleted users get NotAuthorized instead of fresh AWS credentials.',
      fix: {
        console: `${CONSOLE} → User access → Identity providers → (user pool) → Edit → Server-side token check`,
        cli: "aws cognito-identity update-identity-pool --identity-pool-id {identityPoolId} --identity-pool-name <name> --cognito-identity-providers ProviderName=<provider>,ClientId=<client>,ServerSideTokenCheck=true …",
        cloudformation: 'AWS::Cognito::IdentityPool → CognitoIdentityProviders[].ServerSideTokenCheck: true',
      },
      fixable: true,
      references: {},
      setting: 'identity-pool',
    },
    evaluate: (input) =>
      withPool(input, (pool, resource) =>
        (pool.CognitoIdentityProviders ?? []).map((provider, i) => {
          const field = `IdentityPool.CognitoIdentityProviders[${i}].ServerSideTokenCheck`;
          const value = provider.ServerSideTokenCheck ?? false;
          return value ? pass(resource, field, value) : fail(resource, field, value, `true for ${provider.ProviderName ?? 'the provider'}`);
        }),
      ),
  },
];
