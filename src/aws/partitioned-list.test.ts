import { describe, expect, it } from 'vitest';
import { childPrefixes, ListInterruptedError, listAllUsers, type ListPageFn, type ListPageRequest, type ListProgress } from './partitioned-list';
import { RateLimiter } from './rate-limiter';
import type { AppUser } from './user-types';

/** Deterministic PRNG (mulberry32) so pools, latencies and failures repeat exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(random: () => number, prefix = ''): string {
  const hex = [...Array(32)].map(() => '0123456789abcdef'[Math.floor(random() * 16)]!).join('');
  const plain = (prefix.replace(/-/g, '') + hex).slice(0, 32);
  return `${plain.slice(0, 8)}-${plain.slice(8, 12)}-${plain.slice(12, 16)}-${plain.slice(16, 20)}-${plain.slice(20)}`;
}

function makePool(count: number, seed: number, subPrefix = ''): AppUser[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const sub = uuid(random, subPrefix);
    const username = `user-${String(i).padStart(6, '0')}`;
    return {
      username,
      sub,
      status: i % 7 === 0 ? 'UNCONFIRMED' : 'CONFIRMED',
      enabled: true,
      createdAt: new Date(1_700_000_000_000 + i * 1000),
      modifiedAt: new Date(1_700_000_000_000 + i * 1000),
      attributes: { sub, email: `${username}@example.com` },
    } satisfies AppUser;
  });
}

interface FakeOptions {
  /** throws TooManyRequestsException on these call numbers (1-based) */
  throttleCalls?: Set<number>;
  /** throws a non-retryable error on this call number */
  failCall?: number;
  /** answers the last page with a token and then an empty page, as some paginators do */
  emptyFinalPage?: boolean;
  /** random latency in ms (0..maxLatency) so pages arrive out of order */
  maxLatency?: number;
  seed?: number;
  /** tokens minted before this call number are refused afterwards (expired) */
  expireTokensBeforeCall?: number;
}

/** A ListUsers double with Cognito's semantics: `sub ^=` and `email =` filters, opaque tokens bound to their filter. */
function fakeListUsers(pool: AppUser[], options: FakeOptions = {}) {
  const random = prng(options.seed ?? 7);
  const calls: ListPageRequest[] = [];
  let inFlight = 0;
  let maxConcurrent = 0;
  const matching = (filter: string | undefined) => {
    if (!filter) return pool;
    const sub = /^sub \^= "([0-9a-f-]+)"$/.exec(filter);
    if (sub) return pool.filter((u) => u.sub.startsWith(sub[1]!));
    const email = /^email = "(.*)"$/.exec(filter);
    if (email) return pool.filter((u) => u.attributes.email === email[1]);
    const status = /^cognito:user_status = "(.*)"$/.exec(filter);
    if (status) return pool.filter((u) => u.status === status[1]);
    throw Object.assign(new Error(`Unsupported filter ${filter}`), { name: 'InvalidParameterException' });
  };
  const listPage: ListPageFn = async (request, signal) => {
    calls.push(request);
    const callNumber = calls.length;
    inFlight += 1;
    maxConcurrent = Math.max(maxConcurrent, inFlight);
    try {
      const latency = options.maxLatency ? Math.floor(random() * options.maxLatency) : 0;
      await new Promise((resolve) => setTimeout(resolve, latency));
      if (signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
      if (options.throttleCalls?.has(callNumber)) throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      if (options.failCall === callNumber) throw Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException', code: 'ExpiredTokenException' });
      let offset = 0;
      if (request.paginationToken) {
        const token = JSON.parse(atob(request.paginationToken)) as { filter: string; offset: number; minted: number };
        if (token.filter !== (request.filter ?? '') || (options.expireTokensBeforeCall !== undefined && callNumber >= options.expireTokensBeforeCall && token.minted < options.expireTokensBeforeCall)) {
          throw Object.assign(new Error('Invalid pagination token.'), { name: 'InvalidParameterException', code: 'InvalidParameterException' });
        }
        offset = token.offset;
      }
      const all = matching(request.filter);
      const users = all.slice(offset, offset + request.limit);
      const next = offset + request.limit;
      const more = options.emptyFinalPage ? next <= all.length && users.length > 0 : next < all.length;
      return {
        users,
        paginationToken: more ? btoa(JSON.stringify({ filter: request.filter ?? '', offset: next, minted: callNumber })) : undefined,
      };
    } finally {
      inFlight -= 1;
    }
  };
  return { listPage, calls, maxConcurrent: () => maxConcurrent };
}

const fastLimiter = () => new RateLimiter({ quotas: { UserList: 1e9 }, random: () => 0, retry: { baseDelayMs: 1 } });

async function collect(pool: AppUser[], fake: ReturnType<typeof fakeListUsers>, extra: Partial<Parameters<typeof listAllUsers>[0]> = {}) {
  const delivered: AppUser[] = [];
  const progress: ListProgress[] = [];
  const result = await listAllUsers({
    listPage: fake.listPage,
    limiter: fastLimiter(),
    estimatedTotal: pool.length,
    onUsers: (users) => delivered.push(...users),
    onProgress: (p) => progress.push(p),
    ...extra,
  });
  return { delivered, progress, result };
}

function expectExactly(delivered: AppUser[], expected: AppUser[]) {
  const subs = delivered.map((u) => u.sub);
  expect(new Set(subs).size, 'no user delivered twice').toBe(subs.length);
  expect(new Set(subs), 'no user lost').toEqual(new Set(expected.map((u) => u.sub)));
}

describe('childPrefixes', () => {
  it('splits a prefix into 16 and steps over the UUID dashes', () => {
    expect(childPrefixes('')).toEqual([...'0123456789abcdef']);
    expect(childPrefixes('0')).toEqual([...'0123456789abcdef'].map((d) => `0${d}`));
    expect(childPrefixes('0123abcd')[0]).toBe('0123abcd-0');
    expect(childPrefixes('0123abcd-12')[15]).toBe('0123abcd-12f');
    expect(childPrefixes('0123abcd-1234')[1]).toBe('0123abcd-1234-1');
  });
});

describe('listAllUsers, partitioned', () => {
  it('lists a uniform pool in 16 partitions, every user exactly once, near the minimum number of calls', async () => {
    const pool = makePool(5000, 1);
    const fake = fakeListUsers(pool, { maxLatency: 3 });
    const { delivered, result, progress } = await collect(pool, fake);
    expectExactly(delivered, pool);
    expect(result.mode).toBe('partitioned');
    expect(result.progress.partitionsSplit).toBe(0);
    expect(new Set(fake.calls.map((c) => c.filter))).toEqual(new Set([...'0123456789abcdef'].map((d) => `sub ^= "${d}"`)));
    // ceil(5000/60) = 84 calls at the very least; partial last pages cost at most one call each
    expect(fake.calls.length).toBeLessThanOrEqual(84 + 16);
    expect(result.progress.users).toBe(5000);
    expect(result.progress.duplicates).toBe(0);
    expect(progress.at(-1)!.partitionsOpen).toBe(0);
    // progress is monotonic
    for (let i = 1; i < progress.length; i += 1) expect(progress[i]!.users).toBeGreaterThanOrEqual(progress[i - 1]!.users);
  });

  it('pages the partitions in parallel, up to maxInFlight', async () => {
    const pool = makePool(3000, 2);
    const fake = fakeListUsers(pool, { maxLatency: 2 });
    await collect(pool, fake, { maxInFlight: 8 });
    expect(fake.maxConcurrent()).toBe(8);
  });

  it('splits a partition that holds far more than its share ("0" → "00".."0f"), losing and repeating no one', async () => {
    const pool = makePool(3000, 3, '0');
    const fake = fakeListUsers(pool, { maxLatency: 3 });
    const { delivered, result } = await collect(pool, fake);
    expectExactly(delivered, pool);
    expect(result.progress.partitionsSplit).toBe(1);
    expect(fake.calls.some((c) => c.filter === 'sub ^= "0a"')).toBe(true);
    // the split partition's first page came again from its children and was dropped
    expect(result.progress.duplicates).toBe(60);
  });

  it('splits again when a child is still the whole pool ("0" → "00" → "000".."00f")', async () => {
    const pool = makePool(2000, 4, '00');
    const fake = fakeListUsers(pool);
    const { delivered, result } = await collect(pool, fake);
    expectExactly(delivered, pool);
    expect(result.progress.partitionsSplit).toBe(2);
    expect(fake.calls.some((c) => c.filter === 'sub ^= "00f"')).toBe(true);
  });

  it('does not split without an estimate or when splitting would not pay', async () => {
    const skewed = makePool(600, 5, '0');
    const fake = fakeListUsers(skewed);
    const unknown = await collect(skewed, fake, { estimatedTotal: undefined });
    expectExactly(unknown.delivered, skewed);
    expect(unknown.result.progress.partitionsSplit).toBe(0);

    const small = makePool(150, 6, 'a');
    const { result } = await collect(small, fakeListUsers(small), { estimatedTotal: 150 });
    expect(result.progress.partitionsSplit).toBe(0); // 150 users = 3 pages < minPagesToSplit
  });

  it('survives throttling and retries without losing or repeating users', async () => {
    const pool = makePool(4000, 7);
    const throttleCalls = new Set(Array.from({ length: 30 }, (_, i) => 3 + i * 3));
    const fake = fakeListUsers(pool, { throttleCalls, maxLatency: 2 });
    const { delivered, result } = await collect(pool, fake);
    expectExactly(delivered, pool);
    expect(fake.calls.length).toBeGreaterThan(90);
    expect(result.progress.throttled).toBe(30);
    expect(result.progress.retries).toBe(30);
  });

  it('handles a paginator that ends with an empty page', async () => {
    const pool = makePool(960, 8); // about 60 per partition: exact multiples happen
    const fake = fakeListUsers(pool, { emptyFinalPage: true });
    const { delivered } = await collect(pool, fake);
    expectExactly(delivered, pool);
  });

  it('cancels, then resumes from the checkpoint with no user lost or repeated', async () => {
    const pool = makePool(3000, 9);
    const fake = fakeListUsers(pool, { maxLatency: 3 });
    const delivered: AppUser[] = [];
    const controller = new AbortController();
    let error: unknown;
    try {
      await listAllUsers({
        listPage: fake.listPage,
        limiter: fastLimiter(),
        estimatedTotal: pool.length,
        signal: controller.signal,
        onUsers: (users) => {
          delivered.push(...users);
          if (delivered.length >= 1000) controller.abort();
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ListInterruptedError);
    const interrupted = error as ListInterruptedError;
    expect(interrupted.reason).toBe('cancelled');
    expect(delivered.length).toBeLessThan(pool.length);
    const callsBefore = fake.calls.length;

    const resumed = await listAllUsers({
      listPage: fake.listPage,
      limiter: fastLimiter(),
      estimatedTotal: pool.length,
      resume: interrupted.checkpoint,
      onUsers: (users) => delivered.push(...users),
    });
    expectExactly(delivered, pool);
    expect(resumed.progress.users).toBe(pool.length);
    // resuming continues the partitions instead of starting over
    expect(fake.calls.length - callsBefore).toBeLessThan(pool.length / 60);
  });

  it('stops on an error a retry cannot fix, keeps what it delivered, and resumes', async () => {
    const pool = makePool(2500, 10);
    const fake = fakeListUsers(pool, { failCall: 25, maxLatency: 2 });
    const delivered: AppUser[] = [];
    const failed = await listAllUsers({
      listPage: fake.listPage,
      limiter: fastLimiter(),
      estimatedTotal: pool.length,
      onUsers: (users) => delivered.push(...users),
    }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ListInterruptedError);
    expect((failed as ListInterruptedError).reason).toBe('failed');
    expect((failed as ListInterruptedError).message).toMatch(/expired/);
    expect(((failed as ListInterruptedError).cause as Error).name).toBe('ExpiredTokenException');
    expect(delivered.length).toBeGreaterThan(0);

    await listAllUsers({
      listPage: fake.listPage,
      limiter: fastLimiter(),
      resume: (failed as ListInterruptedError).checkpoint,
      onUsers: (users) => delivered.push(...users),
    });
    expectExactly(delivered, pool);
  });

  it('restarts a partition whose saved token is refused on resume, still without duplicates', async () => {
    const pool = makePool(2000, 11);
    const fake = fakeListUsers(pool, { failCall: 40, expireTokensBeforeCall: 41 });
    const delivered: AppUser[] = [];
    const failed = (await listAllUsers({
      listPage: fake.listPage,
      limiter: fastLimiter(),
      estimatedTotal: pool.length,
      onUsers: (users) => delivered.push(...users),
    }).catch((e: unknown) => e)) as ListInterruptedError;
    expect(failed.checkpoint.open.some((p) => p.token)).toBe(true);
    const resumed = await listAllUsers({
      listPage: fake.listPage,
      limiter: fastLimiter(),
      resume: failed.checkpoint,
      onUsers: (users) => delivered.push(...users),
    });
    expectExactly(delivered, pool);
    expect(resumed.progress.duplicates).toBeGreaterThan(0);
  });

  it('rejects at once when already cancelled', async () => {
    const fake = fakeListUsers(makePool(10, 12));
    await expect(listAllUsers({ listPage: fake.listPage, limiter: fastLimiter(), onUsers: () => {}, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('listAllUsers, sequential', () => {
  it('pages a user filter sequentially, since Cognito takes one filter per call', async () => {
    const pool = makePool(1000, 13);
    const fake = fakeListUsers(pool, { maxLatency: 2 });
    const { delivered, result } = await collect(pool, fake, { filter: 'cognito:user_status = "CONFIRMED"' });
    expectExactly(delivered, pool.filter((u) => u.status === 'CONFIRMED'));
    expect(result.mode).toBe('sequential');
    expect(fake.maxConcurrent()).toBe(1);
    expect(fake.calls.every((c) => c.filter === 'cognito:user_status = "CONFIRMED"')).toBe(true);
  });

  it('lists a tiny pool with one unpartitioned call', async () => {
    const pool = makePool(40, 14);
    const fake = fakeListUsers(pool);
    const { delivered, result } = await collect(pool, fake, { estimatedTotal: 40 });
    expectExactly(delivered, pool);
    expect(result.mode).toBe('sequential');
    expect(fake.calls).toEqual([{ filter: undefined, paginationToken: undefined, limit: 60 }]);
  });
});
