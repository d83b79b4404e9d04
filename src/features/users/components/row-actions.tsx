/**
 * Per-row shortcuts for support work: copy the username or user ID, and the one-click fixes that
 * apply to this user (resend the code, confirm), run through the bulk runner so the outcome is
 * reported the same way.
 */
import { useState } from 'react';
import type { UserRow } from '../model/user-row';
import type { BulkActionKind } from '../bulk/bulk-actions';

export function RowActions({ row, onRun, disabled }: { row: UserRow; onRun: (row: UserRow, kind: BulkActionKind) => void; disabled: boolean }) {
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
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onRun(row, 'resend-code')} tabIndex={-1}>
          Resend code
        </button>
      ) : null}
      {status === 'UNCONFIRMED' ? (
        <button type="button" className="button button--small" disabled={disabled} onClick={() => onRun(row, 'confirm')} tabIndex={-1}>
          Confirm
        </button>
      ) : null}
      <button type="button" className="button button--small" onClick={() => copy('username', username)} tabIndex={-1} aria-label={`Copy username ${username}`}>
        {copied === 'username' ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
