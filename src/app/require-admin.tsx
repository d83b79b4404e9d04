import { useCallback, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/loading';
import { useConfig } from '@/config/runtime-context';
import { NotAdminScreen } from '@/features/auth/components/not-admin-screen';
import { IdleSignOut } from '@/features/auth/idle-sign-out';
import { useSessionController, useSessionState } from '@/features/auth/session-context';
import { AdminArea } from './admin-area';

/**
 * The signed-in area's gate: no session → sign-in (coming back here afterwards); signed in but not
 * in the admin group → the "not an administrator" screen and nothing else.
 */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const state = useSessionState();
  const session = useSessionController();
  const config = useConfig();
  const location = useLocation();
  const onIdle = useCallback(() => {
    void session.signOut({ tone: 'info', message: `You were signed out after ${config.idleTimeoutMinutes} minutes without activity.` });
  }, [session, config.idleTimeoutMinutes]);

  if (state.status === 'restoring') {
    return (
      <main className="boot" id="main">
        <Loading label="Checking your session…" />
      </main>
    );
  }
  if (state.status !== 'signed-in') {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`} replace />;
  }
  const idle = <IdleSignOut timeoutMinutes={config.idleTimeoutMinutes} onTimeout={onIdle} />;
  if (!state.isAdmin) {
    return (
      <>
        <NotAdminScreen username={state.claims.email ?? state.claims.username} adminGroup={config.adminGroup} onSignOut={() => session.signOut()} />
        {idle}
      </>
    );
  }
  return (
    <AdminArea claims={state.claims} startedAt={state.startedAt}>
      {children}
      {idle}
    </AdminArea>
  );
}
