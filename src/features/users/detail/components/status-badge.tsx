import type { UserStatus } from '@/aws/user-types';

const labels: Record<UserStatus, string> = {
  CONFIRMED: 'Confirmed',
  UNCONFIRMED: 'Unconfirmed',
  FORCE_CHANGE_PASSWORD: 'Must change password',
  RESET_REQUIRED: 'Password reset required',
  EXTERNAL_PROVIDER: 'External provider',
  ARCHIVED: 'Archived',
  COMPROMISED: 'Compromised',
  UNKNOWN: 'Unknown',
};

export const statusExplanations: Record<UserStatus, string> = {
  CONFIRMED: 'Signed up and confirmed; can sign in.',
  UNCONFIRMED: 'Signed up but has not entered the confirmation code yet.',
  FORCE_CHANGE_PASSWORD: 'Created by an administrator; must replace the temporary password at first sign-in.',
  RESET_REQUIRED: 'An administrator reset the password; the user must set a new one with the code sent to them.',
  EXTERNAL_PROVIDER: 'Signs in through an external identity provider.',
  ARCHIVED: 'Archived (legacy status).',
  COMPROMISED: 'Marked compromised (legacy status).',
  UNKNOWN: 'Cognito reported a status Poolkeeper does not know.',
};

const tones: Record<UserStatus, string> = {
  CONFIRMED: 'success',
  UNCONFIRMED: 'warning',
  FORCE_CHANGE_PASSWORD: 'info',
  RESET_REQUIRED: 'warning',
  EXTERNAL_PROVIDER: 'accent',
  ARCHIVED: 'neutral',
  COMPROMISED: 'danger',
  UNKNOWN: 'neutral',
};

export function StatusBadge({ status }: { status: UserStatus }) {
  return (
    <span className={`badge badge--${tones[status]}`} title={status}>
      {labels[status]}
    </span>
  );
}

export function EnabledBadge({ enabled }: { enabled: boolean }) {
  return <span className={`badge ${enabled ? 'badge--success' : 'badge--danger'}`}>{enabled ? 'Enabled' : 'Disabled'}</span>;
}
