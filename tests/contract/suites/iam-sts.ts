import {
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListRolePoliciesCommand,
  ListRolesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { DEMO, identityPoolTrust } from '@poolkeeper/cognito-emulator';
import { operatorCredentials, sdkClients } from '../../support/aws';
import type { Credentials, EmulatorTarget } from '../../support/targets';

/** A trust policy letting Cognito Identity hand the role to identities of one identity pool. */
export const trustFor = (identityPoolId: string, amr: 'authenticated' | 'unauthenticated' = 'authenticated') =>
  JSON.stringify(identityPoolTrust(identityPoolId, amr));

/** IAM is global (signed for us-east-1); STS regional or global. The SDKs pick those hostnames themselves. */
export function iamClients(target: EmulatorTarget, credentials?: Credentials) {
  const config = target.clientConfig(credentials);
  return { iam: new IAMClient({ ...config, region: 'us-east-1' }), sts: new STSClient(config) };
}

export function iamStsSuite(target: EmulatorTarget) {
  describe('IAM roles and STS', () => {
    it('creates, reads, lists and deletes a role with its trust and inline policies, documents URL-encoded as AWS sends them', async () => {
      const { iam } = iamClients(target);
      const created = await iam.send(new CreateRoleCommand({ RoleName: 'ContractRole', Path: '/app/', AssumeRolePolicyDocument: trustFor('us-east-1:x'), Description: 'made by a test' }));
      expect(created.Role).toMatchObject({ RoleName: 'ContractRole', Path: '/app/', Arn: 'arn:aws:iam::000000000000:role/app/ContractRole', MaxSessionDuration: 3600 });
      expect(created.Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
      expect(created.Role!.CreateDate).toBeInstanceOf(Date);
      expect(JSON.parse(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!))).toEqual(JSON.parse(trustFor('us-east-1:x')));

      const fetched = await iam.send(new GetRoleCommand({ RoleName: 'ContractRole' }));
      expect(fetched.Role?.Description).toBe('made by a test');
      const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/app/' }));
      expect(listed.Roles?.map((r) => r.RoleName)).toEqual(['ContractRole']);
      expect(listed.IsTruncated).toBe(false);

      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cognito-idp:ListUsers', Resource: DEMO.poolArn }] };
      await iam.send(new PutRolePolicyCommand({ RoleName: 'ContractRole', PolicyName: 'list', PolicyDocument: JSON.stringify(policy) }));
      expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'ContractRole' }))).PolicyNames).toEqual(['list']);
      const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'ContractRole', PolicyName: 'list' }));
      expect(got.PolicyDocument).toMatch(/^%7B%22Version%22/);
      expect(JSON.parse(decodeURIComponent(got.PolicyDocument!))).toEqual(policy);

      await expect(iam.send(new DeleteRoleCommand({ RoleName: 'ContractRole' }))).rejects.toBeInstanceOf(DeleteConflictException);
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'ContractRole', PolicyName: 'list' }));
      await iam.send(new DeleteRoleCommand({ RoleName: 'ContractRole' }));
      const missing = await iam.send(new GetRoleCommand({ RoleName: 'ContractRole' })).catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NoSuchEntityException);
      expect((missing as Error).message).toBe('The role with name ContractRole cannot be found.');
    });

    it("refuses what IAM refuses: duplicates, bad JSON, bad names, unknown policies", async () => {
      const { iam } = iamClients(target);
      await iam.send(new CreateRoleCommand({ RoleName: 'Twice', AssumeRolePolicyDocument: trustFor('us-east-1:x') }));
      await expect(iam.send(new CreateRoleCommand({ RoleName: 'Twice', AssumeRolePolicyDocument: trustFor('us-east-1:x') }))).rejects.toMatchObject({
        name: 'EntityAlreadyExistsException',
        message: 'Role with name Twice already exists.',
      });
      await expect(iam.send(new CreateRoleCommand({ RoleName: 'Twice', AssumeRolePolicyDocument: trustFor('us-east-1:x') }))).rejects.toBeInstanceOf(EntityAlreadyExistsException);
      await expect(iam.send(new PutRolePolicyCommand({ RoleName: 'Twice', PolicyName: 'p', PolicyDocument: '{not json' }))).rejects.toMatchObject({
        name: 'MalformedPolicyDocumentException',
        message: 'This policy contains invalid Json',
      });
      await expect(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Twice', PolicyDocument: '[]' }))).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
      await expect(iam.send(new CreateRoleCommand({ RoleName: 'has space', AssumeRolePolicyDocument: trustFor('x') }))).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining("at 'roleName' failed to satisfy constraint"),
      });
      await expect(iam.send(new GetRolePolicyCommand({ RoleName: 'Twice', PolicyName: 'nope' }))).rejects.toMatchObject({
        name: 'NoSuchEntityException',
        message: 'The role policy with name nope cannot be found.',
      });
      await expect(iam.send(new UpdateAssumeRolePolicyCommand({
        RoleName: 'Twice',
        PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Resource: '*' }] }),
      }))).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Has prohibited field Resource' });
      await expect(iam.send(new PutRolePolicyCommand({
        RoleName: 'Twice', PolicyName: 'p',
        PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }),
      }))).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Policy document should not specify a principal.' });
      const huge = { Statement: [{ Effect: 'Allow', Action: Array.from({ length: 600 }, (_, i) => `cognito-idp:Action${i}`), Resource: '*' }] };
      await expect(iam.send(new PutRolePolicyCommand({ RoleName: 'Twice', PolicyName: 'huge', PolicyDocument: JSON.stringify(huge) }))).rejects.toMatchObject({
        name: 'LimitExceededException',
        message: 'Maximum policy size of 10240 bytes exceeded for role Twice',
      });
      await iam.send(new DeleteRoleCommand({ RoleName: 'Twice' }));
    });

    it('pages ListRoles with MaxItems and Marker', async () => {
      const { iam } = iamClients(target);
      for (const name of ['PageA', 'PageB', 'PageC']) await iam.send(new CreateRoleCommand({ RoleName: name, Path: '/paging/', AssumeRolePolicyDocument: trustFor('us-east-1:x') }));
      const first = await iam.send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 2 }));
      expect(first.Roles?.map((r) => r.RoleName)).toEqual(['PageA', 'PageB']);
      expect(first.IsTruncated).toBe(true);
      const second = await iam.send(new ListRolesCommand({ PathPrefix: '/paging/', MaxItems: 2, Marker: first.Marker }));
      expect(second.Roles?.map((r) => r.RoleName)).toEqual(['PageC']);
      expect(second.IsTruncated).toBe(false);
      for (const name of ['PageA', 'PageB', 'PageC']) await iam.send(new DeleteRoleCommand({ RoleName: name }));
    });

    it('shows the seeded roles, and lets only principals IAM allows call IAM', async () => {
      const { iam } = iamClients(target);
      const admin = await iam.send(new GetRoleCommand({ RoleName: 'PoolkeeperAdmin' }));
      expect(admin.Role?.Arn).toBe(DEMO.adminRoleArn);
      expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'PoolkeeperAdmin' }))).PolicyNames).toEqual(['policy']);
      const operator = iamClients(target, await operatorCredentials(target));
      await expect(operator.iam.send(new ListRolesCommand({}))).rejects.toMatchObject({
        name: 'AccessDenied',
        message: expect.stringContaining('is not authorized to perform: iam:ListRoles'),
      });
    });

    it('GetCallerIdentity names the root account and the assumed role of identity-pool credentials', async () => {
      const root = iamClients(target);
      expect(await root.sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root', UserId: '000000000000' });
      const operator = iamClients(target, await operatorCredentials(target));
      const who = await operator.sts.send(new GetCallerIdentityCommand({}));
      expect(who.Arn).toBe('arn:aws:sts::000000000000:assumed-role/PoolkeeperAdmin/CognitoIdentityCredentials');
      expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
    });

    it("answers an unsigned IAM call in IAM's XML with 403 MissingAuthenticationToken", async () => {
      const url = target.endpoint ?? 'https://iam.amazonaws.com';
      const response = await fetch(`${url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=ListRoles&Version=2010-05-08',
      });
      expect(response.status).toBe(403);
      const xml = await response.text();
      expect(xml).toMatch(/^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
    });

    it('refuses AssumeRoleWithWebIdentity with a token the identity pools did not issue', async () => {
      const { sts } = iamClients(target);
      await expect(
        sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO.adminRoleArn, RoleSessionName: 'x1', WebIdentityToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' })),
      ).rejects.toMatchObject({ name: 'InvalidIdentityTokenException' });
    });

    it('keeps identity-pool admin credentials able to list users (the IAM API does not disturb the evaluator)', async () => {
      const admin = sdkClients(target, await operatorCredentials(target));
      const users = await admin.idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 1 }));
      expect(users.Users).toHaveLength(1);
    });
  });
}
