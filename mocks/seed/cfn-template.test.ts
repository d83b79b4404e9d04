import { describe, expect, it } from 'vitest';
import { Emulator } from '../model/emulator';
import '../seed';
import { SeedFileError } from './seed-problems';

async function emptyEmulator() {
  const emulator = new Emulator({ seed: 'empty' });
  await emulator.ready;
  return emulator;
}

async function failure(promise: Promise<unknown>): Promise<SeedFileError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(SeedFileError);
  return error as SeedFileError;
}

const TRUST = `
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Federated: cognito-identity.amazonaws.com }
            Action: sts:AssumeRoleWithWebIdentity`;

describe('CloudFormation templates', () => {
  it('resolves Ref, GetAtt, Sub (both forms), Join, Select, If and parameter defaults, in dependency order, and prints Outputs', async () => {
    const emulator = await emptyEmulator();
    const template = `
Parameters:
  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }
  Names: { Type: CommaDelimitedList, Default: "web,admin" }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ClientName: !Select [1, !Ref Names]
      GenerateSecret: !If [IsProd, true, false]
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub '\${AWS::StackName}-\${Env}-pool'
      UserPoolTags: { env: !Ref Env }
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Join ['-', [app, !Ref Env, role]]
      AssumeRolePolicyDocument:${TRUST}
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: 'cognito-idp:ListUsers', Resource: !GetAtt Pool.Arn }
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties: { Domain: my-app, UserPoolId: !Ref Pool }
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  PoolId: { Value: !Ref Pool }
  Provider: { Value: !GetAtt Pool.ProviderName }
  Summary:
    Value: !Sub
      - '\${Id} in \${AWS::Region} for \${Who} (\${!Literal})'
      - { Id: !Ref Client, Who: !GetAtt Role.Arn }
`;
    const result = await emulator.applyTemplate({ body: template, stackName: 'shop' });
    const poolId = result.outputs.PoolId!;
    expect(poolId).toMatch(/^us-east-1_[A-Za-z0-9]{9}$/);
    expect(result.outputs.Provider).toBe(`cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    expect(result.outputs.Summary).toBe(`${result.resources.Client!.physicalId} in us-east-1 for arn:aws:iam::000000000000:role/app-dev-role (\${Literal})`);
    expect(result.skipped).toEqual([{ logicalId: 'Topic', type: 'AWS::SNS::Topic' }]);
    expect(result.notes.join('\n')).toContain('Domain: the domain my-app is created; the emulator serves no hosted UI');
    const root = { region: 'us-east-1', principal: { kind: 'root' as const, accessKeyId: 'test' } };
    const client = (await emulator.idp.call('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: result.resources.Client!.physicalId }, root)) as {
      UserPoolClient: { ClientName: string; ClientSecret?: string };
    };
    expect(client.UserPoolClient).toMatchObject({ ClientName: 'admin' });
    expect(client.UserPoolClient.ClientSecret).toBeUndefined();
    const pool = (await emulator.idp.call('DescribeUserPool', { UserPoolId: poolId }, root)) as { UserPool: { Name: string } };
    expect(pool.UserPool.Name).toBe('shop-dev-pool');
    expect(emulator.iam.evaluate({ kind: 'role', roleArn: 'arn:aws:iam::000000000000:role/app-dev-role', accessKeyId: 'x' }, 'cognito-idp:ListUsers', `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`)).toBe('allow');
  });

  it('lists every static problem with its path and what to do, and creates nothing', async () => {
    const emulator = await emptyEmulator();
    const error = await failure(
      emulator.applyTemplate({
        file: 'bad.yaml',
        parameters: { Stage: 'x' },
        body: `
Parameters:
  PoolId: { Type: String, AllowedPattern: '[\\w-]+_[0-9a-zA-Z]+' }
Resources:
  Group:
    Type: AWS::Cognito::UserPoolGroup
    Properties: { UserPoolId: !Ref PoolIdd, GroupName: admins, RoleArn: !GetAtt Fn.Arn }
  Fn:
    Type: AWS::Lambda::Function
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [}'
`,
      }),
    );
    const byPath = Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
    expect(byPath['Parameters.Stage']).toContain('--parameter Stage is not a parameter of this template; its parameters: PoolId.');
    expect(byPath['Parameters.PoolId']).toContain('pass --parameter PoolId=<value>');
    expect(byPath['Resources.Group.Properties.UserPoolId']).toContain('refers to PoolIdd, which is neither a parameter nor a resource; parameters: PoolId; resources: Group, Fn and Role.');
    expect(byPath['Resources.Group.Properties.RoleArn']).toContain('refers to Fn, a AWS::Lambda::Function the emulator does not model');
    expect(byPath['Resources.Role.Properties.AssumeRolePolicyDocument']).toContain('the policy is not valid JSON');
    expect(error.message).toMatch(/^bad\.yaml cannot be deployed \(5 problems; nothing was loaded\):\n {2}- bad\.yaml: /);
    expect(emulator.iam.listRoles()).toEqual([]);
  });

  it('refuses a role mapping naming a role that does not exist, leaving the emulator as it was', async () => {
    const emulator = await emptyEmulator();
    const error = await failure(
      emulator.applyTemplate({
        file: 'mapping.yaml',
        body: `
Resources:
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
  Ids:
    Type: AWS::Cognito::IdentityPool
    Properties:
      AllowUnauthenticatedIdentities: false
      CognitoIdentityProviders: [{ ProviderName: !GetAtt Pool.ProviderName }]
  Attach:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: !Ref Ids
      Roles: { authenticated: 'arn:aws:iam::000000000000:role/NotThere' }
`,
      }),
    );
    expect(error.problems).toEqual([
      {
        path: 'Resources.Attach',
        message: expect.stringContaining('Roles.authenticated: role arn:aws:iam::000000000000:role/NotThere does not exist; roles here: none. Create it in the template'),
      },
    ]);
    const root = { region: 'us-east-1', principal: { kind: 'root' as const, accessKeyId: 'test' } };
    expect(await emulator.idp.call('ListUserPools', { MaxResults: 10 }, root)).toMatchObject({ UserPools: [] });
  });

  it('reports what the model refuses with the resource and AWS error', async () => {
    const emulator = await emptyEmulator();
    const error = await failure(
      emulator.applyTemplate({
        file: 'weak.yaml',
        body: `
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties: { Policies: { PasswordPolicy: { MinimumLength: 4 } } }
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties: { UserPoolId: !Ref Pool, ClientName: web }
`,
      }),
    );
    expect(error.problems).toEqual([{ path: 'Resources.Pool', message: expect.stringMatching(/^AWS::Cognito::UserPool was refused: InvalidParameterException: .*minimumLength/) }]);
  });
});
