import { readFileSync } from 'node:fs';
import { AdminAddUserToGroupCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { identityCredentials, sdkClients, srpSignIn } from '../support/aws';
import { nodeHostTarget } from '../support/targets';

const TEMPLATE = readFileSync(new URL('../../infra/poolkeeper-admin.yaml', import.meta.url), 'utf8');
const SEED = readFileSync(new URL('./fixtures/admin-template-pool.seed.yaml', import.meta.url), 'utf8');
const POOL_ID = 'us-east-1_LivePool1';
const PROVIDER = `cognito-idp.us-east-1.amazonaws.com/${POOL_ID}`;

// Issue 10: this repository's own CloudFormation template, deployed into the emulator, must give
// the admin group's members the admin role and nobody else any Cognito access.
const target = nodeHostTarget({ seed: 'empty', seedFile: SEED, seedFileName: 'admin-template-pool.seed.yaml' });

describe('infra/poolkeeper-admin.yaml deployed into the emulator', () => {
  it('gives a member of the admin group the admin role (ListUsers works) and refuses a non-admin', async () => {
    const deployed = await target.emulator.applyTemplate({
      body: TEMPLATE,
      file: 'infra/poolkeeper-admin.yaml',
      parameters: { UserPoolId: POOL_ID },
      stackName: 'poolkeeper',
    });
    const config = JSON.parse(deployed.outputs.ConfigJson!) as { clientId: string; identityPoolId: string; adminGroup: string; userPoolId: string };
    expect(config).toMatchObject({ region: 'us-east-1', userPoolId: POOL_ID, adminGroup: 'admins' });
    expect(deployed.skipped).toEqual([]);
    expect(deployed.resources.SesEmailIdentity).toBeUndefined(); // its Condition is false without SesIdentity

    const root = sdkClients(target);
    await root.idp.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL_ID, Username: 'operator@example.com', GroupName: config.adminGroup }));

    const operator = await srpSignIn(target, { username: 'operator@example.com', password: 'Operator-Passw0rd!', poolId: POOL_ID, clientId: config.clientId });
    const credentials = await identityCredentials(target, operator.idToken, config.identityPoolId, PROVIDER);
    expect(target.emulator.iam.lookup(credentials.accessKeyId)?.principal).toMatchObject({ roleArn: expect.stringMatching(/:role\/poolkeeper-AdminRole-[A-Z0-9]{12}$/) });
    const users = await sdkClients(target, credentials).idp.send(new ListUsersCommand({ UserPoolId: POOL_ID }));
    expect(users.Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value).sort()).toEqual(['customer@example.com', 'operator@example.com']);

    const customer = await srpSignIn(target, { username: 'customer@example.com', password: 'Customer-Passw0rd!', poolId: POOL_ID, clientId: config.clientId });
    await expect(identityCredentials(target, customer.idToken, config.identityPoolId, PROVIDER)).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: expect.stringContaining('The ambiguous role mapping rules for:'),
    });
  });
});
