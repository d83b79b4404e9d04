import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FOCUSABLE, handleModalKeyDown } from './focus-trap';

/**
 * A modal dialog: labelled by its title, focus moves in on open, Tab stays inside, Escape
 * cancels, and focus returns to where it was on close.
 */
export function Dialog({
  title,
  children,
  actions,
  onCancel,
  role = 'dialog',
}: {
  title: string;
  children?: ReactNode;
  actions: ReactNode;
  onCancel: () => void;
  role?: 'dialog' | 'alertdialog';
}) {
  const titleId = useId();
  const bodyId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = panel.current?.querySelector<HTMLElement>(`[data-autofocus], ${FOCUSABLE}`);
    first?.focus();
    return () => previous?.focus();
  }, []);

  return (
    <div className="dialog-backdrop">
      <div
        ref={panel}
        className="dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children ? bodyId : undefined}
        onKeyDown={(event) => handleModalKeyDown(event, panel.current, onCancel)}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children ? (
          <div id={bodyId} className="dialog__body">
            {children}
          </div>
        ) : null}
        <div className="dialog__actions">{actions}</div>
      </div>
    </div>
  );
}

export interface ConfirmOptions {
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
}

/**
 * `const [confirm, confirmDialog] = useConfirm();` — render `confirmDialog`, then
 * `if (await confirm({ title: 'Delete?' })) …`.
 */
export function useConfirm(): [(options: ConfirmOptions) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);

  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<boolean>((resolve) => {
        setPending({ options, resolve });
      }),
    [],
  );

  const close = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };

  const element = pending ? (
    <Dialog
      title={pending.options.title}
      role="alertdialog"
      onCancel={() => close(false)}
      actions={
        <>
          <button type="button" className="button" data-autofocus onClick={() => close(false)}>
            {pending.options.cancelLabel ?? 'Cancel'}
          </button>
          <button type="button" className={pending.options.danger ? 'button button--danger' : 'button button--primary'} onClick={() => close(true)}>
            {pending.options.confirmLabel ?? 'Confirm'}
          </button>
        </>
      }
    >
      {pending.options.message}
    </Dialog>
  ) : null;

  return [confirm, element];
}
