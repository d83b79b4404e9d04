/**
 * The run's progress, then its per-user outcome: done, skipped and why, failed and why, not run.
 * Failures can be retried (only them), and the whole list downloaded as CSV.
 */
import { useState } from 'react';
import { Alert } from '@/components/alert';
import { BULK_ACTIONS } from '../bulk/bulk-actions';
import { resultsToCsv, type BulkOutcome } from '@/lib/bulk-runner';
import { downloadBlob } from '../export/export-file';
import type { BulkState } from '../hooks/use-bulk-run';

const OUTCOME_LABELS: Record<BulkOutcome, string> = { done: 'Done', skipped: 'Skipped', failed: 'Failed', 'not-run': 'Not run' };
const SHOWN = 500;

export function BulkResults({
  state,
  onCancel,
  onRetry,
  onDismiss,
}: {
  state: Exclude<BulkState, { phase: 'idle' }>;
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
  return (
    <section className="users-bulk-results" aria-label={`${title}: results`}>
      <Alert
        tone={count('failed') > 0 || state.stoppedBy ? 'warning' : 'success'}
        title={`${title}: ${count('done')} done, ${count('skipped')} skipped, ${count('failed')} failed${count('not-run') ? `, ${count('not-run')} not run` : ''}`}
        actions={
          <>
            {retryable > 0 ? (
              <button type="button" className="button" onClick={onRetry}>
                Retry {retryable} failed or not run
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
        {state.stoppedBy ? <p>Stopped early: {state.stoppedBy.message}</p> : null}
        {state.cancelled ? <p>The run was cancelled; requests already sent finished and are listed as they went.</p> : null}
      </Alert>
      <div role="group" aria-label="Show results" className="users-bulk-results__filters">
        {(['all', 'done', 'skipped', 'failed', 'not-run'] as const).map((f) => (
          <button key={f} type="button" className="chip" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === 'all' ? 'All' : OUTCOME_LABELS[f]} <span className="chip__count">{f === 'all' ? results.length : count(f)}</span>
          </button>
        ))}
      </div>
      <table className="users-bulk-results__table">
        <caption className="visually-hidden">Result per user</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Outcome</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, SHOWN).map((r) => (
            <tr key={r.key} className={`users-bulk-results__row--${r.outcome}`}>
              <td>{r.username}</td>
              <td>{OUTCOME_LABELS[r.outcome]}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > SHOWN ? <p className="users-hint">Showing the first {SHOWN} of {shown.length.toLocaleString()}; the CSV holds every one.</p> : null}
    </section>
  );
}
