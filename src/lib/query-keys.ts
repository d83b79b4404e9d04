/**
 * Query keys shared across features (which may not import each other): a feature that changes
 * groups can invalidate the overview's group count without knowing the overview.
 */
export const poolKeys = {
  all: (userPoolId: string) => ['pool', userPoolId] as const,
  description: (userPoolId: string) => ['pool', userPoolId, 'description'] as const,
  groupCount: (userPoolId: string) => ['pool', userPoolId, 'groups', 'count'] as const,
  clientCount: (userPoolId: string) => ['pool', userPoolId, 'clients', 'count'] as const,
};

export const sesKeys = {
  sendQuota: (sesRegion: string) => ['ses', sesRegion, 'send-quota'] as const,
};
