import { useEffect, useRef, useState } from 'react';
import { Dialog } from '@/components/dialog';
import { formatSeconds } from '@/lib/format';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const WARNING_MS = 60_000;

/**
 * Signs the operator out after `timeoutMinutes` without input, warning a minute before. Time is
 * measured from timestamps, not by counting timer ticks, so a tab the browser throttled in the
 * background still signs out on time (as soon as it runs again).
 */
export function IdleSignOut({ timeoutMinutes, onTimeout, now = Date.now }: { timeoutMinutes: number; onTimeout: () => void; now?: () => number }) {
  const timeoutMs = timeoutMinutes * 60_000;
  const [remaining, setRemaining] = useState(timeoutMs);
  const lastActivity = useRef(0);
  const warningShown = useRef(false);
  const fired = useRef(false);
  const latestTimeout = useRef(onTimeout);

  useEffect(() => {
    latestTimeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    lastActivity.current = now();
    const onActivity = () => {
      // Once the warning is up, only "Stay signed in" counts: a stray mouse move is not a decision.
      if (!warningShown.current) lastActivity.current = now();
    };
    const tick = () => {
      const left = timeoutMs - (now() - lastActivity.current);
      warningShown.current = left <= WARNING_MS;
      setRemaining(left);
      if (left <= 0 && !fired.current) {
        fired.current = true;
        latestTimeout.current();
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', tick);
    const timer = setInterval(tick, 1000);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', tick);
      clearInterval(timer);
    };
  }, [now, timeoutMs]);

  const stay = () => {
    lastActivity.current = now();
    warningShown.current = false;
    setRemaining(timeoutMs);
  };

  if (remaining > WARNING_MS || remaining <= 0) return null;
  return (
    <Dialog
      title="Still there?"
      role="alertdialog"
      onCancel={stay}
      actions={
        <button type="button" className="button button--primary" data-autofocus onClick={stay}>
          Stay signed in
        </button>
      }
    >
      <p>You will be signed out in {formatSeconds(remaining / 1000)} because there has been no activity for a while.</p>
    </Dialog>
  );
}
