import { useState } from 'react';
import { useConfirm } from '@/components/dialog';
import { StepSection } from '../step-section';
import { StepErrorView } from '../step-error';
import type { StepProps } from './step-props';

export function SignOutStep({ state, actions, busy }: StepProps) {
  const [confirm, confirmDialog] = useConfirm();
  const username = state.inputs.username.trim();
  const created = state.createdUsers.includes(username);
  const [deleteExisting, setDeleteExisting] = useState(false);
  const { signOut, tokens } = state;

  const remove = async () => {
    const ok = await confirm({
      title: `Delete ${username}?`,
      message: (
        <p>
          AdminDeleteUser removes <strong>{username}</strong> from the pool for good, with your rights as the operator. Their tokens stop working at
          Cognito at once.
        </p>
      ),
      confirmLabel: 'Delete the test user',
      danger: true,
    });
    if (ok) await actions.deleteTestUser();
  };

  return (
    <StepSection
      id="signOut"
      run={state.steps.signOut}
      intro="GlobalSignOut as the test user revokes every refresh token of theirs; then the refresh token is tried again to show it no longer works. Then clean up."
    >
      <div className="form__actions">
        <button type="button" className="button" disabled={busy || !tokens} onClick={() => void actions.signOut()}>
          Sign out everywhere (GlobalSignOut)
        </button>
      </div>
      {signOut?.refreshRefusal ? (
        <>
          <p>REFRESH_TOKEN_AUTH with the old refresh token now answers:</p>
          <StepErrorView error={signOut.refreshRefusal} />
        </>
      ) : null}
      {username !== '' && !signOut?.deleted ? (
        <div className="stack">
          <p>
            {created
              ? `${username} was created by this panel: delete it to leave the pool as it was.`
              : `${username} was not created by this panel. Delete it only if it is a throwaway test user.`}
          </p>
          {!created ? (
            <label>
              <input type="checkbox" checked={deleteExisting} onChange={(e) => setDeleteExisting(e.target.checked)} /> I want to delete this existing user
            </label>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--danger" disabled={busy || (!created && !deleteExisting)} onClick={() => void remove()}>
              Delete the test user
            </button>
          </div>
        </div>
      ) : null}
      {confirmDialog}
    </StepSection>
  );
}
