import { createContext, use, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionController, SessionState } from './session-controller';

const SessionContext = createContext<SessionController | null>(null);

export function SessionProvider({ controller, children }: { controller: SessionController; children: ReactNode }) {
  useEffect(() => {
    void controller.restore();
  }, [controller]);
  return <SessionContext value={controller}>{children}</SessionContext>;
}

export function useSessionController(): SessionController {
  const controller = use(SessionContext);
  if (!controller) throw new Error('useSessionController must be used inside <SessionProvider>');
  return controller;
}

export function useSessionState(): SessionState {
  const controller = useSessionController();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}
