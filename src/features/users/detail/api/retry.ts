import { toAppError } from '@/aws/errors';

/** Retry only what AWS says may succeed later (throttling, network); a missing user stays missing. */
export function retryIfRetryable(failureCount: number, error: unknown): boolean {
  return failureCount < 3 && toAppError(error).retryable;
}
