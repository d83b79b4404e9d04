/**
 * Where the streaming load stands: a progress bar against Cognito's estimate, the count, how it
 * is listing (partitioned or sequential), throttling seen, and Cancel / Resume.
 */
import type { ListProgress } from '@/aws/partitioned-list';
import { Alert } from '@/components/alert';
import { countOf } from '@/lib/format';
import type { UsersLoadSnapshot } from '../api/users-load';

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

function how(progress: ListProgress): string {
  if (progress.mode === 'sequential') return 'one page at a time (a server filter allows no partitioning)';
  const split = progress.partitionsSplit > 0 ? `, ${progress.partitionsSplit} split further` : '';
  return `in parallel partitions${split}`;
}

export function LoadProgress({ snapshot, onCancel, onResume }: { snapshot: UsersLoadSnapshot; onCancel: () => void; onResume: () => void }) {
  const { status, progress, rows, error } = snapshot;
  const loaded = rows.length;
  const estimate = progress?.estimatedTotal;
  const throttled =
    progress && progress.throttled > 0 ? ` AWS throttled ${countOf(progress.throttled, 'request')}; ${progress.throttled === 1 ? 'it was' : 'they were'} retried.` : '';

  if (status === 'failed' && error) {
    return (
      <Alert
        tone="error"
        title={`Loading stopped after ${countOf(loaded, 'user')}`}
        actions={
          <button type="button" className="button" onClick={onResume}>
            Resume loading
          </button>
        }
      >
        <p>{error.message}</p>
        <p>The users already loaded stay; resuming carries on where it stopped.</p>
      </Alert>
    );
  }

  if (status === 'cancelled') {
    return (
      <div className="users-progress" role="status">
        <span>
          Loading cancelled at {countOf(loaded, 'user')}
          {estimate ? ` of about ${estimate.toLocaleString()}` : ''}. Filters, sort and export work on these.
        </span>
        <button type="button" className="button button--small" onClick={onResume}>
          Resume loading
        </button>
      </div>
    );
  }

  if (status === 'done') {
    return (
      <div className="users-progress users-progress--done" role="status">
        {loaded === 1 ? 'The only user' : `All ${countOf(loaded, 'user')}`} loaded
        {progress ? ` in ${seconds(progress.elapsedMs)} (${countOf(progress.pages, 'ListUsers call')}, ${how(progress)})` : ''}.{throttled}
      </div>
    );
  }

  const max = estimate && estimate > 0 ? Math.max(estimate, loaded) : undefined;
  return (
    // No live region while loading: a count announced every few hundred ms would drown a screen
    // reader. The finished and stopped states above are announced.
    <div className="users-progress">
      <progress className="users-progress__bar" max={max} value={max ? loaded : undefined} aria-label="Users loaded" />
      <span>
        Loading… {countOf(loaded, 'user')}
        {max ? ` of about ${max.toLocaleString()}` : ''}
        {progress ? ` · ${seconds(progress.elapsedMs)} · ${how(progress)}` : ''}.{throttled}
      </span>
      <button type="button" className="button button--small" onClick={onCancel}>
        Cancel loading
      </button>
    </div>
  );
}
