import { describe, expect, it } from 'vitest';
import { resolveEmulatedConfig, resolveLiveConfig } from './load-config';

const valid = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_DemoPool1',
  clientId: '4tq8jh1q2fnk0s6bq0l1m2k3j4',
  identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
};

describe('test-login config fields', () => {
  it('keeps testClientId and testApiUrl from config.json, and lets VITE_TEST_* override them', () => {
    const file = { kind: 'present' as const, source: 'config.json', data: { ...valid, testClientId: 'endusers0001', testApiUrl: 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/hello?x=1' } };
    expect(resolveLiveConfig(file, {})).toMatchObject({
      ok: true,
      config: { testClientId: 'endusers0001', testApiUrl: 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/hello?x=1' },
    });
    expect(resolveLiveConfig(file, { VITE_TEST_CLIENT_ID: 'fromenv0001', VITE_TEST_API_URL: 'http://127.0.0.1:9229/_apigw/pk0demoapi/demo/hello' })).toMatchObject({
      ok: true,
      config: { testClientId: 'fromenv0001', testApiUrl: 'http://127.0.0.1:9229/_apigw/pk0demoapi/demo/hello' },
    });
  });

  it('names a bad test client id or a non-http(s) API URL, with a fix', () => {
    const result = resolveLiveConfig({ kind: 'present', source: 'config.json', data: { ...valid, testClientId: 'not a client!', testApiUrl: 'javascript:alert(1)' } }, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ field: 'testClientId', message: expect.stringMatching(/is not an app client id/), fix: expect.stringMatching(/aws_user_pools_web_client_id/) }),
      expect.objectContaining({ field: 'testApiUrl', message: '"javascript:alert(1)" is not an http:// or https:// URL.' }),
    ]);
  });

  it('leaves both out when not given (the panel then asks)', () => {
    const result = resolveLiveConfig({ kind: 'present', source: 'config.json', data: valid }, {});
    expect(result.ok && 'testClientId' in result.config).toBe(false);
  });

  it('takes them from the emulator\'s demo config', () => {
    const result = resolveEmulatedConfig({ ...valid, adminGroup: 'admins', sesRegion: 'us-east-1', testClientId: 'pk0demo0mobile0app00000003', testApiUrl: 'https://pk0demoapi.execute-api.us-east-1.amazonaws.com/demo/hello' }, {});
    expect(result).toMatchObject({ ok: true, config: { testClientId: 'pk0demo0mobile0app00000003' } });
  });
});
