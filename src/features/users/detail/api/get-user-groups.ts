import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { listGroupsForUser, type IdpContext } from '@/aws/user-detail';
import { userDetailKeys } from './keys';
import { retryIfRetryable } from './retry';

export const userGroupsQueryOptions = (ctx: IdpContext, username: string) =>
  queryOptions({
    queryKey: userDetailKeys.groups(ctx.userPoolId, username),
    queryFn: () => listGroupsForUser(ctx, username),
    retry: retryIfRetryable,
  });

export function useUserGroups(username: string) {
  return useQuery(userGroupsQueryOptions(useAdminContext(), username));
}
