import {
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  ListIdentityPoolsCommand,
  NotAuthorizedException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

export function identitySuite(target: EmulatorTarget) {
  describe('Cognito Identity', () => {
    it('maps a signed-in admin to one identity and 1-hour credentials for the admin role', async () => {
      const { identity } = sdkClients(target);
      const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
      const Logins = { [DEMO.identityProvider]: tokens.idToken };
      const first = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins }));
      const second = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins }));
      expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
      expect(second.IdentityId).toBe(first.IdentityId);
      const { Credentials, IdentityId } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: first.IdentityId, Logins }));
      expect(IdentityId).toBe(first.IdentityId);
      expect(Credentials?.SessionToken).toBeTruthy();
      expect(Credentials!.Expiration!.getTime() - target.emulator.clock.now()).toBeGreaterThan(3590_000);
      expect(Credentials!.Expiration!.getTime() - target.emulator.clock.now()).toBeLessThanOrEqual(3600_000);
      const principal = target.emulator.iam.lookup(Credentials!.AccessKeyId!)?.principal;
      expect(principal).toMatchObject({ kind: 'role', roleArn: DEMO.adminRoleArn, identityId: first.IdentityId });
    });

    it('refuses bad tokens and unknown pools with the SDK exception classes', async () => {
      const { identity } = sdkClients(target);
      await expect(identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: { [DEMO.identityProvider]: 'not.a.jwt' } }))).rejects.toBeInstanceOf(
        NotAuthorizedException,
      );
      await expect(identity.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-00000000ffff' }))).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
        message: "IdentityPool 'us-east-1:00000000-0000-4000-8000-00000000ffff' not found.",
      });
      await expect(identity.send(new GetCredentialsForIdentityCommand({ IdentityId: 'us-east-1:00000000-0000-4000-8000-00000000ffff' }))).rejects.toBeInstanceOf(
        ResourceNotFoundException,
      );
    });

    it('describes and lists identity pools for signed callers', async () => {
      const { identity } = sdkClients(target);
      const described = await identity.send(new DescribeIdentityPoolCommand({ IdentityPoolId: DEMO.identityPoolId }));
      expect(described).toMatchObject({
        IdentityPoolId: DEMO.identityPoolId,
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [
          { ProviderName: DEMO.identityProvider, ClientId: DEMO.adminClientId },
          { ProviderName: DEMO.identityProvider, ClientId: DEMO.endUserClientId },
        ],
      });
      const page = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 1 }));
      expect(page.IdentityPools).toHaveLength(1);
      const all = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
      expect(all.IdentityPools?.map((p) => p.IdentityPoolId)).toContain(DEMO.identityPoolId);
      await expect(identity.send(new ListIdentityPoolsCommand({ MaxResults: 0 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    });
  });
}
