import {
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  InvalidParameterException,
  ListIdentitiesCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
  SetIdentityPoolRolesCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';
import { iamClients, trustFor } from './iam-sts';

/** Identity pools built through the API (issue 10 part 3), as a developer's set-up code would. */
export function identityPoolsSuite(target: EmulatorTarget) {
  describe('Identity pools by API', () => {
    it('creates, updates, sets roles on and deletes an identity pool, validating as AWS does', async () => {
      const { identity } = sdkClients(target);
      const created = await identity.send(new CreateIdentityPoolCommand({
        IdentityPoolName: 'my app v2.0 test@example',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: DEMO.identityProvider, ClientId: DEMO.testClientId }],
      }));
      const id = created.IdentityPoolId!;
      expect(id).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
      const updated = await identity.send(new UpdateIdentityPoolCommand({ IdentityPoolId: id, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true, AllowClassicFlow: true }));
      expect(updated).toMatchObject({ IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true, AllowClassicFlow: true });
      expect(updated.CognitoIdentityProviders).toBeUndefined();

      await expect(identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { admin: DEMO.adminRoleArn } }))).rejects.toMatchObject({
        name: 'InvalidParameterException',
      });
      // a role name where an ARN belongs, and another account's role, as AWS answers them
      await expect(identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: 'my-stack-SomeRole-KBKHTR8P6UC2' } }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: "Access to Role 'my-stack-SomeRole-KBKHTR8P6UC2' is forbidden.",
      });
      await expect(identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: 'arn:aws:iam::123456789012:role/Theirs' } }))).rejects.toBeInstanceOf(NotAuthorizedException);
      await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { unauthenticated: DEMO.authenticatedRoleArn } }));
      expect((await identity.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }))).Roles).toEqual({ unauthenticated: DEMO.authenticatedRoleArn });

      const bad = await identity
        .send(new CreateIdentityPoolCommand({ IdentityPoolName: 'no/slashes', AllowUnauthenticatedIdentities: false, DeveloperProviderName: 'has space' }))
        .catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(InvalidParameterException);
      expect((bad as Error).message).toMatch(/^2 validation errors detected: .*'identityPoolName'.*'developerProviderName'/);

      await identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: id }));
      await expect(identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('gives unauthenticated identities only where the pool allows them, then describes and lists them', async () => {
      const { identity } = sdkClients(target);
      await expect(identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Unauthenticated access is not supported for this identity pool.',
      });
      const pool = await identity.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'guests', AllowUnauthenticatedIdentities: true }));
      const poolId = pool.IdentityPoolId!;
      const { iam } = iamClients(target);
      const role = await iam.send(new CreateRoleCommand({ RoleName: `Guest${poolId.slice(-6)}`, AssumeRolePolicyDocument: trustFor(poolId, 'unauthenticated') }));
      await identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { unauthenticated: role.Role!.Arn! } }));

      const guest = await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
      const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId }));
      const who = await iamClients(target, { accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretKey!, sessionToken: Credentials!.SessionToken! })
        .sts.send(new GetCallerIdentityCommand({}));
      expect(who.Arn).toBe(`arn:aws:sts::000000000000:assumed-role/${role.Role!.RoleName}/CognitoIdentityCredentials`);

      const described = await identity.send(new DescribeIdentityCommand({ IdentityId: guest.IdentityId }));
      expect(described.IdentityId).toBe(guest.IdentityId);
      expect(described.Logins).toBeUndefined();
      expect(described.CreationDate).toBeInstanceOf(Date);
      await identity.send(new GetIdCommand({ IdentityPoolId: poolId }));
      const page = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1 }));
      expect(page.Identities).toHaveLength(1);
      expect(page.NextToken).toBeTruthy();
      const rest = await identity.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 60, NextToken: page.NextToken }));
      expect(rest.Identities).toHaveLength(1);
      expect(rest.NextToken).toBeUndefined();
      await expect(identity.send(new DescribeIdentityCommand({ IdentityId: 'us-east-1:00000000-0000-4000-8000-00000000beef' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    });

    it('lists a signed-in user’s identity with its login provider', async () => {
      const { identity } = sdkClients(target);
      const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: { [DEMO.identityProvider]: tokens.idToken } }));
      expect((await identity.send(new DescribeIdentityCommand({ IdentityId }))).Logins).toEqual([DEMO.identityProvider]);
    });

    it('runs the basic (classic) flow only where AllowClassicFlow is on: GetOpenIdToken, then STS AssumeRoleWithWebIdentity', async () => {
      const { identity } = sdkClients(target);
      const { sts, iam } = iamClients(target);
      const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
      const Logins = { [DEMO.identityProvider]: tokens.idToken };

      const demoIdentity = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins }));
      await expect(identity.send(new GetOpenIdTokenCommand({ IdentityId: demoIdentity.IdentityId, Logins }))).rejects.toMatchObject({
        name: 'InvalidParameterException',
        message: 'Basic (classic) flow is not enabled, please use enhanced flow.',
      });

      const classic = await identity.send(new CreateIdentityPoolCommand({
        IdentityPoolName: 'classic',
        AllowUnauthenticatedIdentities: false,
        AllowClassicFlow: true,
        CognitoIdentityProviders: [{ ProviderName: DEMO.identityProvider, ClientId: DEMO.adminClientId }],
      }));
      const poolId = classic.IdentityPoolId!;
      const role = await iam.send(new CreateRoleCommand({ RoleName: `Classic${poolId.slice(-6)}`, AssumeRolePolicyDocument: trustFor(poolId, 'authenticated') }));
      await iam.send(new PutRolePolicyCommand({
        RoleName: role.Role!.RoleName!,
        PolicyName: 'who',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cognito-idp:DescribeUserPool', Resource: DEMO.poolArn }] }),
      }));
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: poolId, Logins }));
      await expect(identity.send(new GetOpenIdTokenCommand({ IdentityId }))).rejects.toBeInstanceOf(NotAuthorizedException);
      const { Token } = await identity.send(new GetOpenIdTokenCommand({ IdentityId, Logins }));
      const claims = JSON.parse(Buffer.from(Token!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
      expect(claims).toMatchObject({ iss: 'https://cognito-identity.amazonaws.com', aud: poolId, sub: IdentityId });
      expect(claims.amr).toContain('authenticated');
      expect(Number(claims.exp) - Number(claims.iat)).toBe(600);

      const assumed = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: role.Role!.Arn, RoleSessionName: 'classic-session', WebIdentityToken: Token }));
      expect(assumed).toMatchObject({ SubjectFromWebIdentityToken: IdentityId, Audience: poolId, Provider: 'cognito-identity.amazonaws.com' });
      expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::000000000000:assumed-role/${role.Role!.RoleName}/classic-session`);
      const creds = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
      const described = await sdkClients(target, creds).idp.send(new DescribeUserPoolCommand({ UserPoolId: DEMO.userPoolId }));
      expect(described.UserPool?.Id).toBe(DEMO.userPoolId);

      // the demo admin role trusts only the demo identity pool
      await expect(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: DEMO.adminRoleArn, RoleSessionName: 'sneaky', WebIdentityToken: Token }))).rejects.toMatchObject({
        name: 'AccessDenied',
        message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      });
      target.emulator.clock.advance(601);
      try {
        await expect(sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: role.Role!.Arn, RoleSessionName: 'late', WebIdentityToken: Token }))).rejects.toMatchObject({
          name: 'ExpiredTokenException',
        });
      } finally {
        target.emulator.clock.offsetSeconds = 0;
      }
    });
  });
}
