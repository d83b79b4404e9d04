/**
 * A bulk run as the screen sees it: start, progress, cancel, per-user results, retry of the
 * failures only (same ledger: what was done is never done again), and the loaded lists patched
 * as users change — in batches, so 10 000 results do not re-render 10 000 times.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { AdminContextValue } from '@/aws/admin-context';
import { usersRateLimiter } from '@/aws/users';
import { applyUserChanges } from '../api/users-queries';
import type { UserChange } from '../api/users-load';
import { bulkTask, changeOf, type BulkActionKind } from '../bulk/bulk-actions';
import { itemsToRetry, mergeResults, runBulk, summarise, type BulkItem, type BulkLedger, type BulkProgress, type BulkResult } from '@/lib/bulk-runner';

export type BulkState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: BulkActionKind; group?: string; progress: BulkProgress }
  | {
      phase: 'finished';
      kind: BulkActionKind;
      group?: string;
      results: BulkResult[];
      cancelled: boolean;
      stoppedBy?: { code: string; message: string };
    };

export function useBulkRun(ctx: AdminContextValue) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<BulkState>({ phase: 'idle' });
  const running = useRef(false);
  const controller = useRef<AbortController | null>(null);
  const session = useRef<{ kind: BulkActionKind; group?: string; ledger: BulkLedger; items: BulkItem[]; results: BulkResult[] } | null>(null);

  const execute = useCallback(
    async (kind: BulkActionKind, group: string | undefined, items: BulkItem[], previous: BulkResult[] | null) => {
      if (running.current) return;
      running.current = true;
      const abort = new AbortController();
      controller.current = abort;
      const ledger = previous && session.current ? session.current.ledger : new Set<string>();
      const pending: [string, UserChange][] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flushChanges = () => {
        timer = undefined;
        applyUserChanges(queryClient, ctx.userPoolId, pending.splice(0));
      };
      const change = changeOf(kind, group);
      setState({ phase: 'running', kind, group, progress: { total: items.length, done: 0, skipped: 0, failed: 0, notRun: 0, running: 0, retries: 0 } });
      try {
        const summary = await runBulk({
          items,
          task: bulkTask(ctx, kind, group),
          limiter: usersRateLimiter(ctx),
          signal: abort.signal,
          ledger,
          onResult: (result) => {
            const applied = result.outcome === 'done' ? change : kind === 'delete' && result.message === 'Already deleted.' ? ({ type: 'deleted' } as const) : undefined;
            if (applied) {
              pending.push([result.key, applied]);
              timer ??= setTimeout(flushChanges, 300);
            }
          },
          onProgress: (progress) => setState({ phase: 'running', kind, group, progress }),
        });
        if (timer !== undefined) clearTimeout(timer);
        flushChanges();
        const results = previous ? mergeResults(previous, summary.results) : summary.results;
        session.current = { kind, group, ledger, items: previous && session.current ? session.current.items : items, results };
        setState({ phase: 'finished', kind, group, results, cancelled: summary.cancelled, ...(summary.stoppedBy ? { stoppedBy: summary.stoppedBy } : {}) });
      } finally {
        running.current = false;
        controller.current = null;
      }
    },
    [ctx, queryClient],
  );

  const start = useCallback((kind: BulkActionKind, group: string | undefined, items: BulkItem[]) => execute(kind, group, items, null), [execute]);

  const retryFailed = useCallback(() => {
    const current = session.current;
    if (!current) return Promise.resolve();
    return execute(current.kind, current.group, itemsToRetry({ results: current.results }, current.items), current.results);
  }, [execute]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => {
    if (running.current) return;
    session.current = null;
    setState({ phase: 'idle' });
  }, []);

  const counts = state.phase === 'finished' ? summarise(state.results) : undefined;
  return { state, counts, start, retryFailed, cancel, dismiss };
}
