import { readFileSync } from 'node:fs';
import { DescribeUserPoolCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { identityCredentials, sdkClients, srpSignIn } from '../support/aws';
import { standaloneServerTarget } from '../support/targets';

const SEED = readFileSync(new URL('../../mocks/seed/examples/spa-admin.seed.yaml', import.meta.url), 'utf8');
const POOL_ID = 'us-east-1_ShopPool1';
const CLIENT_ID = 'shop0web0client00000000001';
const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

// The example seed file, served by the standalone server as `--seed spa-admin.seed.yaml` would:
// its identity pool gives the admin group's role to members only, and IAM enforces the role.
const target = standaloneServerTarget({ seed: 'empty', seedFile: SEED, seedFileName: 'spa-admin.seed.yaml' });

describe('a seed file served by the standalone server', () => {
  it("signs in with SRP, gives an admin-group member the group's role and a non-member nothing", async () => {
    const root = sdkClients(target);
    const { IdentityPools } = await root.identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    const identityPoolId = IdentityPools!.find((p) => p.IdentityPoolName === 'shop-admins')!.IdentityPoolId!;

    const ada = await srpSignIn(target, { username: 'ada@example.com', password: 'Correct-Horse-1', poolId: POOL_ID, clientId: CLIENT_ID });
    const admin = sdkClients(target, await identityCredentials(target, ada.idToken, identityPoolId, PROVIDER));
    const { Users } = await admin.idp.send(new ListUsersCommand({ UserPoolId: POOL_ID }));
    expect(Users).toHaveLength(2);
    await expect(admin.idp.send(new DescribeUserPoolCommand({ UserPoolId: POOL_ID }))).rejects.toMatchObject({ name: 'AccessDeniedException' });

    const bob = await srpSignIn(target, { username: 'bob@example.com', password: 'Correct-Horse-2', poolId: POOL_ID, clientId: CLIENT_ID });
    await expect(identityCredentials(target, bob.idToken, identityPoolId, PROVIDER)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: `The ambiguous role mapping rules for: ${PROVIDER} denied this request.`,
    });
  });
});
