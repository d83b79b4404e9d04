/**
 * Client-side rate limiting per Cognito quota category.
 *
 * Cognito meters user-pool API calls per account and Region in categories (UserList: ListUsers and
 * ListUsersInGroup, 30 requests a second by default; UserUpdate: the Admin* writes, 25/s; …) and
 * answers TooManyRequestsException beyond them. Running a token bucket per category in the tab lets
 * the users screen go as fast as the quota allows without being throttled, and shares the budget
 * between a background list load and a bulk run. Rates are configurable because accounts can raise
 * their quotas.
 */

export type QuotaCategory =
  | 'UserAuthentication'
  | 'UserCreation'
  | 'UserFederation'
  | 'UserAccountRecovery'
  | 'UserRead'
  | 'UserList'
  | 'UserUpdate'
  | 'UserResourceRead'
  | 'UserResourceUpdate'
  | 'UserToken'
  | 'UserPoolRead'
  | 'UserPoolUpdate'
  | 'UserPoolResourceRead'
  | 'UserPoolResourceUpdate'
  | 'UserPoolClientRead'
  | 'UserPoolClientUpdate'
  | 'ClientAuthentication';

/** Default requests per second per category, as the Amazon Cognito quotas page lists them. */
export const DEFAULT_QUOTAS: Readonly<Record<QuotaCategory, number>> = {
  UserAuthentication: 120,
  UserCreation: 50,
  UserFederation: 25,
  UserAccountRecovery: 30,
  UserRead: 120,
  UserList: 30,
  UserUpdate: 25,
  UserResourceRead: 50,
  UserResourceUpdate: 25,
  UserToken: 120,
  UserPoolRead: 15,
  UserPoolUpdate: 15,
  UserPoolResourceRead: 20,
  UserPoolResourceUpdate: 15,
  UserPoolClientRead: 15,
  UserPoolClientUpdate: 15,
  ClientAuthentication: 150,
};

/**
 * The category of each operation the users screen calls, per the quotas page's category table
 * (the emulator's mocks/model/quotas.ts follows the same table).
 */
export const OPERATION_CATEGORY: Readonly<Record<string, QuotaCategory>> = {
  ListUsers: 'UserList',
  ListUsersInGroup: 'UserList',
  AdminGetUser: 'UserRead',
  AdminCreateUser: 'UserCreation',
  AdminConfirmSignUp: 'UserCreation',
  AdminEnableUser: 'UserUpdate',
  AdminDisableUser: 'UserUpdate',
  AdminUserGlobalSignOut: 'UserUpdate',
  AdminDeleteUser: 'UserUpdate',
  AdminUpdateUserAttributes: 'UserUpdate',
  AdminDeleteUserAttributes: 'UserUpdate',
  ResendConfirmationCode: 'UserResourceRead',
  AdminResetUserPassword: 'UserAccountRecovery',
  AdminSetUserPassword: 'UserAccountRecovery',
  AdminAddUserToGroup: 'UserResourceUpdate',
  AdminRemoveUserFromGroup: 'UserResourceUpdate',
  AdminListGroupsForUser: 'UserResourceRead',
  ListGroups: 'UserPoolResourceRead',
  GetGroup: 'UserPoolResourceRead',
  DescribeUserPool: 'UserPoolRead',
  // The configuration review's reads (REFERENCE §3a).
  ListUserPoolReplicas: 'UserPoolRead',
  GetUserPoolMfaConfig: 'UserPoolResourceRead',
  DescribeRiskConfiguration: 'UserPoolResourceRead',
  DescribeUserPoolDomain: 'UserPoolResourceRead',
  ListUserPoolClients: 'UserPoolClientRead',
  DescribeUserPoolClient: 'UserPoolClientRead',
};

export function categoryOf(operation: string): QuotaCategory {
  return OPERATION_CATEGORY[operation] ?? 'UserRead';
}

// ---------------------------------------------------------------------------------------------
// Failure classification

const THROTTLE_CODES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const NETWORK_CODES = new Set([
  'NetworkError',
  'NetworkingError',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export type FailureKind = 'aborted' | 'throttled' | 'network' | 'server' | 'transient' | 'other';

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  status?: unknown;
  message?: unknown;
  cause?: unknown;
  retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * Sorts a failure into what a retry can fix. Works on raw SDK errors (name, $metadata), on the
 * app's AppError (code, status) and on fetch/Node network errors (TypeError, errno codes).
 */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== 'object' || error === null) return 'other';
  const e = error as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (name === 'AbortError' || code === 'AbortError') return 'aborted';
  if (THROTTLE_CODES.has(name) || THROTTLE_CODES.has(code)) return 'throttled';
  const status = typeof e.status === 'number' ? e.status : typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (status === 429) return 'throttled';
  if (NETWORK_CODES.has(name) || NETWORK_CODES.has(code)) return 'network';
  // fetch rejects with a TypeError when the network is down ("Failed to fetch", "fetch failed").
  if (name === 'TypeError' && typeof e.message === 'string' && /fetch|network|load failed/i.test(e.message)) return 'network';
  if (status !== undefined && status >= 500) return 'server';
  if (name === 'InternalErrorException' || code === 'InternalErrorException') return 'server';
  // AppError (src/aws/errors.ts) says when a retry can succeed, e.g. expired temporary credentials
  // that the credential provider refreshes.
  if (e.retryable === true) return 'transient';
  if (e.cause && e.cause !== error) {
    const inner = classifyFailure(e.cause);
    if (inner !== 'other') return inner;
  }
  return 'other';
}

/**
 * Which failures a call may be retried on. `transient` suits reads and idempotent writes. A
 * non-idempotent action (sending a code) uses `rejected-only`: it retries only answers proving
 * nothing was done (throttling, expired credentials), never a network error or server fault,
 * which may hide a request that was carried out.
 */
export type RetryPolicy = 'transient' | 'rejected-only' | 'none';

function shouldRetry(kind: FailureKind, policy: RetryPolicy): boolean {
  if (policy === 'none' || kind === 'aborted' || kind === 'other') return false;
  if (policy === 'rejected-only') return kind === 'throttled' || kind === 'transient';
  return true;
}

export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The operation was cancelled.');
  error.name = 'AbortError';
  return error;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Token bucket

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** A FIFO token bucket: `rate` tokens a second, at most `capacity` saved up. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly queue: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private rate: number,
    private capacity: number,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  get waiting(): number {
    return this.queue.length;
  }

  configure(rate: number, capacity: number): void {
    this.refill();
    this.rate = rate;
    this.capacity = capacity;
    this.tokens = Math.min(this.tokens, capacity);
    this.reschedule();
  }

  /** Waits for one token (first come, first served). */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.refill();
    if (this.queue.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(abortError(signal));
          this.reschedule();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.reschedule();
    });
  }

  /** After a throttling answer: spend what was saved up so every caller slows to the steady rate. */
  drain(): void {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
    this.reschedule();
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate);
  }

  private reschedule(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.refill();
    while (this.queue.length > 0 && this.tokens >= 1) {
      const waiter = this.queue.shift()!;
      this.tokens -= 1;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      waiter.resolve();
    }
    if (this.queue.length > 0) {
      const wait = Math.max(1, Math.ceil(((1 - this.tokens) / this.rate) * 1000));
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.reschedule();
      }, wait);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rate limiter

export interface RetryOptions {
  /** attempts in total, including the first (default 8) */
  maxAttempts: number;
  /** first backoff ceiling in ms (default 200) */
  baseDelayMs: number;
  /** largest backoff ceiling in ms (default 10 000) */
  maxDelayMs: number;
}

export interface RateLimiterOptions {
  /** requests per second per category; unspecified categories use DEFAULT_QUOTAS */
  quotas?: Partial<Record<QuotaCategory, number>>;
  /**
   * How many calls a category may save up, in seconds of its rate (default 0.2: 6 calls at 30/s).
   * Small on purpose: a quota enforced over a sliding second would throttle a full second's burst.
   */
  burstSeconds?: number;
  retry?: Partial<RetryOptions>;
  now?: () => number;
  /** uniform [0, 1) for the backoff jitter */
  random?: () => number;
}

export interface RetryInfo {
  category: QuotaCategory;
  attempt: number;
  delayMs: number;
  kind: FailureKind;
  error: unknown;
}

export interface RunOptions {
  signal?: AbortSignal;
  retry?: RetryPolicy;
  onRetry?: (info: RetryInfo) => void;
}

export interface CategoryStats {
  calls: number;
  throttled: number;
  retries: number;
}

export class RateLimiter {
  private readonly buckets = new Map<QuotaCategory, TokenBucket>();
  private readonly counters = new Map<QuotaCategory, CategoryStats>();
  private readonly quotas: Record<QuotaCategory, number>;
  private readonly burstSeconds: number;
  private readonly retryOptions: RetryOptions;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(options: RateLimiterOptions = {}) {
    this.quotas = { ...DEFAULT_QUOTAS, ...definedOnly(options.quotas) };
    this.burstSeconds = options.burstSeconds ?? 0.2;
    this.retryOptions = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000, ...options.retry };
    this.now = options.now ?? (() => Date.now());
    this.random = options.random ?? Math.random;
  }

  quota(category: QuotaCategory): number {
    return this.quotas[category];
  }

  setQuota(category: QuotaCategory, ratePerSecond: number): void {
    if (!(ratePerSecond > 0)) throw new RangeError(`A quota must be a positive number of requests a second (got ${ratePerSecond}).`);
    this.quotas[category] = ratePerSecond;
    this.buckets.get(category)?.configure(ratePerSecond, this.capacityFor(ratePerSecond));
  }

  stats(category: QuotaCategory): CategoryStats {
    return { ...this.counter(category) };
  }

  /** Waits until the category's quota allows one more call. */
  acquire(category: QuotaCategory, signal?: AbortSignal): Promise<void> {
    return this.bucket(category).take(signal);
  }

  /** Tells the limiter Cognito answered with throttling outside `run` (e.g. another code path). */
  noteThrottled(category: QuotaCategory): void {
    this.counter(category).throttled += 1;
    this.bucket(category).drain();
  }

  /**
   * Runs one call within the category's quota, retrying what `policy` allows with exponential
   * backoff and full jitter (sleep uniformly in [0, min(max, base·2^attempt)]), so parallel
   * callers that were throttled together do not come back together.
   */
  async run<T>(category: QuotaCategory, task: (signal?: AbortSignal) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const { signal, retry = 'transient', onRetry } = options;
    const counter = this.counter(category);
    for (let attempt = 1; ; attempt += 1) {
      await this.acquire(category, signal);
      counter.calls += 1;
      try {
        return await task(signal);
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        const kind = classifyFailure(error);
        if (kind === 'throttled') this.noteThrottled(category);
        if (!shouldRetry(kind, retry) || attempt >= this.retryOptions.maxAttempts) throw error;
        const ceiling = Math.min(this.retryOptions.maxDelayMs, this.retryOptions.baseDelayMs * 2 ** (attempt - 1));
        const delayMs = Math.floor(this.random() * ceiling);
        counter.retries += 1;
        onRetry?.({ category, attempt, delayMs, kind, error });
        await sleep(delayMs, signal);
      }
    }
  }

  private capacityFor(rate: number): number {
    return Math.max(1, Math.floor(rate * this.burstSeconds));
  }

  private bucket(category: QuotaCategory): TokenBucket {
    let bucket = this.buckets.get(category);
    if (!bucket) {
      const rate = this.quotas[category];
      bucket = new TokenBucket(rate, this.capacityFor(rate), this.now);
      this.buckets.set(category, bucket);
    }
    return bucket;
  }

  private counter(category: QuotaCategory): CategoryStats {
    let counter = this.counters.get(category);
    if (!counter) {
      counter = { calls: 0, throttled: 0, retries: 0 };
      this.counters.set(category, counter);
    }
    return counter;
  }
}

function definedOnly(quotas: Partial<Record<QuotaCategory, number>> | undefined): Partial<Record<QuotaCategory, number>> {
  const result: Partial<Record<QuotaCategory, number>> = {};
  for (const [category, rate] of Object.entries(quotas ?? {}) as [QuotaCategory, number | undefined][]) {
    if (rate !== undefined) {
      if (!(rate > 0)) throw new RangeError(`A quota must be a positive number of requests a second (${category}: ${rate}).`);
      result[category] = rate;
    }
  }
  return result;
}

/**
 * One limiter per client object: every screen using the same signed-in client shares the
 * account's quota, and a new sign-in (new client) starts fresh.
 */
const shared = new WeakMap<object, RateLimiter>();
export function sharedRateLimiter(owner: object, options?: RateLimiterOptions): RateLimiter {
  let limiter = shared.get(owner);
  if (!limiter) {
    limiter = new RateLimiter(options);
    shared.set(owner, limiter);
  }
  return limiter;
}
