/**
 * Where the user page says what an action did. Two live regions exist from the first render (a
 * region inserted together with its text is often not announced): a polite status for outcomes
 * and an assertive alert for failures.
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Tone = 'success' | 'error';
export interface Announcement {
  tone: Tone;
  text: string;
}

interface ActionStatus {
  current: Announcement | null;
  announce: (announcement: Announcement) => void;
  clear: () => void;
}

const ActionStatusContext = createContext<ActionStatus | null>(null);

export function ActionStatusProvider({ initial, children }: { initial?: Announcement; children: ReactNode }) {
  const [current, setCurrent] = useState<Announcement | null>(initial ?? null);
  const announce = useCallback((a: Announcement) => setCurrent(a), []);
  const clear = useCallback(() => setCurrent(null), []);
  const value = useMemo(() => ({ current, announce, clear }), [current, announce, clear]);
  return <ActionStatusContext value={value}>{children}</ActionStatusContext>;
}

export function useActionStatus(): ActionStatus {
  const status = use(ActionStatusContext);
  if (!status) throw new Error('useActionStatus must be used inside <ActionStatusProvider>');
  return status;
}

export function ActionStatusRegion() {
  const { current: announced, clear } = useActionStatus();
  // A message handed over by the previous page (e.g. "Created …") would be in the region from its
  // first render and go unannounced; showing it a moment after the empty region mounts fixes that.
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setMounted(true), 50);
    return () => clearTimeout(timer);
  }, []);
  const current = mounted ? announced : null;
  return (
    <div className="action-status stack stack--tight">
      <div role="status" aria-live="polite" className={current?.tone === 'success' ? 'alert alert--success' : undefined}>
        {current?.tone === 'success' && current.text}
      </div>
      <div role="alert" className={current?.tone === 'error' ? 'alert alert--error' : undefined}>
        {current?.tone === 'error' && current.text}
      </div>
      {current && (
        <button type="button" className="button button--ghost button--small" onClick={clear}>
          Dismiss message
        </button>
      )}
    </div>
  );
}
