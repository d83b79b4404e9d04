import { describe, expect, it } from 'vitest';
import example from '../../public/config.example.json';
import { EMBEDDED_EMULATOR_CONFIG } from './embedded-emulator-marker';
import { fetchConfigFile, isEmulatedStartup, resolveEmulatedConfig, resolveLiveConfig, type ConfigFile } from './load-config';

const valid = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_DemoPool1',
  clientId: '4tq8jh1q2fnk0s6bq0l1m2k3j4',
  identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
};
const file = (data: unknown): ConfigFile => ({ kind: 'present', data, source: 'config.json' });

function problemsOf(data: unknown, env: Record<string, string> = {}) {
  const result = resolveLiveConfig(file(data), env);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('resolveLiveConfig', () => {
  it('accepts a minimal config and fills the defaults', () => {
    expect(resolveLiveConfig(file(valid), {})).toEqual({
      ok: true,
      config: { ...valid, adminGroup: 'admins', sesRegion: 'us-east-1', idleTimeoutMinutes: 30 },
    });
  });

  it('accepts public/config.example.json as shipped', () => {
    expect(resolveLiveConfig(file(example), {}).ok).toBe(true);
  });

  it('keeps optional fields and strips a trailing slash from the endpoint', () => {
    const result = resolveLiveConfig(
      file({ ...valid, adminGroup: 'ops', sesRegion: 'eu-west-1', endpoint: 'http://127.0.0.1:9229/', idleTimeoutMinutes: 15 }),
      {},
    );
    expect(result).toMatchObject({
      ok: true,
      config: { adminGroup: 'ops', sesRegion: 'eu-west-1', endpoint: 'http://127.0.0.1:9229', idleTimeoutMinutes: 15 },
    });
  });

  it('lists every missing field at once', () => {
    const problems = problemsOf({});
    expect(problems.map((p) => p.field)).toEqual(['region', 'userPoolId', 'clientId', 'identityPoolId']);
    for (const problem of problems) {
      expect(problem.message).toBe('is missing.');
      expect(problem.fix.length).toBeGreaterThan(10);
    }
  });

  it('explains each malformed value', () => {
    const problems = problemsOf({
      region: 'N. Virginia',
      userPoolId: 'DemoPool1',
      clientId: 'has spaces in it',
      identityPoolId: 'us-east-1:not-a-uuid',
      adminGroup: '',
      sesRegion: 'europe',
      endpoint: 'ftp://example.com',
      idleTimeoutMinutes: 1,
      passwordPolicy: { minimumLength: 4 },
    });
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField.region).toBe('"N. Virginia" is not an AWS Region code.');
    expect(byField.userPoolId).toMatch(/is not a user pool id; ids look like "us-east-1_AbC123xyz"/);
    expect(byField.clientId).toMatch(/is not an app client id/);
    expect(byField.identityPoolId).toMatch(/is not an identity pool id/);
    expect(byField.adminGroup).toMatch(/is empty/);
    expect(byField.sesRegion).toBe('"europe" is not an AWS Region code.');
    expect(byField.endpoint).toMatch(/is not an http:\/\/ or https:\/\/ URL/);
    expect(byField.idleTimeoutMinutes).toMatch(/at least 2 minutes/);
    expect(Object.keys(byField).some((field) => field.startsWith('passwordPolicy'))).toBe(true);
  });

  it('rejects a pool id from another Region', () => {
    const problems = problemsOf({ ...valid, userPoolId: 'eu-west-1_AbC123' });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'userPoolId',
        message: 'The user pool "eu-west-1_AbC123" is in eu-west-1, but region is us-east-1.',
        fix: expect.stringContaining('Set region to "eu-west-1"'),
      }),
    ]);
  });

  it('rejects non-string values and unknown fields', () => {
    const problems = problemsOf({ ...valid, clientId: 42, userPoolID: 'us-east-1_X' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'clientId', message: 'must be text, not 42.' }),
        expect.objectContaining({ field: 'userPoolID', message: 'is not a setting Poolkeeper knows.' }),
      ]),
    );
  });

  it('refuses client secrets and AWS keys wherever they appear', () => {
    const problems = problemsOf({
      ...valid,
      clientSecret: 'abc',
      nested: { aws_secret_access_key: 'x' },
      note: 'AKIAIOSFODNN7EXAMPLE',
    });
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('clientSecret');
    expect(fields).toContain('nested.aws_secret_access_key');
    expect(fields).toContain('note');
    for (const problem of problems.filter((p) => p.field !== 'nested')) {
      expect(problem.message).toMatch(/never belong in a browser app/);
    }
  });

  it('refuses secrets passed as VITE_ variables', () => {
    const problems = problemsOf(valid, { VITE_AWS_SECRET_ACCESS_KEY: 'x', VITE_CLIENT_SECRET: 'y' });
    expect(problems.map((p) => p.field).sort()).toEqual(['VITE_AWS_SECRET_ACCESS_KEY', 'VITE_CLIENT_SECRET']);
    expect(problems[0]?.message).toMatch(/compiled into the public JavaScript bundle/);
  });

  it('accepts the Amplify aws-exports shape and ignores Amplify-only settings', () => {
    const result = resolveLiveConfig(
      file({
        aws_project_region: 'us-east-1',
        aws_cognito_region: 'us-east-1',
        aws_user_pools_id: valid.userPoolId,
        aws_user_pools_web_client_id: valid.clientId,
        aws_cognito_identity_pool_id: valid.identityPoolId,
        aws_cognito_username_attributes: ['EMAIL'],
        oauth: {},
        endpoint: 'http://127.0.0.1:9229',
        adminGroup: 'operators',
      }),
      {},
    );
    expect(result).toEqual({
      ok: true,
      config: { ...valid, adminGroup: 'operators', sesRegion: 'us-east-1', endpoint: 'http://127.0.0.1:9229', idleTimeoutMinutes: 30 },
    });
  });

  it('names Amplify fields as written when they are wrong', () => {
    const problems = problemsOf({ aws_cognito_region: 'us-east-1', aws_user_pools_id: 'nope' });
    expect(problems.map((p) => p.field)).toEqual(['aws_user_pools_id', 'clientId', 'identityPoolId']);
  });

  it('reports a field given in both shapes', () => {
    const problems = problemsOf({ ...valid, aws_cognito_region: 'us-east-1' });
    expect(problems).toEqual([expect.objectContaining({ field: 'aws_cognito_region', message: 'sets the same thing as region.' })]);
  });

  it('lets VITE_ variables override the file, and names them in problems', () => {
    const result = resolveLiveConfig(file(valid), { VITE_ADMIN_GROUP: 'root', VITE_IDLE_TIMEOUT_MINUTES: '5' });
    expect(result).toMatchObject({ ok: true, config: { adminGroup: 'root', idleTimeoutMinutes: 5 } });
    const problems = problemsOf(valid, { VITE_USER_POOL_ID: 'bad' });
    expect(problems.map((p) => p.field)).toEqual(['VITE_USER_POOL_ID']);
    expect(problemsOf(valid, { VITE_IDLE_TIMEOUT_MINUTES: 'soon' })[0]?.message).toMatch(/number of minutes/);
  });

  it('builds a full config from VITE_ variables alone', () => {
    const env = {
      VITE_REGION: valid.region,
      VITE_USER_POOL_ID: valid.userPoolId,
      VITE_CLIENT_ID: valid.clientId,
      VITE_IDENTITY_POOL_ID: valid.identityPoolId,
      VITE_PASSWORD_POLICY: '{"minimumLength":10,"requireUppercase":false,"requireLowercase":true,"requireNumbers":true,"requireSymbols":false}',
    };
    expect(isEmulatedStartup({ kind: 'absent' }, env)).toBe(false);
    expect(resolveLiveConfig({ kind: 'absent' }, env)).toMatchObject({ ok: true, config: { passwordPolicy: { minimumLength: 10 } } });
  });

  it('reports a file that is not an object or not readable', () => {
    expect(problemsOf(['x'])[0]).toMatchObject({ field: 'config.json', message: 'must hold a JSON object, not an array.' });
    const unreadable = resolveLiveConfig({ kind: 'unreadable', problem: { field: 'config.json', message: 'is not valid JSON (x).', fix: 'Fix it.' } }, {});
    expect(unreadable.ok).toBe(false);
    if (!unreadable.ok) expect(unreadable.problems[0]?.message).toBe('is not valid JSON (x).');
  });
});

describe('emulated start-up', () => {
  it('is emulated only with no file and no VITE_ variable naming a pool', () => {
    expect(isEmulatedStartup({ kind: 'absent' }, {})).toBe(true);
    expect(isEmulatedStartup({ kind: 'absent' }, { VITE_IDLE_TIMEOUT_MINUTES: '5' })).toBe(true);
    expect(isEmulatedStartup({ kind: 'absent' }, { VITE_ENDPOINT: 'http://127.0.0.1:9229' })).toBe(false);
    expect(isEmulatedStartup(file(valid), {})).toBe(false);
  });

  it('validates the emulator config and applies overrides', () => {
    expect(resolveEmulatedConfig({ ...valid, adminGroup: 'admins' }, { VITE_IDLE_TIMEOUT_MINUTES: '3' })).toMatchObject({
      ok: true,
      config: { userPoolId: valid.userPoolId, idleTimeoutMinutes: 3 },
    });
  });
});

describe('fetchConfigFile', () => {
  const respond = (body: string, init: ResponseInit) => (async () => new Response(body, init)) as typeof fetch;

  it('treats 404 and an HTML fallback page as no config', async () => {
    expect(await fetchConfigFile('/config.json', respond('', { status: 404 }))).toEqual({ kind: 'absent' });
    expect(await fetchConfigFile('/config.json', respond('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }))).toEqual({ kind: 'absent' });
  });

  it('treats the marker the build serves in place of a missing config.json as no config', async () => {
    const marker = JSON.stringify(EMBEDDED_EMULATOR_CONFIG);
    const file = await fetchConfigFile('/config.json', respond(marker, { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(file).toEqual({ kind: 'absent' });
    expect(isEmulatedStartup(file, {})).toBe(true);
    // VITE_* variables naming a pool still mean live mode, as they do without any config.json.
    expect(isEmulatedStartup(file, { VITE_USER_POOL_ID: 'us-east-1_AbC123xyz' })).toBe(false);
  });

  it('parses JSON and reports syntax errors, server errors and network failures', async () => {
    expect(await fetchConfigFile('/config.json', respond('{"region":"us-east-1"}', { status: 200, headers: { 'content-type': 'application/json' } }))).toEqual({
      kind: 'present',
      data: { region: 'us-east-1' },
      source: 'config.json',
    });
    const broken = await fetchConfigFile('/config.json', respond('{"region":', { status: 200 }));
    expect(broken).toMatchObject({ kind: 'unreadable', problem: { field: 'config.json', message: expect.stringMatching(/^is not valid JSON/) } });
    expect(await fetchConfigFile('/config.json', respond('', { status: 500 }))).toMatchObject({
      kind: 'unreadable',
      problem: { message: 'could not be loaded: the server answered HTTP 500.' },
    });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchConfigFile('/config.json', offline)).toMatchObject({ kind: 'unreadable', problem: { message: 'could not be loaded: Failed to fetch.' } });
  });
});
