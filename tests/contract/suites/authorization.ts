import { GetSendQuotaCommand, SendEmailCommand } from '@aws-sdk/client-ses';
import { DescribeIdentityPoolCommand, ListIdentityPoolsCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import {
  AccessDeniedException,
  AdminInitiateAuthCommand,
  CreateGroupCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  UpdateGroupCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { identityCredentials, operatorCredentials, rawJson, sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

/** SigV4 and IAM: the boundary DESIGN.md relies on, checked with the real SDK signing. */
export function authorizationSuite(target: EmulatorTarget) {
  describe('SigV4 and IAM', () => {
    afterEach(() => {
      target.emulator.clock.offsetSeconds = 0;
    });

    it('refuses an unsigned admin call', async () => {
      const response = await rawJson(target, 'cognito-idp', 'AWSCognitoIdentityProviderService.ListUsers', JSON.stringify({ UserPoolId: DEMO.userPoolId }));
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Request is missing Authentication Token' });
    });

    it('refuses a wrong secret and an unknown access key', async () => {
      const wrong = sdkClients(target, { accessKeyId: 'test', secretAccessKey: 'not-the-secret' });
      await expect(wrong.idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId }))).rejects.toMatchObject({
        name: 'InvalidSignatureException',
        message: expect.stringContaining('The request signature we calculated does not match'),
      });
      const unknown = sdkClients(target, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' });
      await expect(unknown.idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId }))).rejects.toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
    });

    it("lets the admin group's identity-pool credentials manage the demo pool and nothing else", async () => {
      const credentials = await operatorCredentials(target);
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
      const admin = sdkClients(target, credentials);
      const users = await admin.idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 5 }));
      expect(users.Users).toHaveLength(5);
      await admin.ses.send(new GetSendQuotaCommand({}));

      const root = sdkClients(target);
      const other = await root.idp.send(new CreateUserPoolCommand({ PoolName: 'someone-elses-pool' }));
      const otherId = other.UserPool!.Id!;
      const error = await admin.idp.send(new DescribeUserPoolCommand({ UserPoolId: otherId })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccessDeniedException);
      expect((error as Error).message).toContain('cognito-idp:DescribeUserPool');
      expect((error as Error).message).toContain(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${otherId}`);
      await expect(admin.idp.send(new CreateUserPoolCommand({ PoolName: 'not-allowed' }))).rejects.toBeInstanceOf(AccessDeniedException);
      // The configuration review may read the configured identity pool, and change nothing in it.
      await expect(admin.identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: DEMO.identityPoolId }))).resolves.toMatchObject({ IdentityPoolId: DEMO.identityPoolId });
      await expect(
        admin.identity.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: DEMO.identityPoolId, Roles: { authenticated: DEMO.adminRoleArn } })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException' });
      await expect(admin.identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    });

    it("refuses the admin role what the live template does not grant (sign in as users, manage groups, send email)", async () => {
      const admin = sdkClients(target, await operatorCredentials(target));
      await expect(
        admin.idp.send(new AdminInitiateAuthCommand({
          UserPoolId: DEMO.userPoolId,
          ClientId: DEMO.adminClientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: DEMO.nonAdmin.email, PASSWORD: DEMO.nonAdmin.password },
        })),
      ).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('cognito-idp:AdminInitiateAuth') });
      await expect(admin.idp.send(new CreateGroupCommand({ UserPoolId: DEMO.userPoolId, GroupName: 'sneaky' }))).rejects.toBeInstanceOf(AccessDeniedException);
      await expect(
        admin.ses.send(new SendEmailCommand({
          Source: 'no-reply@example.com',
          Destination: { ToAddresses: ['someone@example.com'] },
          Message: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } },
        })),
      ).rejects.toMatchObject({ name: 'AccessDenied' });
    });

    it('gives a non-admin no credentials under Token/Deny, and the default role no Cognito or SES access', async () => {
      const tokens = await srpSignIn(target, { username: DEMO.nonAdmin.email, password: DEMO.nonAdmin.password });
      await expect(identityCredentials(target, tokens.idToken)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: `The ambiguous role mapping rules for: ${DEMO.identityProvider} denied this request.`,
      });

      const lenientPool = 'us-east-1:00000000-0000-4000-8000-0000000000aa';
      // the demo's default role trusts only the demo identity pool; this pool gets a copy that trusts it
      const defaultRole = target.emulator.iam.getRole(DEMO.authenticatedRoleArn)!;
      const lenientRole = `${DEMO.authenticatedRoleArn}ForLenientPool`;
      target.emulator.iam.putRole({
        arn: lenientRole,
        policy: defaultRole.policy,
        trust: JSON.parse(JSON.stringify(defaultRole.trust).replaceAll(DEMO.identityPoolId, lenientPool)) as unknown,
      });
      target.emulator.identity.putIdentityPool({
        IdentityPoolId: lenientPool,
        IdentityPoolName: 'default role for everyone',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: DEMO.identityProvider, ClientId: DEMO.adminClientId }],
        Roles: { authenticated: lenientRole },
        RoleMappings: { [DEMO.identityProvider]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } },
      });
      const user = sdkClients(target, await identityCredentials(target, tokens.idToken, lenientPool));
      const error = await user.idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AccessDeniedException);
      expect((error as Error).message).toContain(lenientRole.split('/')[1]);
      await expect(user.ses.send(new GetSendQuotaCommand({}))).rejects.toMatchObject({ name: 'AccessDenied' });
    });

    it('gives a support-group member who is not an administrator no credentials either', async () => {
      // DESIGN.md: only the admin group's role may call the pool; the UI's group check is a convenience.
      const tokens = await srpSignIn(target, { username: 'support@example.com', password: 'Support-Passw0rd!' });
      await expect(identityCredentials(target, tokens.idToken)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: `The ambiguous role mapping rules for: ${DEMO.identityProvider} denied this request.`,
      });
    });

    it("issues a group's role only if that role trusts this identity pool (the trust policy's aud)", async () => {
      const foreignRole = 'arn:aws:iam::000000000000:role/SomeoneElsesAdmin';
      target.emulator.iam.putRole({
        arn: foreignRole,
        policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cognito-idp:*', Resource: '*' }] },
        trust: {
          Version: '2012-10-17',
          Statement: [{
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:99999999-9999-4999-8999-999999999999' } },
          }],
        },
      });
      const root = sdkClients(target);
      const group = await root.idp.send(new GetGroupCommand({ UserPoolId: DEMO.userPoolId, GroupName: DEMO.adminGroup }));
      await root.idp.send(new UpdateGroupCommand({ UserPoolId: DEMO.userPoolId, GroupName: DEMO.adminGroup, RoleArn: foreignRole }));
      try {
        const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
        await expect(identityCredentials(target, tokens.idToken)).rejects.toMatchObject({ name: 'InvalidIdentityPoolConfigurationException' });
      } finally {
        await root.idp.send(new UpdateGroupCommand({ UserPoolId: DEMO.userPoolId, GroupName: DEMO.adminGroup, RoleArn: group.Group!.RoleArn! }));
      }
    });

    it('refuses identity-pool credentials once they expire (1 hour)', async () => {
      const admin = sdkClients(target, await operatorCredentials(target));
      await admin.idp.send(new DescribeUserPoolCommand({ UserPoolId: DEMO.userPoolId }));
      target.emulator.clock.advance(3601);
      await expect(admin.idp.send(new DescribeUserPoolCommand({ UserPoolId: DEMO.userPoolId }))).rejects.toMatchObject({
        name: 'ExpiredTokenException',
      });
    });

    it('refuses unsigned SES calls in the awsQuery form', async () => {
      const response = await fetch(`${target.url('email')}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'Action=GetSendQuota&Version=2010-12-01',
      });
      expect(response.status).toBe(403);
      const xml = await response.text();
      expect(xml).toContain('<Code>MissingAuthenticationToken</Code>');
      expect(xml).toMatch(/^<ErrorResponse xmlns="http:\/\/ses\.amazonaws\.com\/doc\/2010-12-01\/"><Error><Type>Sender<\/Type>/);
    });
  });
}
