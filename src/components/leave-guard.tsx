/**
 * Warns before work is lost: while `when` holds, leaving through the app (a link, Back) asks first
 * (React Router's blocker), and closing or reloading the tab gets the browser's own "Leave site?"
 * prompt (beforeunload — browsers show their own text, never ours).
 *
 * `const leaveDialog = useLeaveGuard({ when: dirty, title, message })`, render `{leaveDialog}`.
 */
import { useEffect, type ReactElement, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { useConfirmDialog } from './confirm-dialog';

export interface LeaveGuardOptions {
  when: boolean;
  title: string;
  message: ReactNode;
  /** the button that leaves anyway */
  leaveLabel?: string;
  /** Leaving for another URL that keeps this screen (e.g. its own query string) is not leaving. */
  samePage?: (current: { pathname: string }, next: { pathname: string }) => boolean;
}

const samePath = (current: { pathname: string }, next: { pathname: string }) => current.pathname === next.pathname;

export function useLeaveGuard({ when, title, message, leaveLabel = 'Leave', samePage = samePath }: LeaveGuardOptions): ReactElement | null {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && !samePage(currentLocation, nextLocation));

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  const [open, dialog] = useConfirmDialog({
    title,
    message,
    confirmLabel: leaveLabel,
    cancelLabel: 'Stay',
    destructive: true,
    onConfirm: () => {
      if (blocker.state === 'blocked') blocker.proceed();
    },
    onCancel: () => {
      if (blocker.state === 'blocked') blocker.reset();
    },
  });

  const blocked = blocker.state === 'blocked';
  useEffect(() => {
    if (blocked) open();
  }, [blocked, open]);

  // The work finished while the question was open: nothing is lost any more, so go on.
  useEffect(() => {
    if (!when && blocker.state === 'blocked') blocker.proceed();
  }, [when, blocker]);

  return blocked ? dialog : null;
}
