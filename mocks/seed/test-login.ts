import type { Emulator } from '../model/emulator';
import type { PolicyStatement } from '../model/iam';
import { rootContext } from '../model/arrange';

/** What the test-login panel needs in the demo account (names shared with DEMO in demo.ts). */
export interface TestLoginSeedNames {
  region: string;
  accountId: string;
  poolId: string;
  identityPoolId: string;
  identityProvider: string;
  authenticatedRoleArn: string;
  endUserClientId: string;
  demoApi: { id: string; stage: string; path: string };
}

/** The end-user role's visible permission: calling the demo API, and nothing in Cognito or SES. */
export function invokeDemoApiStatement(names: TestLoginSeedNames): PolicyStatement {
  const { region, accountId, demoApi } = names;
  return {
    Sid: 'CallTheDemoApi',
    Effect: 'Allow',
    Action: 'execute-api:Invoke',
    Resource: `arn:aws:execute-api:${region}:${accountId}:${demoApi.id}/${demoApi.stage}/*`,
  };
}

/**
 * The end user's side of the demo, as the product's mobile app sees it: its own app client (SRP,
 * no secret), a role mapping for that client in the identity pool (Rules: a token issued to this
 * client gets the default authenticated role; ambiguity denied), and an API behind a Cognito user
 * pool authorizer. `withFixedId` pins the client id so configs and tests can name it.
 */
export async function seedTestLogin(
  emulator: Emulator,
  names: TestLoginSeedNames,
  withFixedId: (id: string, create: () => Promise<string>) => Promise<string>,
): Promise<void> {
  const root = rootContext(names.region);
  await withFixedId(names.endUserClientId, async () => {
    const created = (await emulator.idp.call(
      'CreateUserPoolClient',
      {
        UserPoolId: names.poolId,
        ClientName: 'acme-mobile-app',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
        EnableTokenRevocation: true,
        AuthSessionValidity: 3,
      },
      root,
    )) as { UserPoolClient: { ClientId: string } };
    return created.UserPoolClient.ClientId;
  });

  const role = emulator.iam.getRole(names.authenticatedRoleArn);
  if (role) {
    const statements = Array.isArray(role.policy.Statement) ? role.policy.Statement : [role.policy.Statement];
    emulator.iam.putRole({ ...role, policy: { ...role.policy, Statement: [...statements, invokeDemoApiStatement(names)] } });
  }

  const pool = emulator.identity.getIdentityPool(names.identityPoolId);
  if (pool) {
    emulator.identity.putIdentityPool({
      ...pool,
      CognitoIdentityProviders: [
        ...(pool.CognitoIdentityProviders ?? []),
        { ProviderName: names.identityProvider, ClientId: names.endUserClientId, ServerSideTokenCheck: false },
      ],
      RoleMappings: {
        ...pool.RoleMappings,
        // Users of this app get the app's user role, whatever their groups; anything unclear is refused
        // (Deny, as the configuration review recommends).
        [`${names.identityProvider}:${names.endUserClientId}`]: {
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          RulesConfiguration: { Rules: [{ Claim: 'aud', MatchType: 'Equals', Value: names.endUserClientId, RoleARN: names.authenticatedRoleArn }] },
        },
      },
    });
  }

  emulator.apigateway.putRestApi({
    id: names.demoApi.id,
    name: 'acme-demo-api',
    region: names.region,
    stage: names.demoApi.stage,
    userPoolIds: [names.poolId],
    methods: [
      { httpMethod: 'GET', path: names.demoApi.path },
      { httpMethod: 'POST', path: names.demoApi.path },
    ],
  });
}
