import { describe, expect, it } from 'vitest';
import { callApi, checkApiUrl, explainStatus } from './api-call';
import { clientFromAwsExports } from './aws-exports';
import { changedClaims, countdown, decodeJwt, explainClaim } from './jwt';
import { explainRole } from './role-explanation';
import { currentStep, initialState, reducer } from './state';

const PROVIDER = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool1';
const tokens = { idToken: 'a.b.c', accessToken: 'd.e.f', refreshToken: 'r' };

describe('the panel state', () => {
  it('keeps inputs through a failed run and a re-run, and keeps only the latest run\'s calls', () => {
    let s = initialState({ clientId: 'c1' });
    s = reducer(s, { type: 'input', patch: { username: 'jane', password: 'pw' } });
    s = reducer(s, { type: 'start', step: 'signUp' });
    s = reducer(s, { type: 'call', step: 'signUp', call: { service: 'cognito-idp', operation: 'SignUp', as: 'test user', request: {}, durationMs: 1, error: { name: 'NetworkError', message: 'x' } } });
    s = reducer(s, { type: 'fail', step: 'signUp', error: { code: 'NetworkError', message: 'Cannot reach AWS.' } });
    expect(s.inputs).toMatchObject({ username: 'jane', password: 'pw', clientId: 'c1' });
    expect(s.steps.signUp).toMatchObject({ status: 'error', calls: [expect.objectContaining({ operation: 'SignUp' })] });
    s = reducer(s, { type: 'start', step: 'signUp' });
    expect(s.steps.signUp).toEqual({ status: 'running', calls: [], error: undefined, note: undefined });
    expect(s.inputs.username).toBe('jane');
    expect(currentStep(s)).toBe('client');
  });

  it('an expired challenge session drops the challenge and says so on the sign-in step; a new sign-in clears the last session\'s results', () => {
    let s = initialState();
    s = reducer(s, { type: 'challenge', challenge: { kind: 'totp', session: 's', username: 'u' } });
    s = reducer(s, { type: 'session-expired', minutes: 5 });
    expect(s.challenge).toBeUndefined();
    expect(s.steps.signIn.note).toMatch(/AuthSessionValidity \(5 minutes\)/);
    s = reducer(s, { type: 'signed-in', tokens });
    s = reducer(s, { type: 'succeed', step: 'identity', patch: { identity: { identityId: 'i', accessKeyId: 'k' } } });
    s = reducer(s, { type: 'signed-in', tokens: { ...tokens, idToken: 'x.y.z' } });
    expect(s.identity).toBeUndefined();
    expect(s.steps.identity.status).toBe('idle');
    s = reducer(s, { type: 'refreshed', tokens: { ...tokens, idToken: 'n.e.w' } });
    expect(s.previousTokens?.idToken).toBe('x.y.z');
  });

  it('records the users it signed up, and forgets the deleted one', () => {
    let s = reducer(initialState(), { type: 'input', patch: { username: 'jane' } });
    s = reducer(s, { type: 'signed-up', username: 'jane', result: { userSub: 's', userConfirmed: false, delivery: { destination: 'j***', medium: 'EMAIL', attribute: 'email' } } });
    expect(s.createdUsers).toEqual(['jane']);
    expect(s.delivery?.medium).toBe('EMAIL');
    s = reducer(s, { type: 'signed-in', tokens });
    s = reducer(s, { type: 'forget-user' });
    expect(s).toMatchObject({ createdUsers: [], statusHistory: [] });
    expect(s.tokens).toBeUndefined();
    expect(s.signUp).toBeUndefined();
  });

  it('changing the app client forgets the other client\'s tokens', () => {
    const client = (clientId: string) => ({ clientId, clientName: '', hasSecret: false, authFlows: [], authSessionValidityMinutes: 3, preventUserExistenceErrors: true, tokenRevocation: true });
    let s = reducer(initialState(), { type: 'patch', patch: { client: client('a') } });
    s = reducer(s, { type: 'signed-in', tokens });
    expect(reducer(s, { type: 'patch', patch: { client: client('a') } }).tokens).toBe(tokens);
    expect(reducer(s, { type: 'patch', patch: { client: client('b') } }).tokens).toBeUndefined();
  });
});

describe('JWT display helpers', () => {
  const part = (o: object) => btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(o)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  it('decodes header and claims, and refuses what is not a JWT (the opaque refresh token)', () => {
    expect(decodeJwt(`${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: 'ü', exp: 1 })}.sig`)).toEqual({ header: { alg: 'RS256', kid: 'k' }, claims: { sub: 'ü', exp: 1 } });
    expect(decodeJwt('eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a.b.c.d')).toBeUndefined();
    expect(decodeJwt('a.b.c')).toBeUndefined();
  });
  it('explains standard claims, counts down and lists changed claims', () => {
    expect(explainClaim('aud')).toMatch(/client_id instead/);
    expect(explainClaim('custom:plan')).toMatch(/custom attribute/);
    expect(explainClaim('unknown')).toBeUndefined();
    expect(countdown(3600, 0)).toBe('1:00:00');
    expect(countdown(65, 0)).toBe('1:05');
    expect(countdown(0, 12_000)).toBe('expired 0:12 ago');
    expect(changedClaims({ iat: 1, sub: 's', a: [1] }, { iat: 2, sub: 's', a: [1], b: 1 })).toEqual(['b', 'iat']);
  });
});

describe('role explanation', () => {
  const roles = {
    authenticatedRole: 'arn:default',
    mappings: {
      [PROVIDER]: { type: 'Token', ambiguousRoleResolution: 'Deny', rules: [] },
      [`${PROVIDER}:app`]: { type: 'Rules', ambiguousRoleResolution: 'AuthenticatedRole', rules: [{ claim: 'cognito:groups', matchType: 'Contains', value: 'beta', roleArn: 'arn:beta' }] },
    },
  };
  it('prefers the app client\'s mapping, then the provider\'s; Token takes the preferred role; ambiguity follows the resolution', () => {
    expect(explainRole(roles, PROVIDER, { aud: 'app', 'cognito:groups': ['beta-testers'] })).toMatchObject({ roleArn: 'arn:beta', mappingKey: `${PROVIDER}:app` });
    expect(explainRole(roles, PROVIDER, { aud: 'app' })).toMatchObject({ roleArn: 'arn:default', reason: expect.stringMatching(/no rule matches.*default authenticated role/) });
    expect(explainRole(roles, PROVIDER, { aud: 'admin', 'cognito:preferred_role': 'arn:admin' })).toMatchObject({ roleArn: 'arn:admin', mappingKey: PROVIDER });
    const denied = explainRole(roles, PROVIDER, { aud: 'admin' });
    expect(denied.roleArn).toBeUndefined();
    expect(denied.reason).toMatch(/refuses \(AmbiguousRoleResolution: Deny\)/);
    expect(explainRole({ authenticatedRole: 'arn:default', mappings: {} }, PROVIDER, { aud: 'x' })).toMatchObject({ roleArn: 'arn:default', mappingKey: '' });
  });
});

describe('API call', () => {
  it('accepts only http(s) URLs', () => {
    expect(checkApiUrl('https://abc.execute-api.us-east-1.amazonaws.com/prod/x').ok).toBe(true);
    for (const bad of ['', 'not a url', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x']) expect(checkApiUrl(bad).ok).toBe(false);
  });
  it('sends the token as Bearer without cookies, and turns a fetch TypeError into the CORS explanation', async () => {
    const seen: RequestInit[] = [];
    const ok = await callApi(
      { url: new URL('https://api.example.com/x'), method: 'GET', token: 'tok', tokenKind: 'id', body: '' },
      { fetch: async (_url, init) => (seen.push(init!), new Response('{"a":1}', { status: 200 })), now: (() => { let t = 0; return () => (t += 5); })() },
    );
    expect(seen[0]).toMatchObject({ method: 'GET', headers: { authorization: 'Bearer tok' }, credentials: 'omit' });
    expect(ok).toMatchObject({ status: 200, body: '{"a":1}', durationMs: 5, sentAuthorization: 'id' });
    await expect(callApi({ url: new URL('https://api.example.com/x'), method: 'GET', tokenKind: 'none', body: '' }, { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), origin: 'http://localhost:5173' })).rejects.toMatchObject({
      code: 'TypeError: Failed to fetch',
      message: expect.stringMatching(/without CORS headers for http:\/\/localhost:5173.*DEFAULT_4XX/),
    });
  });
  it('explains API Gateway answers', () => {
    const r = (status: number, body: string, sent: 'id' | 'access' | 'none' = 'id') => explainStatus({ status, statusText: '', headers: [], body, durationMs: 1, sentAuthorization: sent });
    expect(r(401, '{"message":"The incoming token has expired"}')).toMatch(/expired/);
    expect(r(401, '{"message":"Unauthorized"}', 'access')).toMatch(/only ID tokens/);
    expect(r(403, '{"message":"Missing Authentication Token"}')).toMatch(/routing error/);
  });
});

describe('aws-exports import', () => {
  it('reads Gen 1 JSON/JS and Gen 2 outputs, and refuses another pool or nothing', () => {
    expect(clientFromAwsExports('const awsmobile = {\n  "aws_user_pools_id": "us-east-1_Pool1",\n  "aws_user_pools_web_client_id": "abc123"\n};', 'us-east-1_Pool1')).toEqual({ ok: true, clientId: 'abc123', userPoolId: 'us-east-1_Pool1' });
    expect(clientFromAwsExports('{"auth":{"user_pool_id":"us-east-1_Pool1","user_pool_client_id":"gen2client"}}', 'us-east-1_Pool1')).toMatchObject({ ok: true, clientId: 'gen2client' });
    expect(clientFromAwsExports('{"aws_user_pools_id":"us-east-1_Other","aws_user_pools_web_client_id":"abc"}', 'us-east-1_Pool1')).toMatchObject({ ok: false });
    expect(clientFromAwsExports('{}', 'us-east-1_Pool1')).toMatchObject({ ok: false });
  });
});
