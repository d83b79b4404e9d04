import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import type { IdpContext } from '@/aws/user-detail';
import { listUserAuthEvents } from '@/aws/user-security';
import { userDetailKeys } from '../api/keys';
import { retryIfRetryable } from '../api/retry';

/** Under the user's key, so whatever refreshes the user (an action on the page) refreshes the history too. */
export const authEventKeys = {
  list: (poolId: string, username: string) => [...userDetailKeys.user(poolId, username), 'auth-events'] as const,
};

export const authEventsQueryOptions = (ctx: IdpContext, username: string) =>
  infiniteQueryOptions({
    queryKey: authEventKeys.list(ctx.userPoolId, username),
    queryFn: ({ pageParam }) => listUserAuthEvents(ctx, username, pageParam ? { nextToken: pageParam } : {}),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextToken,
    retry: retryIfRetryable,
  });

export function useAuthEvents(username: string) {
  return useInfiniteQuery(authEventsQueryOptions(useAdminContext(), username));
}
