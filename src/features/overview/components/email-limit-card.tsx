import { useAdminContext } from '@/aws/admin-context';
import type { PoolOverview } from '@/aws/pool';
import { Card } from '@/components/card';
import { Loading } from '@/components/loading';
import { Meter } from '@/components/meter';
import { formatNumber } from '@/lib/format';
import { useSendQuota } from '../api/counts';

/** Cognito's default sender allows this many emails a day per account and Region. */
export const COGNITO_DEFAULT_DAILY_EMAILS = 50;

/**
 * How much email the pool may send. With Cognito's default sender the daily cap is fixed and its
 * usage is not exposed by any API, so only the cap is shown; with SES the real quota is read.
 */
export function EmailLimitCard({ pool }: { pool: PoolOverview }) {
  return <Card title="Email limit">{pool.emailSendingAccount === 'DEVELOPER' ? <SesQuota /> : <CognitoDefaultLimit />}</Card>;
}

function CognitoDefaultLimit() {
  return (
    <>
      <p className="figure">
        <span className="figure__value">{COGNITO_DEFAULT_DAILY_EMAILS}</span>
        <span className="figure__label">emails a day</span>
      </p>
      <p className="muted">Cognito's default sender. Switch the pool to Amazon SES to send more.</p>
    </>
  );
}

function SesQuota() {
  const { sesRegion } = useAdminContext();
  const quota = useSendQuota(true);
  if (quota.isPending) return <Loading inline label="Reading the SES quota…" />;
  if (quota.isError) {
    return (
      <div role="alert" className="inline-error">
        <p>{quota.error.message}</p>
        <button type="button" className="button button--small" onClick={() => void quota.refetch()} disabled={quota.isFetching}>
          {quota.isFetching ? 'Trying again…' : 'Try again'}
        </button>
      </div>
    );
  }
  const { max24HourSend, sentLast24Hours, maxSendRate } = quota.data;
  const unlimited = max24HourSend < 0;
  return (
    <>
      <p className="figure">
        <span className="figure__value">{formatNumber(sentLast24Hours)}</span>
        <span className="figure__label">{unlimited ? 'sent, no daily limit' : `of ${formatNumber(max24HourSend)} sent`}</span>
      </p>
      {unlimited ? null : <Meter label="SES emails sent in the last 24 hours" value={sentLast24Hours} max={max24HourSend} />}
      <p className="muted">
        Amazon SES in {sesRegion}, last 24 hours; up to {formatNumber(maxSendRate)} a second.
      </p>
    </>
  );
}
