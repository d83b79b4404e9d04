import { useSyncExternalStore } from 'react';
import { toasts as appToasts, type ToastStore } from '@/lib/toast';

/**
 * Where transient messages appear. Each error is its own role="alert" (announced at once when it
 * is added); other messages go into a polite live region that is in the page from the start, as
 * live regions must be. Empty, the region answers no role query, so it never shadows a page's alert.
 */
export function ToastRegion({ store = appToasts }: { store?: ToastStore }) {
  const items = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const errors = items.filter((toast) => toast.tone === 'error');
  const others = items.filter((toast) => toast.tone !== 'error');
  const render = (list: typeof items) =>
    list.map((toast) => (
      <div key={toast.id} className={`toast toast--${toast.tone}`} role={toast.tone === 'error' ? 'alert' : undefined}>
        <p className="toast__message">{toast.message}</p>
        <button type="button" className="toast__close" onClick={() => store.dismiss(toast.id)} aria-label="Dismiss message">
          ×
        </button>
      </div>
    ));
  return (
    <section className="toasts" aria-label="Notifications">
      <div className="toasts__group">{render(errors)}</div>
      <div className="toasts__group" aria-live="polite" aria-relevant="additions">
        {render(others)}
      </div>
    </section>
  );
}
