/** Test-only: a real admin context (real SDK clients) with static credentials, for msw-backed tests. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { AdminContextProvider, type AdminContextValue } from '@/aws/admin-context';
import { createAdminClients } from '@/aws/admin-clients';
import type { AppConfig } from '@/config/app-config';

export const TEST_CONFIG: AppConfig = {
  region: 'us-east-1',
  userPoolId: 'us-east-1_TestPool1',
  clientId: 'testclient0000000000000001',
  identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
  adminGroup: 'admins',
  sesRegion: 'us-east-1',
  idleTimeoutMinutes: 30,
};

export function testAdminContext(config: AppConfig = TEST_CONFIG): AdminContextValue {
  const clients = createAdminClients(config, async () => ({
    accessKeyId: 'ASIATESTTESTTESTTEST',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: new Date(Date.now() + 3600_000),
  }));
  return {
    ...clients,
    region: config.region,
    sesRegion: config.sesRegion,
    userPoolId: config.userPoolId,
    adminGroup: config.adminGroup,
    clientId: config.clientId,
    operator: { username: 'operator', sub: '00000000-0000-4000-8000-00000000000a', email: 'operator@example.com', groups: ['admins'] },
  };
}

/** Retries off so error states show at once; a fresh cache per test. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

export function WithAdmin({ children, value = testAdminContext(), client = testQueryClient() }: { children: ReactNode; value?: AdminContextValue; client?: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <AdminContextProvider value={value}>{children}</AdminContextProvider>
    </QueryClientProvider>
  );
}
