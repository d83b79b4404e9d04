import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '@/config/app-config';
import { createOperatorClients } from './admin-clients';

const config: AppConfig = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_Pool1',
  clientId: 'client',
  identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
  adminGroup: 'admins',
  sesRegion: 'us-east-1',
  idleTimeoutMinutes: 30,
};

const json = (body: Record<string, unknown>, status = 200, type?: string) =>
  HttpResponse.json(body, { status, headers: { 'content-type': 'application/x-amz-json-1.1', ...(type ? { 'x-amzn-errortype': type } : {}) } });

/**
 * An identity pool that hands out a new key per exchange, and a user pool that has already
 * expired the first key although the browser still thinks it valid (clock skew, a moved emulator
 * clock, a laptop waking from sleep).
 */
function world() {
  const issued: string[] = [];
  const used: string[] = [];
  const server = setupServer(
    http.post('https://cognito-identity.us-east-1.amazonaws.com/', ({ request }) => {
      const op = request.headers.get('x-amz-target')?.split('.').pop();
      if (op === 'GetId') return json({ IdentityId: 'us-east-1:identity' });
      const key = `ASIAKEY${issued.length + 1}`;
      issued.push(key);
      return json({ IdentityId: 'us-east-1:identity', Credentials: { AccessKeyId: key, SecretKey: 's', SessionToken: 't', Expiration: Date.now() / 1000 + 3600 } });
    }),
    http.post('https://cognito-idp.us-east-1.amazonaws.com/', ({ request }) => {
      const key = /Credential=([^/]+)\//.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
      used.push(key);
      if (key === 'ASIAKEY1') {
        return json({ __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, 400, 'ExpiredTokenException');
      }
      return json({ UserPool: { Id: config.userPoolId, Name: 'pool' } });
    }),
  );
  return { server, issued, used };
}

describe('operator clients', () => {
  const { server, issued, used } = world();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('fetch new identity-pool credentials and retry once when AWS says the current ones expired', async () => {
    const { idp } = createOperatorClients(config, async () => 'id-token');
    const out = await idp.send(new DescribeUserPoolCommand({ UserPoolId: config.userPoolId }));
    expect(out.UserPool?.Name).toBe('pool');
    expect(issued).toEqual(['ASIAKEY1', 'ASIAKEY2']);
    expect(used).toEqual(['ASIAKEY1', 'ASIAKEY2']);

    // the renewed credentials are kept for later calls
    await idp.send(new DescribeUserPoolCommand({ UserPoolId: config.userPoolId }));
    expect(issued).toHaveLength(2);
    expect(used.at(-1)).toBe('ASIAKEY2');
  });
});
