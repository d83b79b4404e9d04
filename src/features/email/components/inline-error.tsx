import type { AppError } from '@/aws/errors';

/** A failed read inside a section: the reason in words (naming a missing IAM action), and a retry. */
export function InlineError({ error, onRetry, retrying = false }: { error: Pick<AppError, 'message' | 'code'>; onRetry?: () => void; retrying?: boolean }) {
  return (
    <div role="alert" className="inline-error">
      <p>{error.message}</p>
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
