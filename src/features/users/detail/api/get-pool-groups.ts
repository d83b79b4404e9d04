import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { listGroups, type IdpContext } from '@/aws/user-detail';
import { poolKeys } from './keys';
import { retryIfRetryable } from './retry';

export const poolGroupsQueryOptions = (ctx: IdpContext) =>
  queryOptions({
    queryKey: poolKeys.groups(ctx.userPoolId),
    queryFn: () => listGroups(ctx),
    staleTime: 60_000,
    retry: retryIfRetryable,
  });

export function usePoolGroups() {
  return useQuery(poolGroupsQueryOptions(useAdminContext()));
}
