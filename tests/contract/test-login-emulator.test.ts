/**
 * What the test-login panel relies on in the emulator, with the real SDK against both hosts:
 * the end-user app client's role mapping (keyed by client, as SetIdentityPoolRoles and
 * CloudFormation write it) and the demo API behind a Cognito user pool authorizer.
 */
import { GetCredentialsForIdentityCommand, GetIdCommand, SetIdentityPoolRolesCommand } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { identityCredentials, sdkClients, srpSignIn } from '../support/aws';
import { nodeHostTarget, standaloneServerTarget, type EmulatorTarget } from '../support/targets';

const CLIENT_KEY = `${DEMO.identityProvider}:${DEMO.endUserClientId}`;

function apiUrl(target: EmulatorTarget, path = '/demo/hello'): string {
  return target.endpoint ? `${target.endpoint}/_apigw/${DEMO.demoApi.id}${path}` : `https://${DEMO.demoApi.id}.execute-api.us-east-1.amazonaws.com${path}`;
}

async function callApi(target: EmulatorTarget, authorization?: string, init: RequestInit & { path?: string } = {}) {
  const { path, ...rest } = init;
  const response = await fetch(apiUrl(target, path), {
    ...rest,
    headers: { origin: 'http://localhost:5173', ...(authorization === undefined ? {} : { authorization }) },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const endUser = (target: EmulatorTarget) =>
  srpSignIn(target, { username: DEMO.nonAdmin.username, password: DEMO.nonAdmin.password, clientId: DEMO.endUserClientId });

function suite(target: EmulatorTarget) {
  describe('identity pool role mappings keyed by app client', () => {
    it('gives an end user signed in through the end-user client the default authenticated role (its own mapping, not the provider-wide Deny)', async () => {
      const tokens = await endUser(target);
      const credentials = await identityCredentials(target, tokens.idToken);
      expect(target.emulator.iam.lookup(credentials.accessKeyId)?.principal).toMatchObject({ kind: 'role', roleArn: DEMO.authenticatedRoleArn });
    });

    it('still refuses the same user through the admin client: the provider-wide Token mapping denies them', async () => {
      const tokens = await srpSignIn(target, { username: DEMO.nonAdmin.username, password: DEMO.nonAdmin.password });
      await expect(identityCredentials(target, tokens.idToken)).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: `The ambiguous role mapping rules for: ${DEMO.identityProvider} denied this request.`,
      });
    });

    it('applies a client mapping set with SetIdentityPoolRoles, with its own AmbiguousRoleResolution and Rules', async () => {
      const { identity } = sdkClients(target);
      const before = target.emulator.identity.getIdentityPool(DEMO.identityPoolId)!;
      const Roles = { authenticated: DEMO.authenticatedRoleArn };
      try {
        await identity.send(
          new SetIdentityPoolRolesCommand({
            IdentityPoolId: DEMO.identityPoolId,
            Roles,
            RoleMappings: { ...before.RoleMappings, [CLIENT_KEY]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' } },
          }),
        );
        const tokens = await endUser(target);
        const Logins = { [DEMO.identityProvider]: tokens.idToken };
        const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: DEMO.identityPoolId, Logins }));
        await expect(identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }))).rejects.toMatchObject({
          name: 'NotAuthorizedException',
          message: `The ambiguous role mapping rules for: ${CLIENT_KEY} denied this request.`,
        });

        await identity.send(
          new SetIdentityPoolRolesCommand({
            IdentityPoolId: DEMO.identityPoolId,
            Roles,
            RoleMappings: {
              ...before.RoleMappings,
              [CLIENT_KEY]: {
                Type: 'Rules',
                AmbiguousRoleResolution: 'Deny',
                RulesConfiguration: { Rules: [{ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'beta-testers', RoleARN: DEMO.adminRoleArn }] },
              },
            },
          }),
        );
        const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
        expect(target.emulator.iam.lookup(Credentials!.AccessKeyId!)?.principal).toMatchObject({ roleArn: DEMO.adminRoleArn });
      } finally {
        target.emulator.identity.putIdentityPool(before);
      }
    });
  });

  describe('the demo API (REST API, Cognito user pool authorizer, no scopes)', () => {
    it('accepts the ID token raw or as Bearer and echoes the claims a Lambda proxy receives, as strings', async () => {
      const tokens = await endUser(target);
      for (const authorization of [`Bearer ${tokens.idToken}`, tokens.idToken]) {
        const { status, body, headers } = await callApi(target, authorization);
        expect(status).toBe(200);
        expect(headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
        const claims = (body.requestContext as { authorizer: { claims: Record<string, string> } }).authorizer.claims;
        expect(claims).toMatchObject({ aud: DEMO.endUserClientId, token_use: 'id', email: DEMO.nonAdmin.email, email_verified: 'true', 'cognito:groups': '[beta-testers]' });
        expect(claims.exp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
        expect(claims.auth_time).toMatch(/^\d+$/);
        expect(body).toMatchObject({ resource: '/hello', httpMethod: 'GET', requestContext: { stage: 'demo', apiId: DEMO.demoApi.id } });
      }
    });

    it('answers 401 Unauthorized, with CORS, for no token, a malformed one, an access token, or another pool\'s', async () => {
      const tokens = await endUser(target);
      const other = await target.emulator.idp.call('CreateUserPool', { PoolName: 'other' }, { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } });
      const otherPool = (other as { UserPool: { Id: string } }).UserPool.Id;
      const client = (await target.emulator.idp.call(
        'CreateUserPoolClient',
        { UserPoolId: otherPool, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
        { region: 'us-east-1', principal: { kind: 'root', accessKeyId: 'test' } },
      )) as { UserPoolClient: { ClientId: string } };
      target.emulator.idp.putUser(otherPool, { username: 'eve', password: 'Passw0rd!x', status: 'CONFIRMED' });
      const eve = await srpSignIn(target, { username: 'eve', password: 'Passw0rd!x', clientId: client.UserPoolClient.ClientId, poolId: otherPool });

      for (const authorization of [undefined, '', 'Bearer not-a-jwt', `Bearer ${tokens.accessToken}`, `Bearer ${eve.idToken}`, `Bearer ${tokens.idToken.slice(0, -4)}AAAA`]) {
        const { status, body, headers } = await callApi(target, authorization);
        expect({ authorization: authorization?.slice(0, 20), status, body }).toEqual({ authorization: authorization?.slice(0, 20), status: 401, body: { message: 'Unauthorized' } });
        expect(headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
        expect(headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      }
    });

    it('answers an expired ID token with "The incoming token has expired", and still accepts a signed-out but unexpired one', async () => {
      const tokens = await endUser(target);
      const { idp } = sdkClients(target);
      const { GlobalSignOutCommand } = await import('@aws-sdk/client-cognito-identity-provider');
      await idp.send(new GlobalSignOutCommand({ AccessToken: tokens.accessToken }));
      expect((await callApi(target, `Bearer ${tokens.idToken}`)).status).toBe(200);
      target.emulator.clock.advance(3601);
      expect(await callApi(target, `Bearer ${tokens.idToken}`)).toMatchObject({ status: 401, body: { message: 'The incoming token has expired' } });
    });

    it('answers a path, stage or method the API lacks with 403 Missing Authentication Token', async () => {
      for (const init of [{ path: '/demo/nope' }, { path: '/prod/hello' }, { path: '/demo/hello', method: 'DELETE' }]) {
        const { status, body, headers } = await callApi(target, undefined, init);
        expect(status).toBe(403);
        expect(body).toEqual({ message: 'Missing Authentication Token' });
        expect(headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
      }
    });
  });
}

describe('node host', () => suite(nodeHostTarget()));
describe('standalone server', () => suite(standaloneServerTarget()));
