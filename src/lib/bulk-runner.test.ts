import { describe, expect, it } from 'vitest';
import { AppError } from '@/aws/errors';
import { RateLimiter } from '@/aws/rate-limiter';
import type { AppUser, UserStatus } from '@/aws/user-types';
import { itemsToRetry, mergeResults, resultsToCsv, runBulk, summarise, type BulkItem, type BulkLedger, type BulkTask } from './bulk-runner';

function item(name: string, status: UserStatus = 'UNCONFIRMED'): BulkItem {
  const user: AppUser = {
    username: name,
    sub: `sub-${name}`,
    status,
    enabled: true,
    createdAt: new Date(0),
    modifiedAt: new Date(0),
    attributes: { sub: `sub-${name}` },
  };
  return { key: user.sub, user, groups: [] };
}

const limiter = () => new RateLimiter({ quotas: { UserUpdate: 1e9, UserCreation: 1e9 }, random: () => 0, retry: { baseDelayMs: 1 } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A task that records every application per user, failing as told. */
function recordingTask(behaviour: (name: string, attempt: number) => 'ok' | Error = () => 'ok', extra: Partial<BulkTask> = {}) {
  const applied = new Map<string, number>();
  const attempts = new Map<string, number>();
  const task: BulkTask = {
    label: 'Confirm',
    retry: 'transient',
    category: () => 'UserCreation',
    skip: (i) => (i.user.status === 'CONFIRMED' ? 'Already CONFIRMED.' : undefined),
    apply: async (i) => {
      const n = (attempts.get(i.user.username) ?? 0) + 1;
      attempts.set(i.user.username, n);
      await tick();
      const result = behaviour(i.user.username, n);
      if (result instanceof Error) throw result;
      applied.set(i.user.username, (applied.get(i.user.username) ?? 0) + 1);
      return `Confirmed ${i.user.username}.`;
    },
    ...extra,
  };
  return { task, applied, attempts };
}

const codeError = (code: string, message: string, extra: { reauthenticate?: boolean; retryable?: boolean } = {}) => new AppError(code, message, extra);

describe('runBulk', () => {
  it('accounts for every user: done, skipped with the reason, failed with the reason', async () => {
    const { task, applied } = recordingTask((name) => (name === 'c' ? codeError('UserNotFoundException', 'This user no longer exists.') : 'ok'));
    const items = [item('a'), item('b', 'CONFIRMED'), item('c'), item('d')];
    const summary = await runBulk({ items, task, limiter: limiter() });
    expect(summary.results.map((r) => [r.username, r.outcome, r.message])).toEqual([
      ['a', 'done', 'Confirmed a.'],
      ['b', 'skipped', 'Already CONFIRMED.'],
      ['c', 'failed', 'This user no longer exists.'],
      ['d', 'done', 'Confirmed d.'],
    ]);
    expect(summary.results[2]!.code).toBe('UserNotFoundException');
    expect(summary).toMatchObject({ total: 4, done: 2, skipped: 1, failed: 1, notRun: 0, cancelled: false });
    expect([...applied.entries()]).toEqual([['a', 1], ['d', 1]]);
  });

  it('processes a user selected twice only once', async () => {
    const { task, applied } = recordingTask();
    const a = item('a');
    const summary = await runBulk({ items: [a, a, { ...a }], task, limiter: limiter() });
    expect(summary.total).toBe(1);
    expect(applied.get('a')).toBe(1);
  });

  it('retries throttling inside the quota, then succeeds', async () => {
    const { task, applied, attempts } = recordingTask((_, n) => (n < 3 ? codeError('TooManyRequestsException', 'Too many requests', { retryable: true }) : 'ok'));
    const summary = await runBulk({ items: [item('a')], task, limiter: limiter() });
    expect(summary.done).toBe(1);
    expect(summary.retries).toBe(2);
    expect(attempts.get('a')).toBe(3);
    expect(applied.get('a')).toBe(1);
  });

  it('never retries a non-idempotent action after a network error, and says why', async () => {
    const { task, attempts } = recordingTask(() => new TypeError('Failed to fetch'), { retry: 'rejected-only' });
    const summary = await runBulk({ items: [item('a')], task, limiter: limiter() });
    expect(attempts.get('a')).toBe(1);
    expect(summary.results[0]!.outcome).toBe('failed');
    expect(summary.results[0]!.message).toMatch(/may have reached AWS/);
  });

  it('treats "already in that state" answers as skipped', async () => {
    const { task } = recordingTask(() => codeError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'), {
      alreadyDone: (e) => (/current status is confirmed/i.test(e.message) ? 'Already confirmed.' : undefined),
    });
    const summary = await runBulk({ items: [item('a')], task, limiter: limiter() });
    expect(summary.results[0]).toMatchObject({ outcome: 'skipped', message: 'Already confirmed.' });
  });

  it('turns the self-lockout refusal into a skip', async () => {
    const { task } = recordingTask(() => codeError('SelfLockoutRefused', 'You cannot delete your own account.'));
    const summary = await runBulk({ items: [item('me')], task, limiter: limiter() });
    expect(summary.results[0]).toMatchObject({ outcome: 'skipped', message: 'You cannot delete your own account.' });
  });

  it('stops on a failure every user would hit, and reports the rest as not run', async () => {
    const { task, attempts } = recordingTask((name) => (name === 'u3' ? codeError('UnrecognizedClientException', 'Sign in again.', { reauthenticate: true }) : 'ok'));
    const items = Array.from({ length: 20 }, (_, i) => item(`u${i}`));
    const summary = await runBulk({ items, task, limiter: limiter(), concurrency: 2 });
    expect(summary.stoppedBy).toEqual({ code: 'UnrecognizedClientException', message: 'Sign in again.' });
    expect(summary.results.find((r) => r.username === 'u3')!.outcome).toBe('failed');
    expect(summary.notRun).toBeGreaterThan(10);
    expect(summary.results.filter((r) => r.outcome === 'not-run').every((r) => r.message === 'Not attempted: Sign in again.')).toBe(true);
    expect(summary.done + summary.failed + summary.notRun).toBe(20);
    // nothing started after the stop
    expect(attempts.size).toBeLessThanOrEqual(6);
  });

  it('cancels: calls already sent finish and are reported as they went, the rest are not run', async () => {
    const controller = new AbortController();
    let started = 0;
    const { task, applied } = recordingTask(() => {
      started += 1;
      if (started === 5) controller.abort();
      return 'ok';
    });
    const items = Array.from({ length: 50 }, (_, i) => item(`u${i}`));
    const summary = await runBulk({ items, task, limiter: limiter(), concurrency: 3, signal: controller.signal });
    expect(summary.cancelled).toBe(true);
    expect(summary.done).toBe(applied.size);
    expect(summary.done).toBeGreaterThanOrEqual(5);
    expect(summary.done).toBeLessThan(10);
    expect(summary.notRun).toBe(50 - summary.done);
    expect(summary.results.filter((r) => r.outcome === 'not-run').every((r) => r.message === 'Cancelled before this user was processed.')).toBe(true);
  });

  it('cancels users waiting for the quota without sending them', async () => {
    const slow = new RateLimiter({ quotas: { UserCreation: 2 }, burstSeconds: 0.5 });
    const controller = new AbortController();
    const { task, applied } = recordingTask();
    const running = runBulk({ items: Array.from({ length: 10 }, (_, i) => item(`u${i}`)), task, limiter: slow, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    const summary = await running;
    expect(applied.size).toBe(1);
    expect(summary).toMatchObject({ done: 1, notRun: 9 });
  });

  it('retries failures only, never re-applying what was done', async () => {
    let flaky = true;
    const { task, applied } = recordingTask((name) => (flaky && (name === 'b' || name === 'd') ? codeError('InternalErrorException', 'AWS had an internal error.') : 'ok'), { retry: 'none' });
    const items = [item('a'), item('b'), item('c', 'CONFIRMED'), item('d')];
    const ledger: BulkLedger = new Set();
    const first = await runBulk({ items, task, limiter: limiter(), ledger });
    expect(summarise(first.results)).toEqual({ total: 4, done: 1, skipped: 1, failed: 2, notRun: 0 });

    flaky = false;
    const retryItems = itemsToRetry(first, items);
    expect(retryItems.map((i) => i.user.username)).toEqual(['b', 'd']);
    const second = await runBulk({ items: retryItems, task, limiter: limiter(), ledger });
    const merged = mergeResults(first.results, second.results);
    expect(merged.map((r) => r.outcome)).toEqual(['done', 'done', 'skipped', 'done']);
    expect([...applied.values()]).toEqual([1, 1, 1]);

    // even a careless caller handing over everyone again cannot apply twice
    const third = await runBulk({ items, task, limiter: limiter(), ledger });
    expect(third.results.filter((r) => r.outcome === 'done')).toHaveLength(0);
    expect(third.results[0]!.message).toBe('Already done in an earlier run of this action.');
    expect([...applied.values()]).toEqual([1, 1, 1]);
  });

  it('runs calls in parallel up to the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const task: BulkTask = {
      label: 'x',
      retry: 'transient',
      category: () => 'UserUpdate',
      apply: async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight -= 1;
      },
    };
    const summary = await runBulk({ items: Array.from({ length: 30 }, (_, i) => item(`u${i}`)), task, limiter: limiter(), concurrency: 5 });
    expect(peak).toBe(5);
    expect(summary.results.every((r) => r.outcome === 'done' && r.message === 'Done.')).toBe(true);
  });

  it('writes the results as CSV', () => {
    const csv = resultsToCsv([
      { key: 'sub-a', username: 'a', outcome: 'done', message: 'Confirmed.' },
      { key: 'sub-b', username: '=b', outcome: 'failed', message: 'Boom, "bad"', code: 'X' },
    ]);
    expect(csv).toBe('\uFEFFusername,sub,outcome,message,code\r\na,sub-a,done,Confirmed.,\r\n\'=b,sub-b,failed,"Boom, ""bad""",X\r\n');
  });
});
