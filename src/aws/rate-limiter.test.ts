import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyFailure, RateLimiter, sharedRateLimiter, TokenBucket, type RetryInfo } from './rate-limiter';

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 400 } });
const networkDown = () => new TypeError('Failed to fetch');
const notFound = () => Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TokenBucket', () => {
  it('grants its capacity at once, then one token per 1/rate seconds', async () => {
    const bucket = new TokenBucket(10, 2);
    let granted = 0;
    for (let i = 0; i < 12; i += 1) void bucket.take().then(() => (granted += 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toBe(2);
    await vi.advanceTimersByTimeAsync(99);
    expect(granted).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toBe(3);
    await vi.advanceTimersByTimeAsync(900);
    expect(granted).toBe(12);
  });

  it('never exceeds rate·t + capacity over any run', async () => {
    const bucket = new TokenBucket(30, 6);
    const grantedAt: number[] = [];
    for (let i = 0; i < 150; i += 1) void bucket.take().then(() => grantedAt.push(Date.now()));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(grantedAt).toHaveLength(150);
    const start = grantedAt[0]!;
    for (let i = 0; i < grantedAt.length; i += 1) {
      const elapsed = (grantedAt[i]! - start) / 1000;
      expect(i + 1).toBeLessThanOrEqual(6 + 30 * elapsed + 1e-9);
    }
    // and it does run at the rate: 144 tokens after the burst take 144/30 s
    expect((grantedAt.at(-1)! - start) / 1000).toBeCloseTo(144 / 30, 1);
  });

  it('serves waiters first come, first served', async () => {
    const bucket = new TokenBucket(5, 1);
    const order: number[] = [];
    for (let i = 0; i < 5; i += 1) void bucket.take().then(() => order.push(i));
    await vi.advanceTimersByTimeAsync(2000);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('an aborted waiter leaves the queue without taking a token', async () => {
    const bucket = new TokenBucket(1, 1);
    await bucket.take();
    const controller = new AbortController();
    const aborted = bucket.take(controller.signal);
    let second = false;
    void bucket.take().then(() => (second = true));
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(second).toBe(true);
    expect(bucket.waiting).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const bucket = new TokenBucket(1, 1);
    await expect(bucket.take(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('drain() spends saved tokens so callers fall back to the steady rate', async () => {
    const bucket = new TokenBucket(10, 5);
    bucket.drain();
    let granted = 0;
    void bucket.take().then(() => (granted += 1));
    await vi.advanceTimersByTimeAsync(50);
    expect(granted).toBe(0);
    await vi.advanceTimersByTimeAsync(50);
    expect(granted).toBe(1);
  });
});

describe('RateLimiter', () => {
  it('keeps a separate bucket per category with the documented defaults', async () => {
    const limiter = new RateLimiter({ burstSeconds: 0.2 });
    expect(limiter.quota('UserList')).toBe(30);
    expect(limiter.quota('UserUpdate')).toBe(25);
    let list = 0;
    let update = 0;
    for (let i = 0; i < 100; i += 1) {
      void limiter.acquire('UserList').then(() => (list += 1));
      void limiter.acquire('UserUpdate').then(() => (update += 1));
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(list).toBe(6 + 30);
    expect(update).toBe(5 + 25);
  });

  it('takes configured quotas and rejects nonsense', () => {
    expect(new RateLimiter({ quotas: { UserList: 100 } }).quota('UserList')).toBe(100);
    expect(() => new RateLimiter({ quotas: { UserList: 0 } })).toThrow(RangeError);
    const limiter = new RateLimiter();
    limiter.setQuota('UserRead', 7);
    expect(limiter.quota('UserRead')).toBe(7);
  });

  it('retries throttling with exponential backoff and full jitter', async () => {
    const limiter = new RateLimiter({ random: () => 0.5, retry: { baseDelayMs: 100, maxDelayMs: 1000 } });
    const retries: RetryInfo[] = [];
    let calls = 0;
    const result = limiter.run(
      'UserList',
      async () => {
        calls += 1;
        if (calls <= 5) throw throttled();
        return 'ok';
      },
      { onRetry: (info) => retries.push(info) },
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(result).resolves.toBe('ok');
    expect(calls).toBe(6);
    // ceilings 100, 200, 400, 800, 1000 (capped); jitter 0.5 of each
    expect(retries.map((r) => r.delayMs)).toEqual([50, 100, 200, 400, 500]);
    expect(retries.every((r) => r.kind === 'throttled')).toBe(true);
    expect(limiter.stats('UserList')).toEqual({ calls: 6, throttled: 5, retries: 5 });
  });

  it('full jitter spreads the delay over [0, ceiling)', async () => {
    const values = [0, 0.999];
    const limiter = new RateLimiter({ random: () => values.shift() ?? 0, retry: { baseDelayMs: 1000 } });
    const delays: number[] = [];
    let calls = 0;
    const result = limiter.run('UserRead', async () => {
      calls += 1;
      if (calls < 3) throw throttled();
      return calls;
    }, { onRetry: (info) => delays.push(info.delayMs) });
    await vi.advanceTimersByTimeAsync(10_000);
    await result;
    expect(delays).toEqual([0, 1998]);
  });

  it('retries network and server errors under the transient policy only', async () => {
    const limiter = new RateLimiter({ random: () => 0 });
    let calls = 0;
    const transient = limiter.run('UserRead', async () => {
      calls += 1;
      if (calls === 1) throw networkDown();
      if (calls === 2) throw Object.assign(new Error('boom'), { name: 'InternalErrorException', $metadata: { httpStatusCode: 500 } });
      return 'ok';
    });
    await vi.advanceTimersByTimeAsync(1000);
    await expect(transient).resolves.toBe('ok');

    let sends = 0;
    const rejectedOnly = limiter.run('UserAccountRecovery', async () => {
      sends += 1;
      throw networkDown();
    }, { retry: 'rejected-only' });
    await expect(rejectedOnly).rejects.toThrow('Failed to fetch');
    expect(sends).toBe(1);
  });

  it('does not retry errors a retry cannot fix', async () => {
    const limiter = new RateLimiter();
    let calls = 0;
    await expect(limiter.run('UserRead', async () => {
      calls += 1;
      throw notFound();
    })).rejects.toThrow('User does not exist.');
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts and surfaces the last error', async () => {
    const limiter = new RateLimiter({ random: () => 0, retry: { maxAttempts: 3 } });
    let calls = 0;
    const result = limiter.run('UserList', async () => {
      calls += 1;
      throw throttled();
    });
    const assertion = expect(result).rejects.toMatchObject({ name: 'TooManyRequestsException' });
    await vi.advanceTimersByTimeAsync(1000);
    await assertion;
    expect(calls).toBe(3);
  });

  it('cancels during the backoff sleep', async () => {
    const limiter = new RateLimiter({ random: () => 0.99, retry: { baseDelayMs: 5000 } });
    const controller = new AbortController();
    let calls = 0;
    const result = limiter.run('UserList', async () => {
      calls += 1;
      throw throttled();
    }, { signal: controller.signal });
    const assertion = expect(result).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    await assertion;
    expect(calls).toBe(1);
  });

  it('cancels while waiting for a token', async () => {
    const limiter = new RateLimiter({ quotas: { UserList: 1 } });
    await limiter.acquire('UserList');
    const controller = new AbortController();
    const task = vi.fn(async () => 'never');
    const result = limiter.run('UserList', task, { signal: controller.signal });
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).not.toHaveBeenCalled();
  });

  it('shares one limiter per owner object', () => {
    const a = {};
    expect(sharedRateLimiter(a)).toBe(sharedRateLimiter(a));
    expect(sharedRateLimiter(a)).not.toBe(sharedRateLimiter({}));
  });
});

describe('classifyFailure', () => {
  it('recognises throttling, network, server and the rest', () => {
    expect(classifyFailure(throttled())).toBe('throttled');
    expect(classifyFailure({ code: 'TooManyRequestsException', retryable: true })).toBe('throttled');
    expect(classifyFailure({ name: 'Error', status: 429 })).toBe('throttled');
    expect(classifyFailure(networkDown())).toBe('network');
    expect(classifyFailure(new TypeError('fetch failed'))).toBe('network');
    expect(classifyFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('network');
    expect(classifyFailure({ name: 'Error', $metadata: { httpStatusCode: 503 } })).toBe('server');
    expect(classifyFailure(notFound())).toBe('other');
    expect(classifyFailure(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe('aborted');
    expect(classifyFailure(new Error('wrapped', { cause: throttled() }))).toBe('throttled');
    expect(classifyFailure(new TypeError('x is not a function'))).toBe('other');
    expect(classifyFailure('string')).toBe('other');
    // AppError marks what a retry can fix (expired temporary credentials are refreshed)
    expect(classifyFailure({ name: 'AppError', code: 'ExpiredTokenException', retryable: true })).toBe('transient');
    expect(classifyFailure({ name: 'AppError', code: 'NetworkError', retryable: true })).toBe('network');
    expect(classifyFailure({ name: 'AppError', code: 'UserNotFoundException', retryable: false })).toBe('other');
  });
});
