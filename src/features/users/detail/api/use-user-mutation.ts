/**
 * The one shape of every user-page action (supabase studio's mutation hooks): run the wrapper,
 * say what happened in the page's status region, refresh exactly the queries the action changed.
 * Screens carry no try/catch. A form that shows errors at its fields passes `onError` returning
 * true to take the error over.
 */
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useAdminContext, type AdminContextValue } from '@/aws/admin-context';
import { toAppError, type AppError } from '@/aws/errors';
import { useActionStatus } from '../status/action-status';
import { userDetailKeys } from './keys';

export interface UserMutationConfig<V, R> {
  username: string;
  run: (ctx: AdminContextValue, variables: V) => Promise<R>;
  /** what the operator reads after success */
  describe: (result: R, variables: V) => string;
  /** the queries this action changes */
  invalidates: (ctx: AdminContextValue, variables: V) => QueryKey[];
  onSuccess?: (result: R, variables: V) => void;
  /** return true when the caller has shown the error itself (e.g. at a form field) */
  onError?: (error: AppError, variables: V) => boolean;
}

export function useUserMutation<V = void, R = void>(config: UserMutationConfig<V, R>) {
  const ctx = useAdminContext();
  const queryClient = useQueryClient();
  const { announce } = useActionStatus();
  return useMutation<R, AppError, V>({
    // This page shows outcomes in its own status region; the app-wide toast would say it twice.
    meta: { suppressErrorToast: true },
    mutationFn: async (variables) => {
      try {
        return await config.run(ctx, variables);
      } catch (error) {
        throw toAppError(error);
      }
    },
    onSuccess: async (result, variables) => {
      announce({ tone: 'success', text: config.describe(result, variables) });
      config.onSuccess?.(result, variables);
      await Promise.all(
        config.invalidates(ctx, variables).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: async (error, variables) => {
      if (!config.onError?.(error, variables)) announce({ tone: 'error', text: error.message });
      // Deleted in another tab: refetching the user turns the page into "user not found".
      if (error.code === 'UserNotFoundException') {
        await queryClient.invalidateQueries({ queryKey: userDetailKeys.user(ctx.userPoolId, config.username) });
      }
    },
  });
}
