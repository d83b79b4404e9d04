import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import type { EmailSetup } from '@/aws/email';
import { userKey } from '@/aws/user-types';
import { sendQuotaQuery } from '@/aws/queries';
import { Alert } from '@/components/alert';
import { BulkResultTable } from '@/components/bulk-result-table';
import { Card } from '@/components/card';
import { useConfirmDialog } from '@/components/confirm-dialog';
import type { BulkOutcome } from '@/lib/bulk-runner';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useSendQuota } from '../api/email-queries';
import { useBacklogRun, useUnconfirmedUsers } from '../hooks/use-backlog';
import { useSentToday } from '../hooks/use-sent-log';
import { sendBudget, summariseBacklog } from '../model/backlog';
import { formatAge } from '../model/checklist';
import { InlineError } from './inline-error';

const OUTCOME_WORDS: Record<BulkOutcome, string> = { done: 'Sent', skipped: 'Skipped', failed: 'Failed', 'not-run': 'Not run' };
const SHOWN = 200;

/** Section 5: the unconfirmed backlog and a resend to all of it that never spends the reserve. */
export function BacklogSection({ setup, sesProblem }: { setup: EmailSetup; sesProblem?: string }) {
  const ctx = useAdminContext();
  const queryClient = useQueryClient();
  const reserveId = useId();
  const backlog = useUnconfirmedUsers();
  const { run, start, retryFailed, cancel, dismiss } = useBacklogRun();
  const developer = setup.sendingAccount === 'DEVELOPER';
  const quota = useSendQuota(developer && !sesProblem);
  const sentToday = useSentToday(ctx.userPoolId);
  const [reserve, setReserve] = useState(developer ? 20 : 10);
  const [now] = useState(() => Date.now());
  const summary = summariseBacklog(backlog.users, now);
  const budget = sendBudget({ sendingAccount: setup.sendingAccount, quota: quota.data, defaultSentToday: sentToday }, reserve);
  // Newest first: the most recent sign-ups are the likeliest to still want their account.
  const queue = [...backlog.users].filter((u) => u.enabled).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const planned = budget ? Math.min(queue.length, budget.sendable) : 0;

  /** The budget from a fresh quota read, at the moment the run starts. */
  const freshBudget = async () => {
    const fresh = developer ? await queryClient.fetchQuery({ ...sendQuotaQuery(ctx), staleTime: 0 }) : undefined;
    return sendBudget({ sendingAccount: setup.sendingAccount, quota: fresh, defaultSentToday: sentToday }, reserve)?.sendable ?? 0;
  };
  const after = () => void queryClient.invalidateQueries({ queryKey: sendQuotaQuery(ctx).queryKey });

  const [confirm, dialog] = useConfirmDialog({
    title: `Resend sign-up codes to ${formatNumber(queue.length)} users?`,
    message: (
      <p>
        Each gets a new code by email (ResendConfirmationCode), newest sign-ups first. At most {formatNumber(planned)} are sent now, keeping a
        reserve of {formatNumber(reserve)} emails; the rest are listed as not sent.
      </p>
    ),
    confirmLabel: 'Resend codes',
    onConfirm: async () => {
      await start(queue, await freshBudget());
      after();
    },
  });

  const reserveValid = Number.isInteger(reserve) && reserve >= 0;
  return (
    <Card title="Unconfirmed backlog" className="card--full">
      {backlog.phase === 'failed' ? <InlineError error={backlog.error} onRetry={backlog.reload} /> : null}
      <dl className="facts backlog-facts" aria-busy={backlog.phase === 'loading'}>
        <div>
          <dt>Unconfirmed users</dt>
          <dd className="figure__value">
            {formatNumber(summary.count)}
            {backlog.phase === 'loading' ? <span className="muted backlog-counting"> counting…</span> : null}
          </dd>
        </div>
        <div>
          <dt>Older than 24 hours (code expired)</dt>
          <dd className="figure__value">{formatNumber(summary.expired)}</dd>
        </div>
        <div>
          <dt>Oldest</dt>
          <dd>
            {summary.oldest ? (
              <>
                {summary.oldest.attributes.email || summary.oldest.username}
                <br />
                <span className="muted">
                  signed up {formatDateTime(summary.oldest.createdAt)} ({formatAge(now - summary.oldest.createdAt.getTime())} ago)
                </span>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
      </dl>

      {run.phase === 'idle' ? (
        <div className="backlog-plan">
          <div className="field backlog-reserve">
            <label className="field__label" htmlFor={reserveId}>
              Keep in reserve (emails)
            </label>
            <input
              id={reserveId}
              className="field__input"
              type="number"
              min={0}
              step={1}
              value={Number.isNaN(reserve) ? '' : reserve}
              onChange={(e) => setReserve(e.target.valueAsNumber)}
            />
          </div>
          <p className="backlog-budget">
            {sesProblem
              ? sesProblem
              : !budget
                ? quota.isError
                  ? `The SES quota could not be read, so a resend cannot be kept within it: ${quota.error.message}`
                  : 'Reading the quota…'
                : `${budget.basis}. ${budget.left === Infinity ? 'With no limit' : `With ${formatNumber(budget.left)} left`} and a reserve of ${formatNumber(reserveValid ? reserve : 0)}, this can send to ${formatNumber(planned)} of the ${formatNumber(queue.length)} enabled unconfirmed users now.`}
          </p>
          <button type="button" className="button button--primary" onClick={confirm} disabled={!budget || !reserveValid || planned === 0 || backlog.phase === 'loading' || !!sesProblem}>
            Resend to all of them…
          </button>
        </div>
      ) : run.phase === 'running' ? (
        <div className="backlog-progress" role="status" aria-live="polite">
          <p>
            Resending: {formatNumber(run.progress.done)} sent, {formatNumber(run.progress.skipped)} skipped, {formatNumber(run.progress.failed)} failed of{' '}
            {formatNumber(run.progress.total)}
            {run.progress.retries ? ` (${run.progress.retries} retried after throttling)` : ''}.
          </p>
          <progress max={run.progress.total} value={run.progress.done + run.progress.skipped + run.progress.failed + run.progress.notRun} aria-label="Resend progress" />
          <button type="button" className="button button--small" onClick={cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <RunResults
          run={run}
          emails={new Map(backlog.users.map((u) => [userKey(u), u.attributes.email || u.username]))}
          onRetry={async () => {
            await retryFailed(await freshBudget());
            after();
          }}
          onClose={() => {
            dismiss();
            backlog.reload();
          }}
        />
      )}
      {dialog}
    </Card>
  );
}

function RunResults({
  run,
  emails,
  onRetry,
  onClose,
}: {
  run: Extract<ReturnType<typeof useBacklogRun>['run'], { phase: 'finished' }>;
  emails: ReadonlyMap<string, string>;
  onRetry: () => void;
  onClose: () => void;
}) {
  const count = (o: BulkOutcome) => run.results.filter((r) => r.outcome === o).length;
  const retryable = count('failed') + count('not-run');
  return (
    <section aria-label="Resend results" className="backlog-results">
      <Alert
        tone={count('failed') > 0 || run.stoppedBy || run.reserveReached ? 'warning' : 'success'}
        title={`Resend: ${count('done')} sent, ${count('skipped')} skipped, ${count('failed')} failed${count('not-run') ? `, ${count('not-run')} not run` : ''}`}
        actions={
          <>
            {retryable > 0 ? (
              <button type="button" className="button" onClick={onRetry}>
                Retry {retryable} failed or not run
              </button>
            ) : null}
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </>
        }
      >
        {run.reserveReached ? (
          <p>
            Stopped at the reserve: this run could use {formatNumber(run.budget)} emails (what the quota had left minus the reserve), so the
            users after them were not sent a code and the reserve stays for new sign-ups. Run it again when the quota has room.
          </p>
        ) : null}
        {run.stoppedBy ? <p>Stopped early: {run.stoppedBy.message}</p> : null}
        {run.cancelled ? <p>Cancelled; requests already sent finished and are listed as they went.</p> : null}
      </Alert>
      <BulkResultTable results={run.results} limit={SHOWN} outcomeLabels={OUTCOME_WORDS} user={(r) => emails.get(r.key) ?? r.username} className="backlog-results" />
      {run.results.length > SHOWN ? <p className="muted">Showing the first {SHOWN} of {formatNumber(run.results.length)}.</p> : null}
    </section>
  );
}
