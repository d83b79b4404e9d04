import type { AppError } from '@/aws/errors';
import { ErrorState } from '@/components/error-state';

/** A failed read with its human message and a way to try again. */
export function LoadError({ what, error, onRetry }: { what: string; error: AppError; onRetry: () => void }) {
  return <ErrorState title={`Could not load ${what}`} error={error} onRetry={onRetry} />;
}
