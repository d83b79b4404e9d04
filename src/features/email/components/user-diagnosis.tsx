import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import type { EmailSetup } from '@/aws/email';
import { maskDestination, resendCode, resetPassword, type ResendResult } from '@/aws/user-actions';
import type { AppUser } from '@/aws/user-types';
import { Alert } from '@/components/alert';
import { Badge, type BadgeTone } from '@/components/badge';
import { useConfirmDialog } from '@/components/confirm-dialog';
import { Loading } from '@/components/loading';
import { sesKeys } from '@/lib/query-keys';
import { useDeliveryFacts } from '../hooks/use-delivery-facts';
import { evaluateChecklist, likeliestCause, RESENDS_PER_HOUR, type RuleStatus } from '../model/checklist';
import { sentLog } from '../model/sent-log';
import { QuotaAfter } from './quota-after';

const STATUS_WORDS: Record<RuleStatus, { label: string; tone: BadgeTone }> = {
  fail: { label: 'Blocks the code', tone: 'danger' },
  warn: { label: 'Check', tone: 'warning' },
  ok: { label: 'OK', tone: 'success' },
  unknown: { label: 'Unknown', tone: 'neutral' },
  'n/a': { label: 'Does not apply', tone: 'neutral' },
};

/** In pools that sign in by email the username is a UUID; support knows the person by address. */
export const displayName = (user: AppUser) => user.attributes.email || user.username;

type Sent = { operation: string; result: ResendResult; at: number };

/** One user: the checklist from real data, then the resend that fits their status. */
export function UserDiagnosis({ user, setup, onChanged }: { user: AppUser; setup: EmailSetup; onChanged: () => void }) {
  const ctx = useAdminContext();
  const queryClient = useQueryClient();
  const { facts, loading } = useDeliveryFacts(user, setup);
  const results = evaluateChecklist(facts);
  const cause = likeliestCause(results);
  const [sent, setSent] = useState<Sent>();

  const send = useMutation({
    meta: { suppressErrorToast: true },
    mutationFn: async (): Promise<Sent> => {
      if (user.status === 'CONFIRMED') {
        await resetPassword(ctx, user.username);
        // AdminResetUserPassword answers without CodeDeliveryDetails: the code goes to the verified contact.
        const to = user.attributes.email_verified === 'true' ? user.attributes.email : user.attributes.phone_number;
        const result: ResendResult = { via: setup.sendingAccount === 'DEVELOPER' ? 'ses' : 'cognito-default', medium: to?.includes('@') ? 'EMAIL' : to ? 'SMS' : undefined, destination: to ? maskDestination(to) : undefined };
        return { operation: 'AdminResetUserPassword', result, at: Date.now() };
      }
      const result = await resendCode(ctx, user);
      return { operation: user.status === 'UNCONFIRMED' ? 'ResendConfirmationCode' : 'AdminCreateUser (MessageAction RESEND)', result, at: Date.now() };
    },
    onError: (error) => {
      // The user's 5 an hour may have been spent by their app: the rule then says so too.
      if (error.code === 'LimitExceededException' && /attempt limit/i.test(error.detail ?? error.message)) {
        sentLog.markLimitReached(ctx.userPoolId, user.username, RESENDS_PER_HOUR);
      }
    },
    onSuccess: (done) => {
      setSent(done);
      if (done.result.medium !== 'SMS') sentLog.recordSend(ctx.userPoolId, user.username, done.result.via === 'cognito-default');
      void queryClient.invalidateQueries({ queryKey: sesKeys.sendQuota(ctx.sesRegion) });
      void queryClient.invalidateQueries({ queryKey: ['emulator'] });
      onChanged();
    },
  });

  const [confirmReset, resetDialog] = useConfirmDialog({
    title: `Reset ${displayName(user)}'s password?`,
    message: (
      <p>
        Cognito emails {displayName(user)} a code to choose a new password, and their <strong>current password stops working at once</strong>: they
        cannot sign in until they set a new one.
      </p>
    ),
    confirmLabel: 'Reset password',
    destructive: true,
    onConfirm: () => send.mutate(),
  });

  const action =
    user.status === 'UNCONFIRMED'
      ? { label: 'Resend sign-up code', run: () => send.mutate() }
      : user.status === 'FORCE_CHANGE_PASSWORD'
        ? { label: 'Resend invitation', run: () => send.mutate() }
        : user.status === 'CONFIRMED'
          ? { label: 'Reset password…', run: confirmReset }
          : undefined;

  return (
    <section className="diagnosis" aria-label={`Diagnosis for ${displayName(user)}`}>
      <header className="diagnosis__header">
        <h3 className="diagnosis__name">{displayName(user)}</h3>
        <Badge tone={user.status === 'CONFIRMED' ? 'success' : user.status === 'UNCONFIRMED' ? 'warning' : 'info'}>{user.status}</Badge>
        {!user.enabled ? <Badge tone="danger">Disabled</Badge> : null}
        <span className="muted">
          {user.attributes.email ? (user.attributes.email_verified === 'true' ? 'email verified' : 'email not verified') : 'no email'}
          {displayName(user) !== user.username ? ` · username ${user.username}` : ''}
        </span>
      </header>
      {loading ? <Loading inline label="Checking SES for this user…" /> : null}
      {cause ? (
        <p className={`diagnosis__verdict diagnosis__verdict--${cause.status}`}>
          <strong>{cause.status === 'fail' ? 'Most likely:' : 'Worth checking:'}</strong> {cause.detail}
        </p>
      ) : !loading ? (
        <p className="diagnosis__verdict diagnosis__verdict--ok">
          <strong>Nothing here blocks the code.</strong> Ask them to check their spam folder, then resend.
        </p>
      ) : null}
      <ul className="checklist-rules" aria-label="Checklist">
        {results.map((r) => (
          <li key={r.id} className={`checklist-rule checklist-rule--${r.status.replace('/', '')}`} data-rule={r.id}>
            <Badge tone={STATUS_WORDS[r.status].tone}>{STATUS_WORDS[r.status].label}</Badge>
            <div>
              <p className="checklist-rule__title">{r.title}</p>
              <p className="checklist-rule__detail">{r.detail}</p>
              {r.fix && (r.status === 'fail' || r.status === 'warn') ? <p className="checklist-rule__fix">{r.fix}</p> : null}
            </div>
          </li>
        ))}
      </ul>
      <div className="diagnosis__actions">
        {action ? (
          <button type="button" className={`button ${user.status === 'CONFIRMED' ? 'button--danger' : 'button--primary'}`} onClick={action.run} disabled={send.isPending}>
            {send.isPending ? 'Sending…' : action.label}
          </button>
        ) : (
          <p className="muted">No code can be resent to a user in status {user.status}.</p>
        )}
      </div>
      {send.isError ? (
        <Alert tone="error" title="Not sent">
          <p>{send.error.message}</p>
          {send.error.code ? <p className="muted">AWS error: {send.error.code}</p> : null}
        </Alert>
      ) : null}
      {sent ? <SentDetails sent={sent} setup={setup} /> : null}
      {resetDialog}
    </section>
  );
}

function SentDetails({ sent, setup }: { sent: Sent; setup: EmailSetup }) {
  const { result } = sent;
  const route = result.via === 'ses' ? 'your Amazon SES' : result.via === 'cognito-default' ? "Cognito's default sender" : 'Cognito';
  return (
    <Alert tone="success" title={`Sent with ${sent.operation}`}>
      <dl className="facts">
        <div>
          <dt>Destination</dt>
          <dd>{result.destination ?? 'not reported'}</dd>
        </div>
        <div>
          <dt>Medium</dt>
          <dd>{result.medium ?? 'not reported'}</dd>
        </div>
        <div>
          <dt>Through</dt>
          <dd>{result.medium === 'SMS' ? 'Amazon SNS' : route}</dd>
        </div>
      </dl>
      {result.medium !== 'SMS' ? <QuotaAfter sendingAccount={setup.sendingAccount} /> : null}
    </Alert>
  );
}
