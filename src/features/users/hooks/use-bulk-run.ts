/**
 * A bulk run as the screen sees it: start, progress, cancel, per-user results, retry of the
 * failures only (same ledger: what was done is never done again), and the loaded lists patched
 * as users change — in batches, so 10 000 results do not re-render 10 000 times.
 *
 * Every run is journalled in sessionStorage (bulk/bulk-journal.ts): a reload mid-run shows what
 * was done and offers to resume the rest; a finished run's results stay until closed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminContextValue } from '@/aws/admin-context';
import { usersRateLimiter } from '@/aws/users';
import { markDeleted } from '../api/deleted-users';
import { applyUserChanges } from '../api/users-queries';
import type { UserChange } from '../api/users-load';
import { bulkTask, changeOf, type BulkActionKind } from '../bulk/bulk-actions';
import { itemsToRetry, mergeResults, runBulk, summarise, type BulkItem, type BulkLedger, type BulkProgress, type BulkResult } from '@/lib/bulk-runner';
import { BulkJournal, clearJournal, itemFromJournal, journalUser, readJournal, recoveredResults, sessionStore } from '../bulk/bulk-journal';
import { displayName } from '../detail/display-name';

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
      /** restored after a reload that cut the run off */
      interrupted?: boolean;
    };

interface Session {
  kind: BulkActionKind;
  group?: string;
  ledger: BulkLedger;
  items: BulkItem[];
  results: BulkResult[];
}

/** The run this tab's journal holds for the pool, as the screen shows it after a reload. */
function restore(ctx: AdminContextValue): { state: BulkState; session: Session | null } {
  const journal = readJournal(sessionStore(), ctx.userPoolId);
  if (!journal) return { state: { phase: 'idle' }, session: null };
  const repeatable = bulkTask(ctx, journal.kind, journal.group).retry !== 'rejected-only';
  const results = journal.ended ? journal.results : recoveredResults(journal, repeatable);
  const ledger: BulkLedger = new Set(results.filter((r) => r.outcome === 'done').map((r) => r.key));
  const session: Session = { kind: journal.kind, group: journal.group, ledger, items: journal.users.map(itemFromJournal), results };
  return {
    state: { phase: 'finished', kind: journal.kind, ...(journal.group ? { group: journal.group } : {}), results, cancelled: false, ...(journal.ended ? {} : { interrupted: true }) },
    session,
  };
}

/**
 * `loaded`: the users as the list has them now, so a resumed run acts on fresh status and group
 * membership rather than what was known before the reload.
 */
export function useBulkRun(ctx: AdminContextValue, loaded?: readonly BulkItem[]) {
  const queryClient = useQueryClient();
  const [initial] = useState(() => restore(ctx));
  const [state, setState] = useState<BulkState>(initial.state);
  const running = useRef(false);
  const controller = useRef<AbortController | null>(null);
  const session = useRef<Session | null>(initial.session);
  const lookup = useRef(loaded);
  useEffect(() => {
    lookup.current = loaded;
  }, [loaded]);

  // Leaving the screen stops the run (requests under way finish and are journalled).
  useEffect(() => () => controller.current?.abort(), []);

  const execute = useCallback(
    async (kind: BulkActionKind, group: string | undefined, items: BulkItem[], previous: BulkResult[] | null) => {
      if (running.current) return;
      running.current = true;
      const abort = new AbortController();
      controller.current = abort;
      const ledger = previous && session.current ? session.current.ledger : new Set<string>();
      const allItems = previous && session.current ? session.current.items : items;
      const task = bulkTask(ctx, kind, group);
      const journal = new BulkJournal(sessionStore(), ctx.userPoolId, {
        kind,
        ...(group ? { group } : {}),
        startedAt: Date.now(),
        users: allItems.map(journalUser),
        results: previous ? [...previous] : [],
      });
      // A second code or invitation must never go out because of a reload: note each before it is sent.
      const writeBeforeSending = task.retry === 'rejected-only';
      const journalled = {
        ...task,
        apply: (item: BulkItem) => {
          journal.started(item.key, writeBeforeSending);
          return task.apply(item);
        },
      };
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
          task: journalled,
          limiter: usersRateLimiter(ctx),
          signal: abort.signal,
          ledger,
          onResult: (result, item) => {
            journal.result(result);
            const gone = kind === 'delete' && (result.outcome === 'done' || result.message === 'Already deleted.');
            if (gone) markDeleted(queryClient, ctx.userPoolId, item.user, displayName(item.user));
            const applied = result.outcome === 'done' ? change : gone ? ({ type: 'deleted' } as const) : undefined;
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
        journal.end(results);
        session.current = { kind, group, ledger, items: allItems, results };
        setState({ phase: 'finished', kind, group, results, cancelled: summary.cancelled, ...(summary.stoppedBy ? { stoppedBy: summary.stoppedBy } : {}) });
      } finally {
        journal.dispose();
        running.current = false;
        controller.current = null;
      }
    },
    [ctx, queryClient],
  );

  const start = useCallback((kind: BulkActionKind, group: string | undefined, items: BulkItem[]) => execute(kind, group, items, null), [execute]);

  /** Failed and not-run users again — after a reload, that is the rest of the interrupted run. */
  const retryFailed = useCallback(() => {
    const s = session.current;
    if (!s) return Promise.resolve();
    const now = new Map(lookup.current?.map((item) => [item.key, item]));
    const fresh = itemsToRetry({ results: s.results }, s.items).map((item) => now.get(item.key) ?? item);
    return execute(s.kind, s.group, fresh, s.results);
  }, [execute]);

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => {
    if (running.current) return;
    session.current = null;
    clearJournal(sessionStore(), ctx.userPoolId);
    setState({ phase: 'idle' });
  }, [ctx.userPoolId]);

  const counts = state.phase === 'finished' ? summarise(state.results) : undefined;
  return { state, counts, start, retryFailed, cancel, dismiss };
}
