import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { listGroups, type IdpContext } from '@/aws/user-detail';
import { poolDetailKeys } from './keys';
import { retryIfRetryable } from './retry';

export const poolGroupsQueryOptions = (ctx: IdpContext) =>
  queryOptions({
    queryKey: poolDetailKeys.groups(ctx.userPoolId),
    queryFn: () => listGroups(ctx),
    staleTime: 60_000,
    retry: retryIfRetryable,
  });

export function usePoolGroups() {
  return useQuery(poolGroupsQueryOptions(useAdminContext()));
}
