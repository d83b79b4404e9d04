import type { AppError } from '@/aws/errors';

/** A failed read with its human message and a way to try again. */
export function LoadError({ what, error, onRetry }: { what: string; error: AppError; onRetry: () => void }) {
  return (
    <div role="alert" className="state state--error">
      <p>
        Could not load {what}. {error.message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
