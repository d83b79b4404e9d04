import { useMemo, type ReactNode } from 'react';
import { AdminContextProvider, type AdminContextValue } from '@/aws/admin-context';
import { createOperatorClients } from '@/aws/admin-clients';
import type { IdTokenClaims } from '@/aws/token-verifier';
import { useConfig } from '@/config/runtime-context';
import { useAppServices } from './services-context';
import { SignedInLayout } from './signed-in-layout';

/**
 * Builds the signed AWS clients for one sign-in (keyed by its start time, so a token refresh keeps
 * the clients and their cached credentials, while a new sign-in never reuses the last one's).
 */
export function AdminArea({ claims, startedAt, children }: { claims: IdTokenClaims; startedAt: number; children: ReactNode }) {
  const config = useConfig();
  const { session } = useAppServices();

  const clients = useMemo(() => {
    void startedAt;
    return createOperatorClients(config, () => session.getIdToken());
  }, [config, session, startedAt]);

  const value = useMemo<AdminContextValue>(
    () => ({
      ...clients,
      region: config.region,
      sesRegion: config.sesRegion,
      userPoolId: config.userPoolId,
      identityPoolId: config.identityPoolId,
      adminGroup: config.adminGroup,
      clientId: config.clientId,
      operator: { username: claims.username, sub: claims.sub, groups: claims.groups, ...(claims.email ? { email: claims.email } : {}) },
    }),
    [clients, config, claims],
  );

  return <AdminContextProvider value={value}>{children}</AdminContextProvider>;
}

/** The signed-in area as one lazily loaded piece: signed clients, header, navigation, pages. */
export function AdminShell({ claims, startedAt }: { claims: IdTokenClaims; startedAt: number }) {
  return (
    <AdminArea claims={claims} startedAt={startedAt}>
      <SignedInLayout />
    </AdminArea>
  );
}
