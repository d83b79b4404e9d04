import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from '@/aws/errors';
import type { ToastStore } from '@/lib/toast';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
    mutationMeta: {
      /** Shown as a success toast when the mutation succeeds. */
      successMessage?: string;
      /** The screen shows the error itself (e.g. at a form field); no toast. */
      suppressErrorToast?: boolean;
    };
  }
}

/**
 * Screens carry no try/catch for AWS calls: failed mutations are announced in the toast region,
 * retryable failures (throttling, network) are retried with backoff, and a dead session sends the
 * operator back to sign-in with the reason.
 */
export function createQueryClient({ toasts, onSessionEnded }: { toasts: ToastStore; onSessionEnded: (error: AppError) => void }): QueryClient {
  const handleAuth = (error: AppError) => {
    if (error.reauthenticate) onSessionEnded(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => handleAuth(toAppError(error)),
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        const appError = toAppError(error);
        handleAuth(appError);
        if (!mutation.meta?.suppressErrorToast && !appError.reauthenticate) toasts.error(appError.message);
      },
      onSuccess: (_data, _variables, _context, mutation) => {
        if (mutation.meta?.successMessage) toasts.success(mutation.meta.successMessage);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Every refetch costs quota in a shared per-account budget; refresh on purpose, not on focus.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => toAppError(error).retryable && failureCount < 3,
      },
      mutations: { retry: false },
    },
  });
}
