import { resetUserMfa } from '@/aws/user-security';
import type { UserDetail } from '@/aws/user-detail';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { userDetailKeys } from '../api/keys';
import { useUserMutation } from '../api/use-user-mutation';
import { mfaName } from '../components/history-tab';
import { displayName } from '../display-name';

type PoolMfa = 'OFF' | 'ON' | 'OPTIONAL';

/** What the user meets at their next sign-in once their factors are off, by the pool's MFA setting. */
export function afterMfaReset(poolMfa: PoolMfa | undefined): string {
  if (poolMfa === 'ON') return 'This pool requires MFA, so at their next sign-in they must set up a new authenticator app before they get in.';
  if (poolMfa === 'OPTIONAL') return 'MFA is optional in this pool, so they sign in with their password alone until they set MFA up again.';
  if (poolMfa === 'OFF') return 'MFA is off in this pool, so they sign in with their password alone.';
  return 'Whether they must set up MFA again at their next sign-in depends on the pool’s MFA setting.';
}

/**
 * Support's answer to "I lost my phone": AdminSetUserMFAPreference with every factor off. It lowers
 * the account's protection, so it asks first and says exactly what the user will meet next.
 */
export function ResetMfa({ user, poolMfa }: { user: UserDetail; poolMfa: PoolMfa | undefined }) {
  const name = displayName(user);
  const factors = [...new Set([...user.mfa.enabled, ...(user.mfa.preferred ? [user.mfa.preferred] : [])])];
  const mutation = useUserMutation({
    username: user.username,
    run: (ctx) => resetUserMfa(ctx, user.username, user.mfa),
    describe: () => `Turned off ${name}’s MFA. ${afterMfaReset(poolMfa)}`,
    invalidates: (ctx) => [userDetailKeys.user(ctx.userPoolId, user.username)],
  });
  const [open, dialog] = useConfirmDialog({
    title: `Reset ${name}’s MFA?`,
    message: (
      <div className="stack stack--tight">
        <p>
          Their {factors.map(mfaName).join(' and ')} will be turned off: Cognito stops asking them for a code when they sign in.
        </p>
        <p>{afterMfaReset(poolMfa)}</p>
        <p>Do this only once you are sure you are talking to them: until they set MFA up again, their password alone signs them in.</p>
      </div>
    ),
    confirmLabel: 'Reset MFA',
    destructive: true,
    onConfirm: () => mutation.mutate(),
  });

  if (factors.length === 0) {
    return <p>{name} has no MFA factor set up, so there is nothing to reset.</p>;
  }
  return (
    <>
      <p>
        <button type="button" className="button" onClick={open} disabled={mutation.isPending}>
          {mutation.isPending ? 'Resetting MFA…' : 'Reset MFA'}
        </button>{' '}
        <span className="field__hint">For a lost or replaced phone: turns off {factors.map(mfaName).join(' and ')}.</span>
      </p>
      {dialog}
    </>
  );
}
