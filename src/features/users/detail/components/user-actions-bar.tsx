/**
 * The user's quick actions. Buttons that cannot apply to this user are not shown; the ones the
 * operator may not use on themselves are shown disabled with the reason, so nobody wonders.
 */
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { useAdminContext } from '@/aws/admin-context';
import { isOperatorUser } from '@/aws/user-actions';
import type { UserDetail } from '@/aws/user-detail';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { useConfirmSignUp, useDeleteUser, useMarkEmailVerified, useResendCode, useSetEnabled } from '../api/user-mutations';
import { displayName } from '../display-name';
import { userPaths, type NoticeState } from '../paths';

export function UserActionsBar({ user }: { user: UserDetail }) {
  const ctx = useAdminContext();
  const navigate = useNavigate();
  const selfNoteId = useId();
  const self = isOperatorUser(ctx, user);
  const name = displayName(user);
  const confirm = useConfirmSignUp(user);
  const resend = useResendCode(user);
  const verify = useMarkEmailVerified(user);
  const setEnabled = useSetEnabled(user);
  const remove = useDeleteUser(user, {
    onSuccess: () => {
      const state: NoticeState = { notice: `Deleted ${name}.` };
      void navigate(userPaths.list(), { state });
    },
  });

  const [openDisable, disableDialog] = useConfirmDialog({
    title: `Disable ${name}?`,
    message: (
      <p>
        They will not be able to sign in until enabled again. Tokens already issued stay valid until they expire; use
        “Sign out everywhere” as well to end their sessions.
      </p>
    ),
    confirmLabel: 'Disable',
    destructive: true,
    onConfirm: () => setEnabled.mutate(false),
  });
  const [openDelete, deleteDialog] = useConfirmDialog({
    title: `Delete ${name}?`,
    message: <p>The user, their attributes and group memberships are removed from the pool. This cannot be undone.</p>,
    confirmLabel: 'Delete user',
    destructive: true,
    confirmationText: name,
    onConfirm: () => remove.mutate(),
  });

  const email = user.attributes.email;
  const canResend = user.status === 'UNCONFIRMED' || user.status === 'FORCE_CHANGE_PASSWORD';
  const selfProps = self ? { disabled: true, 'aria-describedby': selfNoteId } : {};

  return (
    <div role="group" aria-label="User actions" className="page-header__actions">
      {user.status === 'UNCONFIRMED' && (
        <button type="button" className="button" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
          Confirm sign-up
        </button>
      )}
      {canResend && (
        <button type="button" className="button" onClick={() => resend.mutate()} disabled={resend.isPending}>
          {user.status === 'UNCONFIRMED' ? 'Resend sign-up code' : 'Resend invitation'}
        </button>
      )}
      {email && user.attributes.email_verified !== 'true' && (
        <button type="button" className="button" onClick={() => verify.mutate()} disabled={verify.isPending}>
          Mark email verified
        </button>
      )}
      {user.enabled ? (
        <button type="button" className="button" onClick={openDisable} disabled={setEnabled.isPending} {...selfProps}>
          Disable
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setEnabled.mutate(true)} disabled={setEnabled.isPending}>
          Enable
        </button>
      )}
      <button type="button" className="button button--danger" onClick={openDelete} disabled={remove.isPending} {...selfProps}>
        Delete
      </button>
      {self && (
        <p id={selfNoteId} className="field__hint">
          This is your own account: you cannot disable or delete it here.
        </p>
      )}
      {disableDialog}
      {deleteDialog}
    </div>
  );
}
