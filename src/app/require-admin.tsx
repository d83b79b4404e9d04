import { lazy, Suspense, useCallback } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoading } from '@/components/full-page-loading';
import { useConfig } from '@/config/runtime-context';
import { NotAdminScreen } from '@/features/auth/components/not-admin-screen';
import { IdleSignOut } from '@/features/auth/idle-sign-out';
import { useSessionController, useSessionState } from '@/features/auth/session-context';

// The signed-in area (and the SES / Cognito Identity clients it needs) loads after sign-in, so the
// sign-in page stays light.
const AdminShell = lazy(() => import('./admin-area').then((module) => ({ default: module.AdminShell })));

/**
 * The signed-in area's gate: no session → sign-in (coming back here afterwards); signed in but not
 * in the admin group → the "not an administrator" screen and nothing else.
 */
export function RequireAdmin() {
  const state = useSessionState();
  const session = useSessionController();
  const config = useConfig();
  const location = useLocation();
  const onIdle = useCallback(() => {
    void session.signOut({ tone: 'info', message: `You were signed out after ${config.idleTimeoutMinutes} minutes without activity.` });
  }, [session, config.idleTimeoutMinutes]);

  if (state.status === 'restoring') return <FullPageLoading label="Checking your session…" />;
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
    <>
      <Suspense fallback={<FullPageLoading label="Loading Poolkeeper…" />}>
        <AdminShell claims={state.claims} startedAt={state.startedAt} />
      </Suspense>
      {idle}
    </>
  );
}
