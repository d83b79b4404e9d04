import { useCallback, useEffect, useRef, useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError, type AppError } from '@/aws/errors';
import { usersRateLimiter, listUsers } from '@/aws/users';
import { userKey, type AppUser } from '@/aws/user-types';
import { itemsToRetry, mergeResults, runBulk, type BulkItem, type BulkLedger, type BulkProgress, type BulkResult } from '@/lib/bulk-runner';
import { filterExpression } from '@/lib/cognito-filter';
import { resendBacklogTask } from '../model/backlog-run';
import { sentLog } from '../model/sent-log';

export type BacklogLoad =
  | { phase: 'loading'; users: AppUser[] }
  | { phase: 'loaded'; users: AppUser[] }
  | { phase: 'failed'; users: AppUser[]; error: AppError };

/** Every UNCONFIRMED user, streamed in through the partitioned loader (sequential with a filter). */
export function useUnconfirmedUsers() {
  const ctx = useAdminContext();
  const [state, setState] = useState<BacklogLoad>({ phase: 'loading', users: [] });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    const users: AppUser[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const publish = () => {
      timer = undefined;
      setState({ phase: 'loading', users: [...users] });
    };
    listUsers(ctx, {
      filter: filterExpression('cognito:user_status', 'equals', 'UNCONFIRMED'),
      signal: abort.signal,
      onUsers: (page) => {
        users.push(...page);
        timer ??= setTimeout(publish, 150);
      },
    })
      .then(() => setState({ phase: 'loaded', users: [...users] }))
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setState({ phase: 'failed', users: [...users], error: toAppError(error) });
      })
      .finally(() => clearTimeout(timer));
    return () => abort.abort();
  }, [ctx, generation]);

  const reload = useCallback(() => {
    setState({ phase: 'loading', users: [] });
    setGeneration((g) => g + 1);
  }, []);
  return { ...state, reload };
}

export type BacklogRun =
  | { phase: 'idle' }
  | { phase: 'running'; progress: BulkProgress; budget: number }
  | { phase: 'finished'; results: BulkResult[]; cancelled: boolean; stoppedBy?: { message: string }; reserveReached: boolean; budget: number };

/**
 * The resend run over the backlog: the shared bulk runner with the budget task; retry takes the
 * failures only, with the same ledger, so no user is sent a code twice by this screen.
 */
export function useBacklogRun() {
  const ctx = useAdminContext();
  const [run, setRun] = useState<BacklogRun>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const session = useRef<{ ledger: BulkLedger; items: BulkItem[]; results: BulkResult[] } | null>(null);

  const execute = useCallback(
    async (items: BulkItem[], budget: number, previous: BulkResult[] | null) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      const ledger = previous && session.current ? session.current.ledger : new Set<string>();
      const task = resendBacklogTask(ctx, {
        budget,
        onSent: (user, via) => sentLog.recordSend(ctx.userPoolId, user.username, via === 'cognito-default'),
        // A retry carries the ledger; a new run skips whoever this tab reached in the last hour.
        ...(previous ? {} : { recentlySent: (user: AppUser) => sentLog.resendsLastHour(ctx.userPoolId, user.username) > 0 }),
      });
      const empty = { total: items.length, done: 0, skipped: 0, failed: 0, notRun: 0, running: 0, retries: 0 };
      setRun({ phase: 'running', progress: empty, budget });
      try {
        const summary = await runBulk({
          items,
          task,
          limiter: usersRateLimiter(ctx),
          signal: abort.signal,
          ledger,
          onProgress: (progress) => setRun({ phase: 'running', progress, budget }),
        });
        const results = previous ? mergeResults(previous, summary.results) : summary.results;
        session.current = { ledger, items: previous && session.current ? session.current.items : items, results };
        setRun({
          phase: 'finished',
          results,
          cancelled: summary.cancelled,
          reserveReached: task.reserveReached(),
          budget,
          ...(summary.stoppedBy ? { stoppedBy: { message: summary.stoppedBy.message } } : {}),
        });
      } finally {
        controller.current = null;
      }
    },
    [ctx],
  );

  const start = useCallback(
    (users: readonly AppUser[], budget: number) => execute(users.map((user) => ({ key: userKey(user), user, groups: undefined })), budget, null),
    [execute],
  );
  const retryFailed = useCallback(
    (budget: number) => {
      const current = session.current;
      if (!current) return Promise.resolve();
      return execute(itemsToRetry({ results: current.results }, current.items), budget, current.results);
    },
    [execute],
  );
  // A reload or closing the tab ends the run (requests under way finish, the rest are never sent):
  // the browser asks first.
  const running = run.phase === 'running';
  useEffect(() => {
    if (!running) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [running]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => {
    if (controller.current) return;
    session.current = null;
    setRun({ phase: 'idle' });
  }, []);
  return { run, start, retryFailed, cancel, dismiss };
}
