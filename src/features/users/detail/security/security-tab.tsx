import { toAppError } from '@/aws/errors';
import type { UserDetail } from '@/aws/user-detail';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { usePoolSettings } from '../api/get-pool-settings';
import { useGlobalSignOut, useResetPassword } from '../api/user-mutations';
import { mfaName } from '../components/history-tab';
import { LoadError } from '../components/load-error';
import { displayName } from '../display-name';
import { ResetMfa } from './reset-mfa';
import { SetPasswordForm } from './set-password-form';
import { Loading } from '@/components/loading';

export function SecurityTab({ user }: { user: UserDetail }) {
  const settings = usePoolSettings();
  const reset = useResetPassword(user);
  const signOut = useGlobalSignOut(user);
  const name = displayName(user);
  const [openReset, resetDialog] = useConfirmDialog({
    title: `Reset ${name}’s password?`,
    message: (
      <p>
        Their current password stops working at once. Cognito sends them a code (by email or text message) to choose a new
        one; until then they cannot sign in.
      </p>
    ),
    confirmLabel: 'Reset password',
    destructive: true,
    onConfirm: () => reset.mutate(),
  });
  const [openSignOut, signOutDialog] = useConfirmDialog({
    title: `Sign ${name} out everywhere?`,
    message: <p>All their refresh tokens are revoked, so every app asks them to sign in again within the hour.</p>,
    confirmLabel: 'Sign out everywhere',
    onConfirm: () => signOut.mutate(),
  });

  return (
    <section className="stack" aria-labelledby="security-title">
      <h2 id="security-title">Password & MFA</h2>
      <h3>Multi-factor authentication</h3>
      <p>
        Pool MFA: {settings.data ? settings.data.mfaConfiguration : '…'}. Preferred method:{' '}
        {user.mfa.preferred ? mfaName(user.mfa.preferred) : 'none'}. Set up:{' '}
        {user.mfa.enabled.length > 0 ? user.mfa.enabled.map(mfaName).join(', ') : 'none'}.
      </p>
      <ResetMfa user={user} poolMfa={settings.data?.mfaConfiguration} />
      <h3>Password</h3>
      <p>
        <button type="button" className="button" onClick={openReset} disabled={reset.isPending}>
          Reset password
        </button>
      </p>
      {settings.isError && (
        <LoadError what="the pool’s password policy" error={toAppError(settings.error)} onRetry={() => void settings.refetch()} />
      )}
      {settings.isPending && <Loading label="Loading the pool’s password policy…" />}
      {settings.isSuccess && <SetPasswordForm user={user} policy={settings.data.passwordPolicy} />}
      <h3>Sessions</h3>
      <p>
        <button type="button" className="button" onClick={openSignOut} disabled={signOut.isPending}>
          Sign out everywhere
        </button>
      </p>
      {resetDialog}
      {signOutDialog}
    </section>
  );
}
