import { useMemo, type ReactNode } from 'react';
import { AdminContextProvider, type AdminContextValue } from '@/aws/admin-context';
import { createAdminClients } from '@/aws/clients';
import { identityPoolCredentials } from '@/aws/identity-credentials';
import type { IdTokenClaims } from '@/aws/token-verifier';
import { useConfig } from '@/config/runtime-context';
import { useAppServices } from './services-context';

/**
 * Builds the signed AWS clients for one sign-in (keyed by its start time, so a token refresh keeps
 * the clients and their cached credentials, while a new sign-in never reuses the last one's).
 */
export function AdminArea({ claims, startedAt, children }: { claims: IdTokenClaims; startedAt: number; children: ReactNode }) {
  const config = useConfig();
  const { publicClients, session } = useAppServices();

  const clients = useMemo(() => {
    void startedAt;
    const credentials = identityPoolCredentials({
      identity: publicClients.identity,
      identityPoolId: config.identityPoolId,
      userPoolRegion: config.region,
      userPoolId: config.userPoolId,
      getIdToken: () => session.getIdToken(),
    });
    return createAdminClients(config, credentials);
  }, [config, publicClients, session, startedAt]);

  const value = useMemo<AdminContextValue>(
    () => ({
      ...clients,
      region: config.region,
      sesRegion: config.sesRegion,
      userPoolId: config.userPoolId,
      adminGroup: config.adminGroup,
      clientId: config.clientId,
      operator: { username: claims.username, sub: claims.sub, groups: claims.groups, ...(claims.email ? { email: claims.email } : {}) },
    }),
    [clients, config, claims],
  );

  return <AdminContextProvider value={value}>{children}</AdminContextProvider>;
}
