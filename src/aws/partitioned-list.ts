/**
 * Lists every user of a pool at the speed of the ListUsers quota rather than of the network.
 *
 * A ListUsers call returns at most 60 users and one pagination token, so paging one query is a
 * chain bound by latency (100 ms → 10 calls a second, a third of the default 30/s quota). The
 * key space is split instead: `sub` is a random UUID, so `sub ^= "0"` … `sub ^= "f"` are 16
 * disjoint queries of about equal size that cover every user, each paged as its own chain, all
 * within the shared rate limiter. A partition whose first page comes back full and that is
 * expected to hold far more than its share (a skewed key space) is split again ("0" → "00"…"0f");
 * splitting is not done blindly on a full first page, which would turn a 20 000-user pool into
 * 4 096 tiny partitions and double the number of calls.
 *
 * Every user is delivered once: the partitions are disjoint, a split partition's already
 * delivered first page is de-duplicated by `sub`, and a failure or cancel leaves a checkpoint from
 * which the load resumes without losing or repeating users. With a user filter there is nothing
 * to partition on (Cognito accepts one filter per call), so the filter is paged sequentially.
 */
import { abortError, classifyFailure, type QuotaCategory, type RateLimiter, type RetryInfo } from './rate-limiter';
import { userKey, type AppUser } from './user-types';

export interface ListPageRequest {
  filter?: string;
  paginationToken?: string;
  limit: number;
}

export interface ListPage {
  users: AppUser[];
  paginationToken?: string;
}

export type ListPageFn = (request: ListPageRequest, signal?: AbortSignal) => Promise<ListPage>;

export type ListMode = 'partitioned' | 'sequential';

export interface ListProgress {
  mode: ListMode;
  /** ListUsers calls answered */
  pages: number;
  /** distinct users delivered so far */
  users: number;
  /** users received again (a split partition's first page) and dropped */
  duplicates: number;
  /** DescribeUserPool's EstimatedNumberOfUsers, when known */
  estimatedTotal?: number;
  partitionsOpen: number;
  partitionsDone: number;
  partitionsSplit: number;
  /** calls retried after throttling or a network error */
  retries: number;
  throttled: number;
  elapsedMs: number;
}

interface Partition {
  /** the `sub` prefix, or null for the unpartitioned (sequential) query */
  prefix: string | null;
  filter?: string;
  token?: string;
  pagesDone: number;
  /** restarted once already after its pagination token was refused */
  restarted?: boolean;
}

/** Where an interrupted load stands; pass it back as `resume` to carry on. */
export interface ListCheckpoint {
  mode: ListMode;
  filter?: string;
  open: { prefix: string | null; token?: string; pagesDone: number }[];
  seen: Set<string>;
  progress: ListProgress;
}

export class ListInterruptedError extends Error {
  override name = 'ListInterruptedError';
  constructor(
    readonly reason: 'cancelled' | 'failed',
    readonly checkpoint: ListCheckpoint,
    cause: unknown,
  ) {
    super(
      reason === 'cancelled'
        ? 'Loading was cancelled.'
        : cause instanceof Error
          ? cause.message
          : 'Loading users failed.',
      { cause },
    );
  }
}

export interface ListAllUsersOptions {
  listPage: ListPageFn;
  limiter: RateLimiter;
  /** quota category of `listPage` (default UserList) */
  category?: QuotaCategory;
  /** a Cognito filter chosen by the operator; forces sequential paging */
  filter?: string;
  /** 'auto' (default) partitions unless a filter or a tiny pool makes that pointless */
  mode?: 'auto' | ListMode;
  estimatedTotal?: number;
  /** users delivered in the order pages arrive, each user once */
  onUsers: (users: AppUser[]) => void;
  onProgress?: (progress: ListProgress) => void;
  signal?: AbortSignal;
  resume?: ListCheckpoint;
  /** users a call asks for (Cognito's maximum is 60) */
  pageSize?: number;
  /** calls in flight at most (default 32); the rate limiter decides how many start each second */
  maxInFlight?: number;
  /** chains wanted in parallel before splitting stops (default 16) */
  targetChains?: number;
  /** a partition is split only if expected to need at least this many pages (default 4) */
  minPagesToSplit?: number;
  /** deepest prefix length (default 4: 65 536 partitions) */
  maxDepth?: number;
  now?: () => number;
}

export interface ListResult {
  mode: ListMode;
  progress: ListProgress;
}

const HEX = '0123456789abcdef';
/** Character positions of the dashes in a UUID (8-4-4-4-12). */
const DASH_POSITIONS = new Set([8, 13, 18, 23]);

/** The 16 sub-prefixes of a prefix, skipping over the UUID's fixed dashes. */
export function childPrefixes(prefix: string): string[] {
  const base = DASH_POSITIONS.has(prefix.length) ? `${prefix}-` : prefix;
  return [...HEX].map((digit) => base + digit);
}

/** Hex digits in a prefix (its depth in the split tree). */
function depthOf(prefix: string): number {
  return prefix.replace(/-/g, '').length;
}

export function subPrefixFilter(prefix: string): string {
  // Prefixes are hex digits and dashes only: nothing to escape.
  return `sub ^= "${prefix}"`;
}

/** Whether a failure means the pagination token itself is no longer accepted. */
function isRefusedToken(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; message?: unknown; detail?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : '';
  const text = `${typeof e?.message === 'string' ? e.message : ''} ${typeof e?.detail === 'string' ? e.detail : ''}`;
  return code === 'InvalidParameterException' && /pagination|token/i.test(text);
}

export async function listAllUsers(options: ListAllUsersOptions): Promise<ListResult> {
  const {
    listPage,
    limiter,
    category = 'UserList',
    filter,
    mode: requestedMode = 'auto',
    estimatedTotal,
    onUsers,
    onProgress,
    signal,
    resume,
    pageSize = 60,
    maxInFlight = 32,
    targetChains = 16,
    minPagesToSplit = 4,
    maxDepth = 4,
    now = () => Date.now(),
  } = options;

  if (signal?.aborted) throw abortError(signal);

  const startedAt = now() - (resume?.progress.elapsedMs ?? 0);
  const seen = new Set(resume?.seen ?? []);
  const auto: ListMode = estimatedTotal !== undefined && estimatedTotal <= pageSize * 2 ? 'sequential' : 'partitioned';
  const mode: ListMode = resume?.mode ?? (filter !== undefined ? 'sequential' : requestedMode === 'auto' ? auto : requestedMode);

  const progress: ListProgress = resume
    ? { ...resume.progress, estimatedTotal: estimatedTotal ?? resume.progress.estimatedTotal }
    : {
        mode,
        pages: 0,
        users: 0,
        duplicates: 0,
        estimatedTotal,
        partitionsOpen: 0,
        partitionsDone: 0,
        partitionsSplit: 0,
        retries: 0,
        throttled: 0,
        elapsedMs: 0,
      };

  /** partitions ready for their next call, served round-robin */
  const runnable: Partition[] = [];
  /** partitions whose full first page waits for the split decision */
  const awaitingDecision: Partition[] = [];
  /** calls in flight, per partition */
  const inFlight = new Set<Partition>();
  /** partitions with a started chain (a token) that are not split any more */
  let continuing = 0;
  /** first-page calls still out: the split decision waits for them (siblings tell the skew) */
  let probesOut = 0;

  const open = (): Partition[] => [...runnable, ...awaitingDecision, ...inFlight];

  if (resume) {
    for (const entry of resume.open) {
      const partition: Partition = { prefix: entry.prefix, filter: resume.filter, token: entry.token, pagesDone: entry.pagesDone };
      if (entry.pagesDone > 0) continuing += 1;
      runnable.push(partition);
    }
  } else if (mode === 'sequential') {
    runnable.push({ prefix: null, filter, pagesDone: 0 });
  } else {
    for (const prefix of childPrefixes('')) runnable.push({ prefix, pagesDone: 0 });
  }

  // Each call gets its own controller: one shared signal would collect a listener per call in
  // flight (Node warns past 10), and aborting `internal` aborts them all.
  const internal = new AbortController();
  const callControllers = new Set<AbortController>();
  internal.signal.addEventListener('abort', () => {
    for (const controller of callControllers) controller.abort(internal.signal.reason);
  });
  const onOuterAbort = () => internal.abort(signal?.reason);
  signal?.addEventListener('abort', onOuterAbort, { once: true });

  const report = () => {
    progress.partitionsOpen = open().length;
    progress.elapsedMs = now() - startedAt;
    onProgress?.({ ...progress });
  };

  const checkpoint = (): ListCheckpoint => ({
    mode,
    filter,
    // A partition waiting for the split decision resumes by paging on with its token.
    open: open().map((p) => ({ prefix: p.prefix, token: p.token, pagesDone: p.pagesDone })),
    seen: new Set(seen),
    progress: { ...progress, partitionsOpen: open().length, elapsedMs: now() - startedAt },
  });

  const deliver = (users: AppUser[]) => {
    const fresh: AppUser[] = [];
    for (const user of users) {
      const key = userKey(user);
      if (seen.has(key)) {
        progress.duplicates += 1;
        continue;
      }
      seen.add(key);
      fresh.push(user);
    }
    progress.users += fresh.length;
    if (fresh.length > 0) onUsers(fresh);
  };

  const decideSplits = () => {
    if (awaitingDecision.length === 0 || probesOut > 0) return;
    const candidates = awaitingDecision.splice(0);
    const chains = candidates.length + continuing;
    let split = false;
    if (estimatedTotal !== undefined && chains < targetChains) {
      // The rest of the pool, shared equally by the partitions known to be large.
      const remaining = Math.max(estimatedTotal - progress.users, 0);
      const perPartitionPages = remaining / chains / pageSize;
      split = perPartitionPages >= minPagesToSplit;
    }
    for (const partition of candidates) {
      const prefix = partition.prefix;
      if (split && prefix !== null && depthOf(prefix) < maxDepth) {
        // Its first page is already delivered; the children list it again and dedupe drops it.
        progress.partitionsSplit += 1;
        for (const child of childPrefixes(prefix)) runnable.push({ prefix: child, pagesDone: 0 });
      } else {
        continuing += 1;
        runnable.push(partition);
      }
    }
  };

  const onRetry = (info: RetryInfo) => {
    progress.retries += 1;
    if (info.kind === 'throttled') progress.throttled += 1;
  };

  const fetchPage = async (partition: Partition) => {
    const request: ListPageRequest = {
      filter: partition.prefix === null ? partition.filter : subPrefixFilter(partition.prefix),
      paginationToken: partition.token,
      limit: pageSize,
    };
    const controller = new AbortController();
    if (internal.signal.aborted) controller.abort(internal.signal.reason);
    callControllers.add(controller);
    try {
      return await limiter.run(category, (s) => listPage(request, s), { signal: controller.signal, retry: 'transient', onRetry });
    } catch (error) {
      if (partition.token !== undefined && !partition.restarted && isRefusedToken(error)) {
        // A resumed token may have expired: list the partition again from its start; dedupe
        // drops what was already delivered.
        partition.restarted = true;
        partition.token = undefined;
        return limiter.run(category, (s) => listPage({ ...request, paginationToken: undefined }, s), {
          signal: controller.signal,
          retry: 'transient',
          onRetry,
        });
      }
      throw error;
    } finally {
      callControllers.delete(controller);
    }
  };

  report();

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;

      const pump = () => {
        if (failed) return;
        decideSplits();
        while (inFlight.size < maxInFlight && runnable.length > 0) {
          const partition = runnable.shift()!;
          inFlight.add(partition);
          const isProbe = partition.pagesDone === 0 && partition.prefix !== null;
          if (isProbe) probesOut += 1;
          fetchPage(partition).then(
            (page) => {
              if (failed) return;
              inFlight.delete(partition);
              if (isProbe) probesOut -= 1;
              partition.pagesDone += 1;
              progress.pages += 1;
              deliver(page.users);
              partition.token = page.paginationToken || undefined;
              if (partition.token === undefined) {
                progress.partitionsDone += 1;
                if (partition.pagesDone > 1) continuing -= 1;
              } else if (isProbe && page.users.length >= pageSize) {
                awaitingDecision.push(partition);
              } else {
                if (partition.pagesDone === 1) continuing += 1;
                runnable.push(partition);
              }
              report();
              if (open().length === 0) resolve();
              else pump();
            },
            (error: unknown) => {
              if (failed) return;
              failed = true;
              inFlight.delete(partition);
              if (isProbe) probesOut -= 1;
              // The failed partition keeps its token: resuming asks for the same page again.
              runnable.unshift(partition);
              internal.abort();
              reject(error);
            },
          );
        }
        if (open().length === 0) resolve();
      };

      pump();
    });
  } catch (error) {
    // Calls still in flight were aborted with `internal`; their partitions were never advanced.
    const cancelled = signal?.aborted === true || classifyFailure(error) === 'aborted';
    throw new ListInterruptedError(cancelled ? 'cancelled' : 'failed', checkpoint(), error);
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }

  progress.partitionsOpen = 0;
  progress.elapsedMs = now() - startedAt;
  onProgress?.({ ...progress });
  return { mode, progress: { ...progress } };
}
