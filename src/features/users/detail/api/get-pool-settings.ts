import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { describePoolSettings, type IdpContext } from '@/aws/user-detail';
import { poolDetailKeys } from './keys';
import { retryIfRetryable } from './retry';

/** The schema and policies change rarely; DescribeUserPool has a small quota. */
export const poolSettingsQueryOptions = (ctx: IdpContext) =>
  queryOptions({
    queryKey: poolDetailKeys.settings(ctx.userPoolId),
    queryFn: () => describePoolSettings(ctx),
    staleTime: 5 * 60_000,
    retry: retryIfRetryable,
  });

export function usePoolSettings() {
  return useQuery(poolSettingsQueryOptions(useAdminContext()));
}
