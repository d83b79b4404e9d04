import type { UserDetail } from '@/aws/user-detail';
import { statusExplanations } from './status-badge';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function When({ date }: { date: Date }) {
  if (date.getTime() === 0) return <>unknown</>;
  return <time dateTime={date.toISOString()}>{formatter.format(date)}</time>;
}

const mfaNames: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'Authenticator app (TOTP)',
  SMS_MFA: 'Text message (SMS)',
  EMAIL_OTP: 'Email one-time code',
};
export const mfaName = (id: string) => mfaNames[id] ?? id;

/** What Cognito records about the account's life: it keeps no event history beyond these. */
export function HistoryTab({ user }: { user: UserDetail }) {
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <dl className="details">
        <dt>Created</dt>
        <dd>
          <When date={user.createdAt} />
        </dd>
        <dt>Last modified</dt>
        <dd>
          <When date={user.modifiedAt} />
        </dd>
        <dt>Status</dt>
        <dd>
          {user.status} — {statusExplanations[user.status]}
        </dd>
        <dt>Enabled</dt>
        <dd>{user.enabled ? 'Yes' : 'No, the user cannot sign in'}</dd>
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Subject (sub)</dt>
        <dd>
          <code>{user.sub || 'unknown'}</code>
        </dd>
        <dt>Preferred MFA</dt>
        <dd>{user.mfa.preferred ? mfaName(user.mfa.preferred) : 'None'}</dd>
        <dt>MFA methods set up</dt>
        <dd>{user.mfa.enabled.length > 0 ? user.mfa.enabled.map(mfaName).join(', ') : 'None'}</dd>
        {user.mfa.options.length > 0 && (
          <>
            <dt>Legacy MFA options</dt>
            <dd>{user.mfa.options.map((o) => `${o.medium} to ${o.attribute}`).join(', ')}</dd>
          </>
        )}
      </dl>
      <p className="hint">
        Cognito keeps no event log for users here; for sign-in history, enable user activity logging (threat
        protection) or CloudTrail in your AWS account.
      </p>
    </section>
  );
}
