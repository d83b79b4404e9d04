import { poolKeys } from '@/lib/query-keys';

/**
 * Query keys of the user page. The list (USERS) keeps its own keys; these never start with
 * 'users', so an action here does not refetch a 100 000-user listing.
 */
export const userDetailKeys = {
  user: (poolId: string, username: string) => ['user-detail', poolId, username] as const,
  groups: (poolId: string, username: string) => ['user-detail', poolId, username, 'groups'] as const,
};

/** Under the shared pool key, so whoever invalidates poolKeys.all(poolId) refreshes these too. */
export const poolDetailKeys = {
  settings: (poolId: string) => [...poolKeys.all(poolId), 'user-settings'] as const,
  groups: (poolId: string) => [...poolKeys.all(poolId), 'groups', 'list'] as const,
};
