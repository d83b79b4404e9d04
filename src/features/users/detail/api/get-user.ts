import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { getUserDetail, type IdpContext } from '@/aws/user-detail';
import { userDetailKeys } from './keys';
import { retryIfRetryable } from './retry';

export const userQueryOptions = (ctx: IdpContext, username: string) =>
  queryOptions({
    queryKey: userDetailKeys.user(ctx.userPoolId, username),
    queryFn: () => getUserDetail(ctx, username),
    retry: retryIfRetryable,
  });

export function useUserDetail(username: string) {
  return useQuery(userQueryOptions(useAdminContext(), username));
}
