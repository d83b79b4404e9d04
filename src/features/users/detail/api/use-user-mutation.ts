/**
 * The one shape of every user-page action (supabase studio's mutation hooks): run the wrapper,
 * say what happened in the page's status region, refresh exactly the queries the action changed.
 * Screens carry no try/catch. A form that shows errors at its fields passes `onError` returning
 * true to take the error over.
 */
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
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
      const keys = withAliases(queryClient, ctx.userPoolId, config.username, config.invalidates(ctx, variables));
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: async (error, variables) => {
      if (!config.onError?.(error, variables)) announce({ tone: 'error', text: error.message });
      // Deleted in another tab: refetching the user turns the page into "user not found".
      if (error.code === 'UserNotFoundException') {
        const keys = withAliases(queryClient, ctx.userPoolId, config.username, [userDetailKeys.user(ctx.userPoolId, config.username)]);
        await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      }
    },
  });
}

/**
 * The page may have loaded the user under the name its URL used (an email or phone in pools that
 * sign in with them), while actions name the user by their username (a generated UUID there). Each
 * user-page key of this user is also refreshed under every other name the user is cached by.
 */
function withAliases(queryClient: QueryClient, poolId: string, username: string, keys: QueryKey[]): QueryKey[] {
  const own = userDetailKeys.user(poolId, username);
  const aliases = queryClient
    .getQueryCache()
    .findAll({ queryKey: own.slice(0, 2) })
    .filter(({ queryKey, state }) => queryKey.length === own.length && queryKey[2] !== username && (state.data as { username?: string } | undefined)?.username === username)
    .map(({ queryKey }) => queryKey[2]);
  const sameUser = (key: QueryKey) => key.length >= own.length && own.every((part, i) => key[i] === part);
  return [...keys, ...keys.filter(sameUser).flatMap((key) => aliases.map((alias) => [...own.slice(0, 2), alias, ...key.slice(own.length)]))];
}
