import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useMatches } from 'react-router';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError } from '@/aws/errors';
import { poolDescriptionQuery } from '@/aws/queries';
import { Badge } from '@/components/badge';
import { useConfirm } from '@/components/dialog';
import { useRuntime } from '@/config/runtime-context';
import { useSessionController } from '@/features/auth/session-context';
import { toasts } from '@/lib/toast';
import { FEATURES } from './feature-registry';
import { routeTitle } from './root-layout';

/** The route's `handle.title`, then the pool's name. */
function useDocumentTitle(poolName: string | undefined) {
  const title = routeTitle(useMatches());
  useEffect(() => {
    document.title = [title, poolName, 'Poolkeeper'].filter(Boolean).join(' · ');
  }, [title, poolName]);
}

export function SignedInLayout() {
  const ctx = useAdminContext();
  const pool = useQuery(poolDescriptionQuery(ctx));
  useDocumentTitle(pool.data?.name);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="header__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="header__product">Poolkeeper</span>
          <span className="header__pool" title={ctx.userPoolId}>
            {pool.data?.name ? (
              <>
                <span className="visually-hidden">User pool: </span>
                {pool.data.name}
              </>
            ) : (
              <code>{ctx.userPoolId}</code>
            )}
          </span>
          <EmulationControls />
        </div>
        <OperatorMenu />
      </header>
      <nav className="nav" aria-label="Main">
        <ul className="nav__list">
          {FEATURES.filter((feature) => feature.nav).map((feature) => (
            <li key={feature.name}>
              <NavLink className="nav__link" to={feature.nav!.to} end={feature.nav!.end ?? false}>
                {feature.nav!.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main" id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function OperatorMenu() {
  const { operator } = useAdminContext();
  const session = useSessionController();
  const [pending, setPending] = useState(false);
  return (
    <div className="header__operator">
      <span className="header__who">
        <span className="visually-hidden">Signed in as </span>
        {operator.email ?? operator.username}
      </span>
      <button
        type="button"
        className="button button--small"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void session.signOut().finally(() => setPending(false));
        }}
      >
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
    </div>
  );
}

/** Emulated mode says so, and lets the demo be put back to its seed. */
function EmulationControls() {
  const runtime = useRuntime();
  const session = useSessionController();
  const queryClient = useQueryClient();
  const [confirm, confirmDialog] = useConfirm();
  const [pending, setPending] = useState(false);
  if (runtime.mode !== 'emulated' || !runtime.emulation) return null;
  const emulation = runtime.emulation;

  const reset = async () => {
    const ok = await confirm({
      title: 'Reset the demo data?',
      message: (
        <p>
          Every change made in the emulator is lost and the demo pool returns to its starting state. You will be signed out.
        </p>
      ),
      confirmLabel: 'Reset demo data',
      danger: true,
    });
    if (!ok) return;
    setPending(true);
    try {
      await emulation.reset();
      queryClient.clear();
      // The reset emulator no longer knows this session's tokens, so there is nothing to revoke.
      session.endLocally({ tone: 'info', message: 'The demo data was reset. Sign in again.' });
    } catch (error) {
      toasts.error(toAppError(error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="header__emulation">
      <Badge tone="accent" title="Requests are answered by the built-in emulator, not AWS">
        Emulated
      </Badge>
      <button type="button" className="button button--small button--ghost" onClick={() => void reset()} disabled={pending}>
        {pending ? 'Resetting…' : 'Reset demo data'}
      </button>
      {confirmDialog}
    </span>
  );
}
