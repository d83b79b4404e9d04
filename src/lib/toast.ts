/**
 * A tiny store for transient messages (mutation failures, confirmations). Screens and the query
 * client push here; <ToastRegion> announces them through an aria-live region.
 */
export type ToastTone = 'error' | 'success' | 'info';

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

type Listener = () => void;

export function createToastStore(options: { durationMs?: number } = {}) {
  const durationMs = options.durationMs ?? 8000;
  let toasts: readonly Toast[] = [];
  let nextId = 1;
  const listeners = new Set<Listener>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const emit = () => listeners.forEach((listener) => listener());

  const dismiss = (id: number) => {
    const timer = timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(id);
    if (!toasts.some((toast) => toast.id === id)) return;
    toasts = toasts.filter((toast) => toast.id !== id);
    emit();
  };

  const show = (tone: ToastTone, message: string): number => {
    // The same failure repeated (e.g. a retried mutation) should not stack up identical toasts.
    const existing = toasts.find((toast) => toast.tone === tone && toast.message === message);
    if (existing) dismiss(existing.id);
    const id = nextId++;
    toasts = [...toasts, { id, tone, message }].slice(-5);
    // Errors stay until dismissed: an operator who looked away must still be able to read them.
    if (tone !== 'error') timers.set(id, setTimeout(() => dismiss(id), durationMs));
    emit();
    return id;
  };

  return {
    getSnapshot: () => toasts,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show,
    error: (message: string) => show('error', message),
    success: (message: string) => show('success', message),
    info: (message: string) => show('info', message),
    dismiss,
    clear() {
      for (const id of [...timers.keys()]) dismiss(id);
      toasts = [];
      emit();
    },
  };
}

export type ToastStore = ReturnType<typeof createToastStore>;

/** The app's store; tests create their own with createToastStore(). */
export const toasts = createToastStore();
