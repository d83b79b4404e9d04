import { useAdminContext } from '@/aws/admin-context';
import { formatNumber } from '@/lib/format';
import { useSendQuota } from '../api/email-queries';
import { useSentToday } from '../hooks/use-sent-log';
import { DEFAULT_SENDER_DAILY_EMAILS } from '../model/checklist';

/** The quota right after a send, re-read from SES (or this dashboard's count for the default sender). */
export function QuotaAfter({ sendingAccount }: { sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER' }) {
  const ctx = useAdminContext();
  const quota = useSendQuota(sendingAccount === 'DEVELOPER');
  const sentToday = useSentToday(ctx.userPoolId);
  if (sendingAccount === 'COGNITO_DEFAULT') {
    return (
      <p>
        Quota after: this dashboard has sent {sentToday} of the default sender's {DEFAULT_SENDER_DAILY_EMAILS} emails since 09:00 UTC (AWS
        exposes no counter).
      </p>
    );
  }
  if (quota.isFetching && !quota.data) return <p>Quota after: reading…</p>;
  if (!quota.data) return <p>Quota after: {quota.error?.message ?? 'not known'}</p>;
  const { max24HourSend: max, sentLast24Hours: sent } = quota.data;
  return (
    <p>
      Quota after: {formatNumber(sent)} {max < 0 ? 'sent in the last 24 hours (no daily limit)' : `of ${formatNumber(max)} sent in the last 24 hours, ${formatNumber(Math.max(0, max - sent))} left`}
      {quota.isFetching ? ' (updating…)' : ''}.
    </p>
  );
}
