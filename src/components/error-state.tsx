import type { AppError } from '@/aws/errors';

/** A failed load: what happened in words, and a way to try again when that can help. */
export function ErrorState({
  title = 'This could not be loaded',
  error,
  onRetry,
  retrying = false,
}: {
  title?: string;
  error: Pick<AppError, 'message'> & Partial<Pick<AppError, 'code'>>;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  return (
    <div role="alert" className="state state--error">
      <h2 className="state__title">{title}</h2>
      <p>{error.message}</p>
      {error.code ? <p className="state__code">Error code: {error.code}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}
