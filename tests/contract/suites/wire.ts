import { InvalidParameterException, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { rawJson, sdkClients, srpSignIn } from '../../support/aws';
import type { EmulatorTarget } from '../../support/targets';

/** awsJson1_1 framing, validation errors, CORS and the issuer documents, as a client sees them. */
export function wireSuite(target: EmulatorTarget) {
  describe('wire protocol', () => {
    it('answers an unknown target with UnknownOperationException and request ids', async () => {
      const response = await rawJson(target, 'cognito-idp', 'AWSCognitoIdentityProviderService.NoSuchOperation', '{}');
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(await response.json()).toEqual({ __type: 'UnknownOperationException' });
    });

    it('answers malformed JSON with SerializationException', async () => {
      const response = await rawJson(target, 'cognito-idp', 'AWSCognitoIdentityProviderService.SignUp', '{"ClientId": ');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
    });

    it('reports a missing required member the way AWS validation words it, as the SDK exception class', async () => {
      const { idp } = sdkClients(target);
      const error = await idp.send(new ListUsersCommand({} as never)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidParameterException);
      expect(error).toMatchObject({
        name: 'InvalidParameterException',
        message: "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null",
        $metadata: { httpStatusCode: 400 },
      });
      await expect(idp.send(new ListUsersCommand({ UserPoolId: DEMO.userPoolId, Limit: 61 }))).rejects.toBeInstanceOf(InvalidParameterException);
    });

    it('answers CORS preflights with the SDK headers and adds CORS headers to every response', async () => {
      const preflight = await fetch(`${target.url('cognito-idp')}/`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request,x-amz-security-token,x-amz-content-sha256',
        },
      });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      for (const header of ['authorization', 'x-amz-target', 'x-amz-security-token', 'amz-sdk-invocation-id', 'x-amz-content-sha256']) {
        expect(preflight.headers.get('access-control-allow-headers')).toContain(header);
      }
      const response = await rawJson(target, 'cognito-idp', 'AWSCognitoIdentityProviderService.NoSuchOperation', '{}', { origin: 'http://localhost:5173' });
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-requestid');
    });

    it("serves JWKS and OpenID configuration at the pool's issuer, matching the tokens it signs", async () => {
      const tokens = await srpSignIn(target, { username: DEMO.operator.email, password: DEMO.operator.password });
      const base = `${target.url('cognito-idp')}/${DEMO.userPoolId}`;
      const config = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
      expect(config.issuer).toBe(target.endpoint ? `${target.endpoint}/${DEMO.userPoolId}` : `https://cognito-idp.us-east-1.amazonaws.com/${DEMO.userPoolId}`);
      expect(config.jwks_uri).toBe(`${config.issuer}/.well-known/jwks.json`);
      const verifier = JwtRsaVerifier.create({ issuer: config.issuer, audience: DEMO.adminClientId, jwksUri: config.jwks_uri });
      // Fetched here: aws-jwt-verify's own Node https client is out of msw's reach.
      verifier.cacheJwks((await (await fetch(config.jwks_uri)).json()) as Parameters<typeof verifier.cacheJwks>[0]);
      const claims = await verifier.verify(tokens.idToken);
      expect(claims).toMatchObject({ iss: config.issuer, token_use: 'id', email: DEMO.operator.email, 'cognito:groups': expect.arrayContaining([DEMO.adminGroup]) });
      const missing = await fetch(`${target.url('cognito-idp')}/us-east-1_NoSuchPool/.well-known/jwks.json`);
      expect(missing.status).toBe(404);
    });
  });
}
