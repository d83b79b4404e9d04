import { readFileSync } from 'node:fs';
import {
  AccessDeniedException,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, CreateIdentityPoolCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { describe, expect, it } from 'vitest';
import { standaloneServerTarget } from '../support/targets';

/**
 * README section 2's worked example, run as written against the standalone server (`npm run
 * emulator -- --seed empty`). The lines between the README markers below must equal the README's
 * block, so the README cannot drift from code that works.
 */
async function workedExample(endpoint: string) {
  // README:begin
  const region = 'us-east-1';
  const root = { region, endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const idp = new CognitoIdentityProviderClient(root);
  const identity = new CognitoIdentityClient(root);
  const iam = new IAMClient(root);

  // 1. A user pool and an SPA app client without a secret
  const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'shop', UsernameAttributes: ['email'] }));
  const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({
    UserPoolId: UserPool!.Id, ClientName: 'web', GenerateSecret: false,
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  }));
  const provider = `cognito-idp.${region}.amazonaws.com/${UserPool!.Id}`;

  // 2. An identity pool that accepts that client's ID tokens
  const { IdentityPoolId } = await identity.send(new CreateIdentityPoolCommand({
    IdentityPoolName: 'shop', AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: provider, ClientId: UserPoolClient!.ClientId }],
  }));

  // 3. Its authenticated role: trusted by Cognito Identity for this pool, allowed to list the pool's users
  const trust = {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': IdentityPoolId },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
      },
    }],
  };
  const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'ShopSignedIn', AssumeRolePolicyDocument: JSON.stringify(trust) }));
  await iam.send(new PutRolePolicyCommand({
    RoleName: 'ShopSignedIn', PolicyName: 'list-users',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUsers', Resource: UserPool!.Arn }] }),
  }));
  await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId, Roles: { authenticated: Role!.Arn! } }));

  // 4. A user with a permanent password
  await idp.send(new AdminCreateUserCommand({
    UserPoolId: UserPool!.Id, Username: 'ada@example.com', MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }, { Name: 'email_verified', Value: 'true' }],
  }));
  await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: UserPool!.Id, Username: 'ada@example.com', Password: 'Correct-Horse-1', Permanent: true }));

  // 5. The app signs in with SRP (the password never leaves it) ...
  const pool = new CognitoUserPool({ UserPoolId: UserPool!.Id!, ClientId: UserPoolClient!.ClientId!, endpoint: `${endpoint}/` });
  const user = new CognitoUser({ Username: 'ada@example.com', Pool: pool });
  const session = await new Promise<CognitoUserSession>((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: 'ada@example.com', Password: 'Correct-Horse-1' }), { onSuccess: resolve, onFailure: reject }),
  );

  // 6. ... exchanges the ID token for the role's credentials, and makes IAM-checked calls with them
  const credentials = fromCognitoIdentityPool({
    identityPoolId: IdentityPoolId!,
    logins: { [provider]: session.getIdToken().getJwtToken() },
    clientConfig: { region, endpoint },
  });
  const signedIn = new CognitoIdentityProviderClient({ region, endpoint, credentials });
  const { Users } = await signedIn.send(new ListUsersCommand({ UserPoolId: UserPool!.Id }));
  const { Arn } = await new STSClient({ region, endpoint, credentials }).send(new GetCallerIdentityCommand({}));
  // Users → [ada@example.com]; Arn → arn:aws:sts::000000000000:assumed-role/ShopSignedIn/CognitoIdentityCredentials
  // signedIn.send(new DescribeUserPoolCommand(...)) → AccessDeniedException: the role does not allow it
  // README:end
  return { Users, Arn, signedIn, poolId: UserPool!.Id! };
}

const target = standaloneServerTarget({ seed: 'empty' });

describe("README's worked example (section 2)", () => {
  it('builds the set-up with the SDK, signs in with SRP and gets an IAM-checked call through identity-pool credentials', async () => {
    const { Users, Arn, signedIn, poolId } = await workedExample(target.endpoint!);
    expect(Users?.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value)).toEqual(['ada@example.com']);
    expect(Arn).toBe('arn:aws:sts::000000000000:assumed-role/ShopSignedIn/CognitoIdentityCredentials');
    await expect(signedIn.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('is the code the README shows', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    const fromTest = /\/\/ README:begin\n([\s\S]*?)\n\s*\/\/ README:end/.exec(source)![1]!.replace(/^ {2}/gm, '');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const block = /<!-- worked-example:begin -->\n```ts\n[\s\S]*?\nconst endpoint = [^\n]*\n([\s\S]*?)\n```\n<!-- worked-example:end -->/.exec(readme);
    expect(block, 'README.md has no worked-example block').not.toBeNull();
    expect(block![1]).toBe(fromTest);
  });
});
