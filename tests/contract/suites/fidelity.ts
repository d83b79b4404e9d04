import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { describe, expect, it } from 'vitest';
import { decodeJwtUnverified } from '../../../mocks/model/crypto/jwt';
import { identityCredentials, sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Any SRP_A that is not 0 mod N starts a challenge; these tests never finish the SRP math. */
const SRP_A = (2n ** 3000n + 12345n).toString(16);

/** Behaviour third-party clients (Amplify JS, the AWS CLI) rely on, as AWS documents it. */
export function fidelitySuite(target: EmulatorTarget) {
  describe('fidelity with real clients', () => {
    const operator = () => srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
    const claimsOf = (token: string) => decodeJwtUnverified(token)!;

    it('identity pools accept the ID token issuer without its scheme as the Logins key (what Amplify sends)', async () => {
      const { identity } = sdkClients(target);
      const { idToken } = await operator();
      const issuerKey = String(claimsOf(idToken).claims.iss).replace(/^https?:\/\//, '');
      const byIssuer = { [issuerKey]: idToken };
      const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: byIssuer }));
      // Recorded under the canonical provider name: the canonical key finds the same identity.
      const canonical = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: { [DEMO.identityProvider]: idToken } }));
      expect(canonical.IdentityId).toBe(IdentityId);
      const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: byIssuer }));
      expect(target.emulator.iam.lookup(Credentials!.AccessKeyId!)?.principal).toMatchObject({ kind: 'role', roleArn: DEMO.adminRoleArn });
      // A key that is neither the provider nor this token's issuer is still refused.
      await expect(
        identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins: { [`example.com/${DEMO.userPoolId}`]: idToken } })),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Token is not from a supported provider of this identity pool.' });
    });

    it('signs access and ID tokens with different keys, both in the JWKS at the issuer', async () => {
      const { idToken, accessToken } = await operator();
      const id = claimsOf(idToken);
      const access = claimsOf(accessToken);
      expect(access.header.kid).not.toBe(id.header.kid);
      expect(access.claims.iss).toBe(id.claims.iss);
      const response = await fetch(`${String(id.claims.iss)}/.well-known/jwks.json`);
      const { keys } = (await response.json()) as { keys: { kid: string }[] };
      expect(keys.map((k) => k.kid).sort()).toEqual([String(id.header.kid), String(access.header.kid)].sort());
    });

    it('answers an unknown user with the same salt and a UUID USER_ID_FOR_SRP every time, then NotAuthorized (PreventUserExistenceErrors)', async () => {
      const { idp } = sdkClients(target);
      const start = (USERNAME: string) =>
        idp.send(new InitiateAuthCommand({ ClientId: DEMO.adminClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME, SRP_A } }));
      const first = await start('nobody.here@example.com');
      const again = await start('nobody.here@example.com');
      const other = await start('someone.else@example.com');
      expect(first.ChallengeName).toBe('PASSWORD_VERIFIER');
      expect(first.ChallengeParameters!.USER_ID_FOR_SRP).toMatch(UUID);
      expect(again.ChallengeParameters!.USER_ID_FOR_SRP).toBe(first.ChallengeParameters!.USER_ID_FOR_SRP);
      expect(again.ChallengeParameters!.SALT).toBe(first.ChallengeParameters!.SALT);
      // The demo pool's usernames are case-insensitive: another spelling is the same (absent) user.
      const shouted = await start('NOBODY.HERE@example.com');
      expect(shouted.ChallengeParameters!.SALT).toBe(first.ChallengeParameters!.SALT);
      expect(shouted.ChallengeParameters!.USER_ID_FOR_SRP).toBe(first.ChallengeParameters!.USER_ID_FOR_SRP);
      expect(other.ChallengeParameters!.USER_ID_FOR_SRP).not.toBe(first.ChallengeParameters!.USER_ID_FOR_SRP);
      expect(other.ChallengeParameters!.SALT).not.toBe(first.ChallengeParameters!.SALT);
      // A real user's salt is as stable, so comparing two attempts tells an attacker nothing.
      const real = await start(DEMO.operator.email);
      expect((await start(DEMO.operator.email)).ChallengeParameters!.SALT).toBe(real.ChallengeParameters!.SALT);
      expect(real.ChallengeParameters!.SALT).toMatch(/^[0-9a-f]+$/);
      await expect(
        idp.send(
          new RespondToAuthChallengeCommand({
            ClientId: DEMO.adminClientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses: {
              USERNAME: first.ChallengeParameters!.USER_ID_FOR_SRP!,
              PASSWORD_CLAIM_SECRET_BLOCK: first.ChallengeParameters!.SECRET_BLOCK!,
              PASSWORD_CLAIM_SIGNATURE: btoa('x'.repeat(32)),
              TIMESTAMP: 'Mon Nov 30 09:00:00 UTC 2026',
            },
          }),
        ),
      ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    });

    it('refuses AssociateSoftwareToken in a pool whose MFA configuration does not enable software tokens', async () => {
      const { idp } = sdkClients(target);
      const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'no-totp' }));
      const poolId = UserPool!.Id!;
      try {
        const { UserPoolClient } = await idp.send(
          new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'spa', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
        );
        await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'tina', MessageAction: 'SUPPRESS' }));
        await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'tina', Password: 'Tina-Passw0rd!', Permanent: true }));
        const { accessToken } = await srpSignIn(target, { username: 'tina', password: 'Tina-Passw0rd!', poolId, clientId: UserPoolClient!.ClientId! });
        await expect(idp.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }))).rejects.toMatchObject({
          name: 'SoftwareTokenMFANotFoundException',
          message: "Software token TOTP multi-factor authentication (MFA) isn't activated for the user pool.",
        });
      } finally {
        await idp.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
      }
    });

    it('checks signatures against real time after the emulator clock moves a day; credentials age on the emulator clock', async () => {
      const { idp } = sdkClients(target);
      const clock = target.emulator.clock;
      const offset = clock.offsetSeconds;
      const { idToken } = await operator();
      const admin = await identityCredentials(target, idToken);
      try {
        const moved = await fetch(`${target.url('cognito-idp')}/_emulator/clock`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ advanceSeconds: 86_400 }),
        });
        expect(moved.status).toBe(200);
        const { Username } = await idp.send(new AdminGetUserCommand({ UserPoolId: DEMO.userPoolId, Username: DEMO.operator.email }));
        expect(Username).toBeTruthy();
        // AWS's Date is real time; an SDK correcting its clock from it keeps signing right.
        const raw = await fetch(`${target.url('cognito-idp')}/_emulator/health`);
        expect(Math.abs(Date.parse(raw.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
        // The identity-pool credentials expired an hour into the emulator's day.
        await expect(sdkClients(target, admin).idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 1 }))).rejects.toMatchObject({
          name: 'ExpiredTokenException',
        });
      } finally {
        clock.offsetSeconds = offset;
      }
    });
  });
}
