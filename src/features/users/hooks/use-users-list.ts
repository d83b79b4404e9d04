import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AdminContextValue } from '@/aws/admin-context';
import { followUserPage } from '../api/list-sync';
import { disposeDroppedLoads, membershipQuery, poolGroupsQuery, usersListQuery } from '../api/users-queries';
import type { UsersLoad, UsersLoadSnapshot } from '../api/users-load';

const idle: UsersLoadSnapshot = { rows: [], status: 'loading', groupsKnown: false, revision: 0, counts: { total: 0, byStatus: {}, enabled: 0, disabled: 0 } };
const noop = () => () => {};

/**
 * The users of one server filter, streaming in, with group membership joined once it is known.
 * Membership is loaded per pool (each group's members), not per filter.
 */
export function useUsersList(ctx: Pick<AdminContextValue, 'idp' | 'userPoolId'>, serverFilter: string | undefined) {
  const queryClient = useQueryClient();
  const listQuery = useQuery(usersListQuery(ctx, serverFilter, queryClient));
  const load: UsersLoad | undefined = listQuery.data;
  const snapshot = useSyncExternalStore(load?.subscribe ?? noop, load?.getSnapshot ?? (() => idle));

  const groupsQuery = useQuery(poolGroupsQuery(ctx));
  const groupNames = useMemo(() => groupsQuery.data?.map((g) => g.name) ?? [], [groupsQuery.data]);
  const membership = useQuery({ ...membershipQuery(ctx, groupNames), enabled: groupsQuery.isSuccess });

  useEffect(() => {
    if (load && membership.data) load.setMembership(membership.data);
  }, [load, membership.data]);

  // Only the list on screen loads; one left behind pauses and carries on when shown again.
  useEffect(() => {
    load?.resumeIfPaused();
    return () => load?.pause();
  }, [load]);

  useEffect(() => disposeDroppedLoads(queryClient), [queryClient]);
  useEffect(() => followUserPage(queryClient, ctx.userPoolId), [queryClient, ctx.userPoolId]);

  return {
    load,
    snapshot,
    groups: groupsQuery.data ?? [],
    groupsError: groupsQuery.error ?? membership.error ?? undefined,
    groupsLoading: groupsQuery.isPending || (groupsQuery.isSuccess && membership.isPending),
    retryGroups: () => {
      void groupsQuery.refetch();
      void membership.refetch();
    },
    reload: () => queryClient.invalidateQueries({ queryKey: usersListQuery(ctx, serverFilter, queryClient).queryKey }),
  };
}
