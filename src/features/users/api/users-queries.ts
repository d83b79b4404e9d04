/**
 * Query keys and options of the users list (bulletproof-react style: one place for keys, the
 * same options for hooks and invalidation). The user page keeps its own 'user-detail' keys, so
 * its actions never reload a 100 000-user listing; the list follows them through list-sync.ts.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { AdminContextValue } from '@/aws/admin-context';
import { describeUserListing, listPoolGroups, listUsers, loadGroupMembership, usersRateLimiter } from '@/aws/users';
import { UsersLoad, type UserChange } from './users-load';

type Ctx = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

export const usersKeys = {
  all: (poolId: string) => ['users', poolId] as const,
  lists: (poolId: string) => ['users', poolId, 'list'] as const,
  list: (poolId: string, serverFilter: string | undefined) => ['users', poolId, 'list', serverFilter ?? '*'] as const,
  listing: (poolId: string) => ['users', poolId, 'listing'] as const,
  groups: (poolId: string) => ['users', poolId, 'groups'] as const,
  membership: (poolId: string, groups: readonly string[]) => ['users', poolId, 'membership', ...groups] as const,
};

/** EstimatedNumberOfUsers and the schema (for attribute columns). */
export const listingQuery = (ctx: Ctx) =>
  queryOptions({
    queryKey: usersKeys.listing(ctx.userPoolId),
    queryFn: ({ signal }) => describeUserListing(ctx, { signal }),
    staleTime: 5 * 60_000,
  });

export const poolGroupsQuery = (ctx: Ctx) =>
  queryOptions({
    queryKey: usersKeys.groups(ctx.userPoolId),
    queryFn: ({ signal }) => listPoolGroups(ctx, { signal }),
    staleTime: 5 * 60_000,
  });

/** username → groups, from each group's member list. */
export const membershipQuery = (ctx: Ctx, groups: readonly string[]) =>
  queryOptions({
    queryKey: usersKeys.membership(ctx.userPoolId, groups),
    queryFn: ({ signal }) => loadGroupMembership(ctx, groups, { signal }),
    staleTime: 10 * 60_000,
  });

/**
 * The streaming load of one server filter. The query's data is the live store: it resolves at
 * once and the table subscribes to the store; invalidating the query starts a fresh load.
 */
export const usersListQuery = (ctx: Ctx, serverFilter: string | undefined, queryClient: QueryClient) =>
  queryOptions({
    queryKey: usersKeys.list(ctx.userPoolId, serverFilter),
    queryFn: ({ queryKey }) => {
      queryClient.getQueryData<UsersLoad>(queryKey)?.dispose();
      const load = new UsersLoad({
        filter: serverFilter,
        list: (options) => listUsers(ctx, { ...options, limiter: usersRateLimiter(ctx) }),
        estimate: () => queryClient.fetchQuery(listingQuery(ctx)).then((listing) => listing.estimatedUsers),
      });
      void load.start();
      return load;
    },
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });

/** Every cached load of the pool: actions on users patch them all. */
export function cachedLoads(queryClient: QueryClient, poolId: string): UsersLoad[] {
  return queryClient
    .getQueriesData<UsersLoad>({ queryKey: usersKeys.lists(poolId) })
    .map(([, load]) => load)
    .filter((load): load is UsersLoad => load instanceof UsersLoad);
}

/** Applies changes to every loaded list of the pool. */
export function applyUserChanges(queryClient: QueryClient, poolId: string, changes: readonly (readonly [string, UserChange])[]): void {
  if (changes.length === 0) return;
  for (const load of cachedLoads(queryClient, poolId)) load.applyChanges(changes);
}

/** Disposes loads the cache drops, so a forgotten load stops spending quota. */
export function disposeDroppedLoads(queryClient: QueryClient): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'removed' && event.query.state.data instanceof UsersLoad) event.query.state.data.dispose();
  });
}
