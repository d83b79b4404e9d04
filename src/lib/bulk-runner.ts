/**
 * Runs one action over many users (the users screen's bulk actions, the email screen's resend to
 * the unconfirmed backlog) within the action's quota, and accounts for every user:
 * done, skipped (and why), failed (and why), or not run (cancelled, or stopped by a failure that
 * would fail every user alike). Nothing is applied twice: the input is de-duplicated, each user is
 * claimed once per run, a ledger carried between runs refuses users already done, and
 * non-idempotent actions retry only answers that prove nothing happened.
 */
import { toAppError } from '@/aws/errors';
import { abortError, classifyFailure, type QuotaCategory, type RateLimiter, type RetryPolicy } from '@/aws/rate-limiter';
import type { AppUser } from '@/aws/user-types';
import { csvRecord, CSV_BOM } from './csv';

export interface BulkItem {
  key: string;
  user: AppUser;
  /** undefined when group membership is not known */
  groups: readonly string[] | undefined;
}

export type BulkOutcome = 'done' | 'skipped' | 'failed' | 'not-run';

export interface BulkResult {
  key: string;
  username: string;
  outcome: BulkOutcome;
  /** what was done, why it was skipped, why it failed or was not run */
  message: string;
  /** error code for failures */
  code?: string;
}

export interface BulkTask {
  label: string;
  /** why this user is left alone, or undefined to go ahead */
  skip?: (item: BulkItem) => string | undefined;
  category: (item: BulkItem) => QuotaCategory;
  retry: RetryPolicy;
  /** carries out the action; the returned text says what was done */
  apply: (item: BulkItem) => Promise<string | void>;
  /** a failure that means the user is already as the action wants: skipped with this reason */
  alreadyDone?: (error: { code: string; message: string; detail?: string }, item: BulkItem) => string | undefined;
  /** a failure that every remaining user would hit too: stop the run */
  isFatal?: (error: { code: string; reauthenticate?: boolean }) => boolean;
}

export interface BulkProgress {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  notRun: number;
  /** users whose call is underway */
  running: number;
  retries: number;
}

export interface BulkSummary extends BulkProgress {
  results: BulkResult[];
  cancelled: boolean;
  /** the failure that stopped the run early */
  stoppedBy?: { code: string; message: string };
}

/** Keys applied successfully, carried from run to run so a retry never repeats them. */
export type BulkLedger = Set<string>;

export interface RunBulkOptions {
  items: readonly BulkItem[];
  task: BulkTask;
  limiter: RateLimiter;
  /** calls in flight at most (default 8); the limiter sets the pace */
  concurrency?: number;
  signal?: AbortSignal;
  ledger?: BulkLedger;
  onResult?: (result: BulkResult, item: BulkItem) => void;
  onProgress?: (progress: BulkProgress) => void;
}

const DEFAULT_FATAL = (error: { code: string; reauthenticate?: boolean }) =>
  error.reauthenticate === true || error.code === 'AccessDeniedException' || error.code === 'AccessDenied';

export async function runBulk(options: RunBulkOptions): Promise<BulkSummary> {
  const { task, limiter, concurrency = 8, signal, ledger, onResult, onProgress } = options;
  const isFatal = task.isFatal ?? DEFAULT_FATAL;

  // One entry per user, whatever the selection handed over.
  const unique = new Map<string, BulkItem>();
  for (const item of options.items) if (!unique.has(item.key)) unique.set(item.key, item);
  const items = [...unique.values()];

  const results = new Map<string, BulkResult>();
  const progress: BulkProgress = { total: items.length, done: 0, skipped: 0, failed: 0, notRun: 0, running: 0, retries: 0 };
  let stoppedBy: BulkSummary['stoppedBy'];
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onOuterAbort, { once: true });

  const record = (item: BulkItem, outcome: BulkOutcome, message: string, code?: string) => {
    if (results.has(item.key)) return;
    const result: BulkResult = { key: item.key, username: item.user.username, outcome, message, ...(code ? { code } : {}) };
    results.set(item.key, result);
    if (outcome === 'done') progress.done += 1;
    else if (outcome === 'skipped') progress.skipped += 1;
    else if (outcome === 'failed') progress.failed += 1;
    else progress.notRun += 1;
    onResult?.(result, item);
    onProgress?.({ ...progress });
  };

  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop.signal.aborted) {
      const item = items[next++]!;
      if (ledger?.has(item.key)) {
        record(item, 'skipped', 'Already done in an earlier run of this action.');
        continue;
      }
      const reason = task.skip?.(item);
      if (reason) {
        record(item, 'skipped', reason);
        continue;
      }
      progress.running += 1;
      onProgress?.({ ...progress });
      try {
        // The stop signal ends waits for the quota and backoff sleeps, never a request already
        // sent: its outcome is recorded as it really is, so a cancelled run reports the truth.
        const message = await limiter.run(task.category(item), () => task.apply(item), {
          signal: stop.signal,
          retry: task.retry,
          onRetry: () => {
            progress.retries += 1;
          },
        });
        progress.running -= 1;
        ledger?.add(item.key);
        record(item, 'done', message || 'Done.');
      } catch (error) {
        progress.running -= 1;
        if (stop.signal.aborted && classifyFailure(error) === 'aborted') {
          // Stopped while waiting for the quota or a backoff: this attempt was never sent.
          record(item, 'not-run', stoppedBy ? `Not attempted: ${stoppedBy.message}` : 'Cancelled before this user was processed.');
          continue;
        }
        const appError = toAppError(error);
        const already = task.alreadyDone?.(appError, item);
        if (already) {
          ledger?.add(item.key);
          record(item, 'skipped', already);
          continue;
        }
        if (appError.code === 'SelfLockoutRefused') {
          record(item, 'skipped', appError.message);
          continue;
        }
        const network = classifyFailure(error) === 'network' && task.retry === 'rejected-only';
        record(
          item,
          'failed',
          network ? `${appError.message} The request may have reached AWS; check before retrying this user.` : appError.message,
          appError.code,
        );
        if (isFatal(appError) && !stoppedBy) {
          stoppedBy = { code: appError.code, message: appError.message };
          stop.abort(abortError());
        }
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  } finally {
    signal?.removeEventListener('abort', onOuterAbort);
  }

  for (const item of items) {
    if (!results.has(item.key)) {
      record(item, 'not-run', stoppedBy ? `Not attempted: ${stoppedBy.message}` : 'Cancelled before this user was processed.');
    }
  }

  return {
    ...progress,
    running: 0,
    results: items.map((item) => results.get(item.key)!),
    cancelled: signal?.aborted === true,
    ...(stoppedBy ? { stoppedBy } : {}),
  };
}

/** The users a "retry failures" run takes: failed or not run, never done or skipped. */
export function itemsToRetry(summary: Pick<BulkSummary, 'results'>, items: readonly BulkItem[]): BulkItem[] {
  const retry = new Set(summary.results.filter((r) => r.outcome === 'failed' || r.outcome === 'not-run').map((r) => r.key));
  return items.filter((item) => retry.has(item.key));
}

/** Merges a retry's results into the previous run's, user by user. */
export function mergeResults(previous: readonly BulkResult[], retried: readonly BulkResult[]): BulkResult[] {
  const byKey = new Map(retried.map((r) => [r.key, r]));
  return previous.map((r) => byKey.get(r.key) ?? r);
}

export function summarise(results: readonly BulkResult[]): Pick<BulkProgress, 'total' | 'done' | 'skipped' | 'failed' | 'notRun'> {
  const count = (outcome: BulkOutcome) => results.filter((r) => r.outcome === outcome).length;
  return { total: results.length, done: count('done'), skipped: count('skipped'), failed: count('failed'), notRun: count('not-run') };
}

export function resultsToCsv(results: readonly BulkResult[]): string {
  let text = CSV_BOM + csvRecord(['username', 'sub', 'outcome', 'message', 'code']);
  for (const r of results) text += csvRecord([r.username, r.key, r.outcome, r.message, r.code ?? '']);
  return text;
}
