import type { ReactNode } from 'react';
import type { UserDetail } from '@/aws/user-detail';
import { displayName } from '../display-name';
import { AuthEventList } from '../history/auth-event-list';
import { statusExplanations } from './status-badge';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function When({ date }: { date: Date }) {
  if (date.getTime() === 0) return <>unknown</>;
  return <time dateTime={date.toISOString()}>{formatter.format(date)}</time>;
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const mfaNames: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'Authenticator app (TOTP)',
  SMS_MFA: 'Text message (SMS)',
  EMAIL_OTP: 'Email one-time code',
};
export const mfaName = (id: string) => mfaNames[id] ?? id;

/**
 * What Cognito records about the account: its life (created, modified, status, MFA) and, where the
 * pool has threat protection, every sign-in and password event with its outcome and risk.
 */
export function HistoryTab({ user }: { user: UserDetail }) {
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <dl className="facts">
        <Fact term="Created">
          <When date={user.createdAt} />
        </Fact>
        <Fact term="Last modified">
          <When date={user.modifiedAt} />
        </Fact>
        <Fact term="Status">
          {user.status} — {statusExplanations[user.status]}
        </Fact>
        <Fact term="Enabled">{user.enabled ? 'Yes' : 'No, the user cannot sign in'}</Fact>
        <Fact term="Username">{user.username}</Fact>
        <Fact term="Subject (sub)">
          <code>{user.sub || 'unknown'}</code>
        </Fact>
        <Fact term="Preferred MFA">{user.mfa.preferred ? mfaName(user.mfa.preferred) : 'None'}</Fact>
        <Fact term="MFA methods set up">{user.mfa.enabled.length > 0 ? user.mfa.enabled.map(mfaName).join(', ') : 'None'}</Fact>
        {user.mfa.options.length > 0 && (
          <Fact term="Legacy MFA options">{user.mfa.options.map((o) => `${o.medium} to ${o.attribute}`).join(', ')}</Fact>
        )}
      </dl>
      <h3 id="activity-title">Sign-in activity</h3>
      <AuthEventList username={user.username} name={displayName(user)} />
    </section>
  );
}
