import { useSyncExternalStore } from 'react';
import { toasts as appToasts, type ToastStore } from '@/lib/toast';

/**
 * Where transient messages appear. The region exists from the start (live regions must be in the
 * page before content is added to be announced); errors are assertive, the rest polite.
 */
export function ToastRegion({ store = appToasts }: { store?: ToastStore }) {
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const errors = items.filter((toast) => toast.tone === 'error');
  const others = items.filter((toast) => toast.tone !== 'error');
  const render = (list: typeof items) =>
    list.map((toast) => (
      <div key={toast.id} className={`toast toast--${toast.tone}`}>
        <p className="toast__message">{toast.message}</p>
        <button type="button" className="toast__close" onClick={() => store.dismiss(toast.id)} aria-label="Dismiss message">
          ×
        </button>
      </div>
    ));
  return (
    <div className="toasts">
      <div role="alert" aria-live="assertive" aria-atomic="false" className="toasts__group">
        {render(errors)}
      </div>
      <div role="status" aria-live="polite" aria-atomic="false" className="toasts__group">
        {render(others)}
      </div>
    </div>
  );
}
