/**
 * Query keys of the user page. The list (USERS) keeps its own keys; these never start with
 * 'users' so an action here does not refetch a 100 000-user listing.
 */
export const userDetailKeys = {
  user: (poolId: string, username: string) => ['user-detail', poolId, username] as const,
  groups: (poolId: string, username: string) => ['user-detail', poolId, username, 'groups'] as const,
};

export const poolKeys = {
  settings: (poolId: string) => ['pool-settings', poolId] as const,
  groups: (poolId: string) => ['pool-groups', poolId] as const,
};
