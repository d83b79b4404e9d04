/**
 * useConfirmDialog (after keycloak admin-ui): `const [open, dialog] = useConfirmDialog({...})`,
 * render `{dialog}` anywhere, call `open()` from a button. A modal built by hand rather than
 * <dialog>.showModal() so it behaves the same in every browser and in jsdom: focus moves into it,
 * Tab cycles inside it, Escape cancels, and focus returns to the button that opened it.
 * For destructive actions, `confirmationText` makes the operator type a name before confirming.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { handleModalKeyDown } from './focus-trap';

export interface ConfirmDialogOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** the confirm button stays disabled until exactly this text is typed */
  confirmationText?: string;
  onConfirm: () => void | Promise<void>;
  onCancel?: () => void;
}

export function useConfirmDialog(options: ConfirmDialogOptions): [open: () => void, dialog: ReactElement | null] {
  const [isOpen, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);
  const close = useCallback(() => {
    setOpen(false);
    // The opener may be gone (e.g. the row it belonged to was removed); then focus stays on body.
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) queueMicrotask(() => target.focus());
  }, []);
  const dialog = isOpen ? <ConfirmDialog {...options} onClose={close} /> : null;
  return [open, dialog];
}

function ConfirmDialog(props: ConfirmDialogOptions & { onClose: () => void }) {
  const { title, message, confirmLabel, cancelLabel = 'Cancel', destructive, confirmationText, onConfirm, onCancel, onClose } = props;
  const titleId = useId();
  const messageId = useId();
  const inputId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const matches = confirmationText === undefined || typed === confirmationText;

  useEffect(() => {
    // Type-to-confirm: start in the field. Otherwise start on Cancel, the harmless choice.
    const first = panel.current?.querySelector<HTMLElement>('input, [data-autofocus]');
    first?.focus();
  }, []);

  const cancel = () => {
    if (busy) return;
    onCancel?.();
    onClose();
  };

  const confirm = async () => {
    if (!matches || busy) return;
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      onClose();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && cancel()}>
      <div
        ref={panel}
        role={destructive ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
        className="dialog"
        onKeyDown={(event) => handleModalKeyDown(event, panel.current, cancel)}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div id={messageId}>{message}</div>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          {confirmationText !== undefined && (
            <p className="field">
              <label htmlFor={inputId} className="field__label">
                Type <strong>{confirmationText}</strong> to confirm
              </label>
              <input
                id={inputId}
                className="field__input"
                value={typed}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setTyped(e.target.value)}
              />
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={cancel} disabled={busy} data-autofocus>
              {cancelLabel}
            </button>
            <button type="submit" disabled={!matches || busy} className={destructive ? 'button button--danger' : 'button button--primary'}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
