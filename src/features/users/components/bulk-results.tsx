/**
 * The run's progress, then its per-user outcome: done, skipped and why, failed and why, not run.
 * Failures can be retried (only them), and the whole list downloaded as CSV.
 */
import { useState } from 'react';
import { Alert } from '@/components/alert';
import { BulkResultTable } from '@/components/bulk-result-table';
import { resultsToCsv, type BulkOutcome, type BulkResult } from '@/lib/bulk-runner';
import { BULK_ACTIONS, isPrivilegeGrant } from '../bulk/bulk-actions';
import { downloadBlob } from '../export/export-file';
import type { BulkState } from '../hooks/use-bulk-run';

const OUTCOME_LABELS: Record<BulkOutcome, string> = { done: 'Done', skipped: 'Skipped', failed: 'Failed', 'not-run': 'Not run' };
const SHOWN = 500;

/** Who a result is about: the email first where the username is a generated UUID, the username beside it. */
function ResultUser({ result }: { result: BulkResult }) {
  if (!result.email || result.email === result.username) return <>{result.username}</>;
  return (
    <>
      {result.email} <span className="users-bulk-results__username">{result.username}</span>
    </>
  );
}

export function BulkResults({
  state,
  adminGroup,
  onCancel,
  onRetry,
  onDismiss,
}: {
  state: Exclude<BulkState, { phase: 'idle' }>;
  adminGroup: string;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}) {
  const [filter, setFilter] = useState<BulkOutcome | 'all'>('all');
  const label = BULK_ACTIONS.find((a) => a.kind === state.kind)!.label;
  const title = state.group ? `${label} “${state.group}”` : label;

  if (state.phase === 'running') {
    const p = state.progress;
    const finished = p.done + p.skipped + p.failed + p.notRun;
    return (
      <section className="users-bulk-results" aria-label={`${title}: running`}>
        <progress max={p.total} value={finished} aria-label={`${title} progress`} />
        <span>
          {title}: {finished.toLocaleString()} of {p.total.toLocaleString()} — {p.done} done, {p.skipped} skipped, {p.failed} failed
          {p.retries > 0 ? `, ${p.retries} retried after throttling` : ''}.
        </span>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel run
        </button>
      </section>
    );
  }

  const results = state.results;
  const count = (outcome: BulkOutcome) => results.filter((r) => r.outcome === outcome).length;
  const retryable = count('failed') + count('not-run');
  const shown = results.filter((r) => filter === 'all' || r.outcome === filter);
  // Administrator access granted is listed on its own: it is what a reviewer must be able to find.
  const granted = isPrivilegeGrant(state.kind, state.group, adminGroup) ? results.filter((r) => r.outcome === 'done') : [];
  return (
    <section className="users-bulk-results" aria-label={`${title}: results`}>
      <Alert
        tone={count('failed') > 0 || state.stoppedBy ? 'warning' : 'success'}
        title={`${title}: ${count('done')} done, ${count('skipped')} skipped, ${count('failed')} failed${count('not-run') ? `, ${count('not-run')} not run` : ''}`}
        actions={
          <>
            {retryable > 0 ? (
              <button type="button" className={state.interrupted ? 'button button--primary' : 'button'} onClick={onRetry}>
                {state.interrupted ? `Resume the remaining ${retryable.toLocaleString()}` : `Retry ${retryable.toLocaleString()} failed or not run`}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={() => downloadBlob(new Blob([resultsToCsv(results)], { type: 'text/csv;charset=utf-8' }), `bulk-${state.kind}-results.csv`)}
            >
              Download results (CSV)
            </button>
            <button type="button" className="button" onClick={onDismiss}>
              Close
            </button>
          </>
        }
      >
        {state.interrupted ? (
          <p>
            The page was reloaded while this ran. What was done before is listed below and is not done again;{' '}
            {retryable > 0 ? `${retryable.toLocaleString()} ${retryable === 1 ? 'user was' : 'users were'} not reached and can be resumed.` : 'every user had been reached.'}
          </p>
        ) : null}
        {state.stoppedBy ? <p>Stopped early: {state.stoppedBy.message}</p> : null}
        {state.cancelled ? <p>The run was cancelled; requests already sent finished and are listed as they went.</p> : null}
      </Alert>
      {granted.length > 0 ? (
        <Alert tone="warning" title={`Administrator access granted to ${granted.length === 1 ? 'one user' : `${granted.length.toLocaleString()} users`}`}>
          <p>These users are now in “{adminGroup}” and have full control of the pool. Remove any that should not from the group.</p>
          <ul aria-label="Users given administrator access">
            {granted.slice(0, SHOWN).map((r) => (
              <li key={r.key}>
                <ResultUser result={r} />
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div role="group" aria-label="Show results" className="users-bulk-results__filters">
        {(['all', 'done', 'skipped', 'failed', 'not-run'] as const).map((f) => (
          <button key={f} type="button" className="chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? 'All' : OUTCOME_LABELS[f]} <span className="chip__count">{f === 'all' ? results.length : count(f)}</span>
          </button>
        ))}
      </div>
      <BulkResultTable results={shown} limit={SHOWN} outcomeLabels={OUTCOME_LABELS} user={(r) => <ResultUser result={r} />} className="users-bulk-results" />
      {shown.length > SHOWN ? <p className="users-hint">Showing the first {SHOWN} of {shown.length.toLocaleString()}; the CSV holds every one.</p> : null}
    </section>
  );
}
