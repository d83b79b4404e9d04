import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, DeleteUserPoolClientCommand, DescribeUserPoolClientCommand } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '@poolkeeper/cognito-emulator';
import { RateLimiter } from '../../src/aws/rate-limiter';
import { gatherReviewInput, PENDING, ReviewAccessError, type ReviewSources } from '../../src/aws/review-gather';
import { evaluateReview } from '../../src/lib/review/evaluate';
import { CHECKS } from '../../src/lib/review/registry';
import type { Check, Outcome, Read, ReviewInput } from '../../src/lib/review/types';
import { buildHardenedPool, buildWeakPool, REVIEW_REGION, type BuiltPool } from '../support/review-pools';
import { nodeHostTarget, ROOT, type Credentials } from '../support/targets';

/**
 * Every rule against real emulator state: a weak pool, a hardened pool and the demo pool, each
 * built with the SDK and read back through the same gathering the screen and the CLI use.
 */
const target = nodeHostTarget();

function sources(region: string, userPoolId: string, identityPoolId: string | undefined, credentials: Credentials = ROOT, extra: Partial<ReviewSources> = {}): ReviewSources {
  const config = { ...target.clientConfig(credentials), region };
  return {
    idp: new CognitoIdentityProviderClient(config),
    identity: new CognitoIdentityClient({ ...config, region: identityPoolId?.split(':')[0] ?? region }),
    region,
    userPoolId,
    ...(identityPoolId ? { identityPoolId } : {}),
    ses: (sesRegion) => new SESClient({ ...config, region: sesRegion }),
    ...extra,
  };
}

/** Credentials for an emulator role with exactly these actions (as an identity pool would issue). */
function roleCredentials(name: string, actions: string[]): Credentials {
  const arn = `arn:aws:iam::000000000000:role/${name}`;
  target.emulator.iam.putRole({ arn, policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] } });
  const issued = target.emulator.iam.issueCredentials(arn, { durationSeconds: 3600 });
  return { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretKey, sessionToken: issued.SessionToken };
}

const fixtures: Record<'weak' | 'hardened' | 'demo', ReviewInput> = {} as never;
let weak: BuiltPool;
beforeAll(async () => {
  weak = await buildWeakPool(target);
  const hardened = await buildHardenedPool(target);
  fixtures.weak = await gatherReviewInput(sources(REVIEW_REGION, weak.userPoolId, weak.identityPoolId));
  fixtures.hardened = await gatherReviewInput(sources(REVIEW_REGION, hardened.userPoolId, hardened.identityPoolId));
  fixtures.demo = await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, DEMO.identityPoolId));
});

type Verdict = 'fail' | 'pass' | 'not-evaluated' | 'none';
function verdict(check: Check, input: ReviewInput): Verdict {
  const outcomes: Outcome[] = check.evaluate(input);
  if (outcomes.length === 0) return 'none';
  if (outcomes.some((o) => o.status === 'fail')) return 'fail';
  if (outcomes.every((o) => o.status === 'not-evaluated')) return 'not-evaluated';
  return 'pass';
}

/** [check id, weak pool, hardened pool, demo pool] */
const EXPECTED: Array<[string, Verdict, Verdict, Verdict]> = [
  ['cognito_user_pool_password_policy_minimum_length_14', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_password_policy_lowercase', 'fail', 'pass', 'pass'],
  ['cognito_user_pool_password_policy_uppercase', 'fail', 'pass', 'pass'],
  ['cognito_user_pool_password_policy_number', 'fail', 'pass', 'pass'],
  ['cognito_user_pool_password_policy_symbol', 'fail', 'pass', 'pass'],
  ['cognito_user_pool_temporary_password_expiration', 'fail', 'pass', 'pass'],
  ['PK-PW-1', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_advanced_security_enabled', 'fail', 'pass', 'fail'],
  ['SH-Cognito.4', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_blocks_compromised_credentials_sign_in_attempts', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_blocks_potential_malicious_sign_in_attempts', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_mfa_enabled', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_deletion_protection_enabled', 'fail', 'pass', 'pass'],
  ['cognito_user_pool_self_registration_disabled', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_waf_acl_attached', 'not-evaluated', 'not-evaluated', 'not-evaluated'],
  ['PK-DR-1', 'fail', 'fail', 'fail'],
  ['PK-SIGNIN-1', 'fail', 'pass', 'pass'],
  ['PK-VERIFY-1', 'fail', 'pass', 'pass'],
  ['PK-VERIFY-2', 'pass', 'pass', 'fail'],
  ['PK-EMAIL-1', 'fail', 'pass', 'pass'],
  ['PK-EMAIL-2', 'none', 'pass', 'fail'],
  ['PK-SMS-1', 'pass', 'pass', 'pass'],
  ['PK-MAIL-LOG', 'pass', 'pass', 'pass'],
  ['cognito_user_pool_client_prevent_user_existence_errors', 'fail', 'pass', 'fail'],
  ['cognito_user_pool_client_token_revocation_enabled', 'fail', 'pass', 'pass'],
  ['PK-TOKEN-1', 'fail', 'pass', 'fail'],
  ['PK-TOKEN-2', 'fail', 'pass', 'fail'],
  ['PK-TOKEN-3', 'fail', 'pass', 'fail'],
  ['PK-CLIENT-1', 'fail', 'pass', 'pass'],
  ['PK-CLIENT-2', 'fail', 'pass', 'fail'],
  ['PK-CLIENT-3', 'fail', 'pass', 'fail'],
  ['PK-CLIENT-4', 'fail', 'pass', 'fail'],
  ['PK-CLIENT-5', 'fail', 'none', 'none'],
  ['cognito_identity_pool_guest_access_disabled', 'fail', 'pass', 'pass'],
  ['PK-IDP-1', 'fail', 'pass', 'pass'],
  ['PK-IDP-2', 'fail', 'pass', 'pass'],
  ['PK-IDP-3', 'not-evaluated', 'not-evaluated', 'not-evaluated'],
  ['PK-IDP-4', 'fail', 'pass', 'fail'],
];

const denied: Read<never> = { ok: false, code: 'AccessDeniedException', reason: 'needs `cognito-idp:Everything`' };
const everythingDenied = (input: ReviewInput): ReviewInput => ({
  ...input,
  pool: denied,
  mfa: denied,
  risk: denied,
  domain: denied,
  replicas: denied,
  clients: denied,
  groups: denied,
  identityPool: denied,
  identityPoolRoles: denied,
  ses: denied,
});

describe('every rule on real emulator state', () => {
  it('covers every registered check', () => {
    expect(EXPECTED.map(([id]) => id).sort()).toEqual(CHECKS.map((c) => c.meta.id).sort());
  });

  it.each(EXPECTED)('%s: weak %s, hardened %s, demo %s — and never passes on a denied read', (id, onWeak, onHardened, onDemo) => {
    const check = CHECKS.find((c) => c.meta.id === id)!;
    expect(verdict(check, fixtures.weak)).toBe(onWeak);
    expect(verdict(check, fixtures.hardened)).toBe(onHardened);
    expect(verdict(check, fixtures.demo)).toBe(onDemo);
    const outcomes = check.evaluate(everythingDenied(fixtures.weak));
    expect(outcomes.length).toBeGreaterThan(0);
    for (const o of outcomes) expect(o).toMatchObject({ status: 'not-evaluated', reason: expect.stringMatching(/^not evaluated: /) });
  });

  it('passes the states the emulator cannot produce (a replica, no SMS/email failure) and fails Cognito-reported failures', () => {
    const byId = (id: string) => CHECKS.find((c) => c.meta.id === id)!;
    const pool = fixtures.hardened.pool as Extract<ReviewInput['pool'], { ok: true }>;
    const withReplica: ReviewInput = { ...fixtures.hardened, replicas: { ok: true, value: [{ RegionName: 'eu-central-1', Role: 'SECONDARY', Status: 'ACTIVE' }] } };
    expect(verdict(byId('PK-DR-1'), withReplica)).toBe('pass');
    const failing: ReviewInput = { ...fixtures.hardened, pool: { ok: true, value: { ...pool.value, SmsConfigurationFailure: 'SNSSandbox', EmailConfigurationFailure: 'Role lacks ses:SendEmail' } } };
    expect(verdict(byId('PK-SMS-1'), failing)).toBe('fail');
    expect(verdict(byId('PK-MAIL-LOG'), failing)).toBe('fail');
    const lite: ReviewInput = { ...fixtures.weak, pool: { ok: true, value: { ...(fixtures.weak.pool as { value: object }).value, UserPoolTier: 'LITE' } } };
    expect(verdict(byId('PK-PW-1'), lite)).toBe('not-evaluated');
  });

  it('grades the worst cases above the check\'s usual severity', () => {
    const review = evaluateReview(fixtures.weak);
    const severity = (id: string) => review.findings.filter((f) => f.id === id).map((f) => f.severity);
    expect(severity('cognito_user_pool_password_policy_minimum_length_14')).toEqual(['high']);
    expect(severity('cognito_user_pool_mfa_enabled')).toEqual(['high']);
    expect(severity('PK-CLIENT-2')).toContain('high');
    expect(severity('PK-VERIFY-1')).toEqual(['high']);
    const finding = review.findings.find((f) => f.id === 'cognito_user_pool_password_policy_minimum_length_14')!;
    expect(finding).toMatchObject({ field: 'UserPool.Policies.PasswordPolicy.MinimumLength', value: 6, resource: `userpool/${weak.userPoolId}`, fixable: true });
    expect(finding.fix.cli).toContain(`--user-pool-id ${weak.userPoolId}`);
  });
});

describe('gathering: access, deletion, throttling, configuration', () => {
  it('the demo admin role reads everything the review needs (only WAF and IAM trust policies stay unevaluated)', async () => {
    const arn = DEMO.adminRoleArn;
    const issued = target.emulator.iam.issueCredentials(arn, { durationSeconds: 3600 });
    const creds = { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretKey, sessionToken: issued.SessionToken };
    const review = evaluateReview(await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, DEMO.identityPoolId, creds)));
    expect(review.notEvaluated.map((n) => n.id).sort()).toEqual(['PK-IDP-3', 'cognito_user_pool_waf_acl_attached']);
    expect(new Set(review.findings.map((f) => f.severity))).toEqual(new Set(['high', 'medium', 'low', 'info']));
  });

  it('names the action when the operator\'s role lacks one, instead of passing', async () => {
    const creds = roleCredentials('ReviewWithoutNewActions', ['cognito-idp:DescribeUserPool', 'cognito-idp:ListUserPoolClients', 'cognito-idp:DescribeUserPoolClient', 'cognito-idp:GetUserPoolMfaConfig', 'cognito-idp:ListGroups']);
    const review = evaluateReview(await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, DEMO.identityPoolId, creds)));
    const reason = (id: string) => review.notEvaluated.find((n) => n.id === id)?.reason;
    expect(reason('cognito_user_pool_blocks_compromised_credentials_sign_in_attempts')).toBe('not evaluated: needs `cognito-idp:DescribeRiskConfiguration`');
    expect(reason('cognito_identity_pool_guest_access_disabled')).toBe('not evaluated: needs `cognito-identity:DescribeIdentityPool`');
    expect(reason('PK-IDP-2')).toBe('not evaluated: needs `cognito-identity:DescribeIdentityPool`');
    expect(reason('PK-DR-1')).toBe('not evaluated: needs `cognito-idp:ListUserPoolReplicas`');
    expect(reason('PK-EMAIL-2')).toBe('not evaluated: needs `ses:GetSendQuota`');
    expect(review.passed.some((p) => p.id.startsWith('cognito_identity'))).toBe(false);
  });

  it('a pool the operator cannot describe is the review\'s error, with AWS\'s error name', async () => {
    const missing = await gatherReviewInput(sources(DEMO.region, 'us-east-1_NoSuchPool', undefined)).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ReviewAccessError);
    expect((missing as ReviewAccessError).error.code).toBe('ResourceNotFoundException');
    const creds = roleCredentials('NoDescribe', ['cognito-idp:ListUserPoolClients']);
    const refused = await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, undefined, creds)).catch((e: unknown) => e);
    expect((refused as ReviewAccessError).error.code).toBe('AccessDeniedException');
    expect((refused as ReviewAccessError).message).toMatch(/cognito-idp:DescribeUserPool/);
  });

  it('without an identity pool id the identity-pool checks say so', async () => {
    const review = evaluateReview(await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, undefined)));
    expect(review.notEvaluated.find((n) => n.id === 'cognito_identity_pool_guest_access_disabled')?.reason).toMatch(/no identity pool id was given/);
  });

  it('an app client deleted while the review reads it is reported as deleted, not passed', async () => {
    const base = sources(REVIEW_REGION, weak.userPoolId, undefined);
    let deleted = false;
    base.idp.middlewareStack.add(
      (next, context) => async (args) => {
        // Deleted just before the review describes it, after ListUserPoolClients named it.
        const clientId = (args as { input?: { ClientId?: string } }).input?.ClientId;
        if (context.commandName === DescribeUserPoolClientCommand.name && clientId === weak.clients.confidential && !deleted) {
          deleted = true;
          await new CognitoIdentityProviderClient({ ...target.clientConfig(), region: REVIEW_REGION }).send(new DeleteUserPoolClientCommand({ UserPoolId: weak.userPoolId, ClientId: weak.clients.confidential! }));
        }
        return next(args);
      },
      { step: 'initialize', name: 'deleteDuringReview' },
    );
    const input = await gatherReviewInput(base);
    const entry = (input.clients as Extract<ReviewInput['clients'], { ok: true }>).value.find((c) => c.ClientId === weak.clients.confidential)!;
    expect(entry.detail).toEqual({ ok: false, code: 'ResourceNotFoundException', reason: 'the app client was deleted after the list was read' });
    const review = evaluateReview(input);
    expect(review.notEvaluated.some((n) => n.reason.includes('deleted after the list was read') && n.reason.includes(weak.clients.confidential!))).toBe(true);
    expect(review.passed.some((p) => p.resource.endsWith(weak.clients.confidential!))).toBe(false);
  });

  it('hands over everything but the app clients while they are still being read', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const partials: ReviewInput[] = [];
    const base = sources(DEMO.region, DEMO.userPoolId, DEMO.identityPoolId, ROOT, {
      onPartial: (input) => {
        partials.push(input);
        release();
      },
    });
    // Client descriptions wait until the partial review has been handed over.
    base.idp.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === DescribeUserPoolClientCommand.name) await released;
        return next(args);
      },
      { step: 'initialize', name: 'holdClients' },
    );
    const final = await gatherReviewInput(base);
    expect(partials).toHaveLength(1);
    expect(partials[0]!.clients).toEqual({ ok: false, code: PENDING, reason: 'the app clients are still being read' });
    expect(partials[0]!.identityPool.ok && partials[0]!.mfa.ok && partials[0]!.risk.ok).toBe(true);
    expect(final.clients.ok).toBe(true);
  });

  it('retries through throttling, and says "throttled" when it does not clear', async () => {
    const quotas = target.emulator.quotas;
    quotas.enabled = true;
    try {
      // The clock stands still in these tests, so a spent bucket stays spent until it is moved.
      const spend = new CognitoIdentityProviderClient({ ...target.clientConfig(), region: DEMO.region });
      for (let i = 0; i < 5; i++) await spend.send(new DescribeUserPoolClientCommand({ UserPoolId: DEMO.userPoolId, ClientId: DEMO.adminClientId })).catch(() => undefined);
      const quick = { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } };
      const stuck = await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, undefined, ROOT, { limiter: new RateLimiter(quick) }));
      const entries = (stuck.clients as Extract<ReviewInput['clients'], { ok: true }>).value;
      expect(entries.every((c) => !c.detail.ok && /throttled \(TooManyRequestsException\) even after retries/.test(c.detail.reason))).toBe(true);

      setTimeout(() => target.host().advanceClock(2), 30);
      const recovered = await gatherReviewInput(sources(DEMO.region, DEMO.userPoolId, undefined, ROOT, { limiter: new RateLimiter({ retry: { maxAttempts: 20, baseDelayMs: 20, maxDelayMs: 40 } }) }));
      const clients = (recovered.clients as Extract<ReviewInput['clients'], { ok: true }>).value;
      expect(clients.length).toBe(4); // admin SPA, test-login, the end users' app, the weak legacy client
      expect(clients.every((c) => c.detail.ok)).toBe(true);
    } finally {
      quotas.enabled = false;
    }
  });
});
