import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReviewCli } from '../../scripts/review';
import { buildHardenedPool, buildWeakPool, type BuiltPool } from '../support/review-pools';
import { standaloneServerTarget } from '../support/targets';

/**
 * `npm run review` as CI runs it: a child process (tsx scripts/review.ts) with credentials from the
 * environment, against the standalone emulator on a free port, for a weak and a hardened pool.
 */
const target = standaloneServerTarget();
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['scripts/review.ts', ...args], {
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PROFILE: '', AWS_REGION: '' },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let weak: BuiltPool;
let hardened: BuiltPool;
beforeAll(async () => {
  weak = await buildWeakPool(target);
  hardened = await buildHardenedPool(target);
});

interface JsonReport {
  pool: { id: string; name: string; region: string };
  evaluatedAt: string;
  findings: Array<{ id: string; severity: string; title: string; resource: string; field: string; value: unknown; expected: string; fixable: boolean; fix: Record<string, string>; references: Record<string, string> }>;
  notEvaluated: Array<{ id: string; reason: string }>;
}

describe('npm run review (child process, standalone emulator)', () => {
  it('the weak pool: JSON with every expected finding, exit 1 at --fail-on high', async () => {
    const out = await cli(['--user-pool-id', weak.userPoolId, '--identity-pool-id', weak.identityPoolId, '--endpoint', target.endpoint!, '--format', 'json', '--fail-on', 'high']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/findings? at or above high/);
    const report = JSON.parse(out.stdout) as JsonReport;
    expect(report.pool).toEqual({ id: weak.userPoolId, name: 'weak', region: 'eu-west-1' });
    expect(Date.parse(report.evaluatedAt)).not.toBeNaN();
    expect(Object.keys(report).sort()).toEqual(['evaluatedAt', 'findings', 'notEvaluated', 'pool']);
    const ids = new Set(report.findings.map((f) => f.id));
    for (const id of [
      'cognito_user_pool_password_policy_minimum_length_14',
      'cognito_user_pool_mfa_enabled',
      'cognito_user_pool_deletion_protection_enabled',
      'cognito_user_pool_advanced_security_enabled',
      'cognito_identity_pool_guest_access_disabled',
      'cognito_user_pool_client_prevent_user_existence_errors',
      'PK-CLIENT-3',
      'PK-CLIENT-4',
      'PK-VERIFY-1',
      'PK-IDP-1',
    ]) expect(ids).toContain(id);
    const length = report.findings.find((f) => f.id === 'cognito_user_pool_password_policy_minimum_length_14')!;
    expect(length).toEqual({
      id: 'cognito_user_pool_password_policy_minimum_length_14',
      severity: 'high',
      title: 'Passwords may be shorter than 8 characters',
      resource: `userpool/${weak.userPoolId}`,
      field: 'UserPool.Policies.PasswordPolicy.MinimumLength',
      value: 6,
      expected: '>= 14',
      fixable: true,
      fix: { console: expect.stringContaining(weak.userPoolId), cli: expect.stringContaining(`aws cognito-idp update-user-pool --user-pool-id ${weak.userPoolId}`), cloudformation: expect.stringContaining('MinimumLength: 14') },
      references: { prowler: 'cognito_user_pool_password_policy_minimum_length_14', securityHub: 'Cognito.3' },
    });
    expect(report.findings.find((f) => f.id === 'PK-SIGNIN-1')).toMatchObject({ fixable: false, value: true });
    expect(report.notEvaluated).toEqual(
      expect.arrayContaining([{ id: 'cognito_user_pool_waf_acl_attached', reason: expect.stringContaining('needs `wafv2:GetWebACLForResource`') }]),
    );
  });

  it('the hardened pool: exit 0 at --fail-on low apart from what the emulator cannot provide', async () => {
    const out = await cli(['--user-pool-id', hardened.userPoolId, '--identity-pool-id', hardened.identityPoolId, '--endpoint', target.endpoint!, '--format', 'json', '--fail-on', 'low']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as JsonReport;
    // The emulator models no replicas, so the (info) recovery-plan note is the only finding.
    expect(report.findings.map((f) => [f.id, f.severity])).toEqual([['PK-DR-1', 'info']]);
    expect(report.notEvaluated.map((n) => n.id).sort()).toEqual(['PK-IDP-3', 'cognito_user_pool_waf_acl_attached']);
  });

  it('SARIF 2.1.0 and Markdown for the weak pool', async () => {
    const sarif = await cli(['--user-pool-id', weak.userPoolId, '--endpoint', target.endpoint!, '--format', 'sarif']);
    expect(sarif.code).toBe(0);
    const doc = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }> };
    expect(doc.version).toBe('2.1.0');
    const [runResult] = doc.runs;
    expect(runResult!.results.length).toBeGreaterThan(10);
    for (const r of runResult!.results) {
      expect(runResult!.tool.driver.rules.map((rule) => rule.id)).toContain(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations.length).toBe(1);
    }
    const md = await cli(['--user-pool-id', weak.userPoolId, '--endpoint', target.endpoint!, '--format', 'md']);
    expect(md.stdout).toContain('# Configuration review: weak');
    expect(md.stdout).toContain('## High');
    // No --identity-pool-id: the identity-pool checks say why they were not run.
    expect(md.stdout).toMatch(/no identity pool id was given/);
  });

  it('usage and access errors exit 2 with a clear message', async () => {
    const format = await cli(['--user-pool-id', weak.userPoolId, '--format', 'xml']);
    expect(format).toMatchObject({ code: 2, stdout: '' });
    expect(format.stderr).toContain('Unknown --format "xml". Formats: text, json, md, sarif.');
    const missingPool = await cli(['--user-pool-id', 'eu-west-1_NoSuchPool', '--endpoint', target.endpoint!]);
    expect(missingPool.code).toBe(2);
    expect(missingPool.stderr).toMatch(/Cannot read user pool eu-west-1_NoSuchPool: .*ResourceNotFoundException/);
  });
});

describe('argument checks (in-process)', () => {
  it.each([
    [[], '--user-pool-id is required.'],
    [['--user-pool-id', 'nope'], '"nope" is not a user pool id'],
    [['--user-pool-id', 'eu-west-1_Abc', '--fail-on', 'critical'], 'Unknown --fail-on "critical". Use one of: high, medium, low.'],
    [['--user-pool-id', 'eu-west-1_Abc', '--identity-pool-id', 'abc'], '"abc" is not an identity pool id'],
    [['--user-pool-id', 'eu-west-1_Abc', '--colour'], "Unknown option '--colour'"],
  ])('%j → exit 2', async (args, message) => {
    const result = await runReviewCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run review');
  });
});
