/**
 * Per-row shortcuts for support work: copy the username or user ID, and the one-click fixes that
 * apply to this user (resend the code, confirm), run through the bulk runner so the outcome is
 * reported the same way.
 */
import { useState } from 'react';
import type { UserRow } from '../model/user-row';
import type { BulkActionKind } from '../bulk/bulk-actions';

/**
 * Keyboard: the table keeps one row in the Tab order (the active one, see data-table.tsx); its
 * actions follow it there, so Tab goes from the row to Resend / Confirm / Copy and on out of the
 * table, without stopping at the buttons of every row on screen.
 */
export function RowActions({
  row,
  onRun,
  disabled,
  tabbable,
}: {
  row: UserRow;
  onRun: (row: UserRow, kind: BulkActionKind) => void;
  disabled: boolean;
  /** this row is the table's active row */
  tabbable: boolean;
}) {
  const tabIndex = tabbable ? 0 : -1;
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (what: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(what),
      () => setCopied(null),
    );
  };
  const { status, username } = row.user;
  return (
    <span className="users-row-actions" role="group" aria-label={`Actions for ${username}`}>
      {status === 'UNCONFIRMED' || status === 'FORCE_CHANGE_PASSWORD' ? (
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onRun(row, 'resend-code')} tabIndex={tabIndex}>
          Resend code
        </button>
      ) : null}
      {status === 'UNCONFIRMED' ? (
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onRun(row, 'confirm')} tabIndex={tabIndex}>
          Confirm
        </button>
      ) : null}
      <button type="button" className="button button--small" onClick={() => copy('username', username)} tabIndex={tabIndex} aria-label={`Copy username ${username}`}>
        {copied === 'username' ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
