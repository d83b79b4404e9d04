import type { UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '@/aws/errors';
import type { SesSendQuota } from '@/aws/ses';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';
import { Loading } from '@/components/loading';
import { Meter } from '@/components/meter';
import { formatNumber } from '@/lib/format';
import { DEFAULT_SENDER_DAILY_EMAILS, isSandboxQuota } from '../model/checklist';
import { InlineError } from './inline-error';

/** Section 2: what is left to send now. */
export function QuotaCard({
  sendingAccount,
  quota,
  sentToday,
  sesRegion,
  sesProblem,
}: {
  sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER';
  quota: UseQueryResult<SesSendQuota, AppError>;
  sentToday: number;
  sesRegion: string;
  sesProblem?: string;
}) {
  return (
    <Card title="Quota now">
      {sendingAccount === 'DEVELOPER' ? (
        sesProblem ? <p className="muted">{sesProblem}</p> : <SesQuota quota={quota} sesRegion={sesRegion} />
      ) : (
        <DefaultSenderQuota sentToday={sentToday} />
      )}
    </Card>
  );
}

function SesQuota({ quota, sesRegion }: { quota: UseQueryResult<SesSendQuota, AppError>; sesRegion: string }) {
  if (quota.isPending) return <Loading inline label="Reading the SES quota…" />;
  if (quota.isError) return <InlineError error={quota.error} onRetry={() => void quota.refetch()} retrying={quota.isFetching} />;
  const { max24HourSend: max, sentLast24Hours: sent, maxSendRate } = quota.data;
  const unlimited = max < 0;
  return (
    <>
      <p className="figure">
        <span className="figure__value">{formatNumber(sent)}</span>
        <span className="figure__label">{unlimited ? 'sent, no daily limit' : `of ${formatNumber(max)} sent in the last 24 hours`}</span>
      </p>
      {unlimited ? null : <Meter label="SES emails sent in the last 24 hours" value={sent} max={max} />}
      <p className="muted">
        Amazon SES in {sesRegion}: {unlimited ? 'no daily limit' : `${formatNumber(Math.max(0, max - sent))} left`}, up to {formatNumber(maxSendRate)} a second.
      </p>
      {isSandboxQuota(quota.data) ? (
        <p className="inline-warning">
          <Badge tone="warning">Sandbox?</Badge> 200 a day at 1 a second is the SES sandbox quota: SES then sends only to verified addresses and
          domains (and the mailbox simulator). Request production access before going live.
        </p>
      ) : null}
    </>
  );
}

function DefaultSenderQuota({ sentToday }: { sentToday: number }) {
  return (
    <>
      <p className="figure">
        <span className="figure__value">{formatNumber(sentToday)}</span>
        <span className="figure__label">of {DEFAULT_SENDER_DAILY_EMAILS} sent by this dashboard since 09:00 UTC</span>
      </p>
      <Meter label="Default-sender emails this dashboard sent today" value={sentToday} max={DEFAULT_SENDER_DAILY_EMAILS} />
      <p className="muted">
        AWS exposes no counter for Cognito's default sender: its 50 emails a day (per account and Region, from 09:00 UTC) are shared with
        every sign-up, password reset and pool. Only what this dashboard sent is counted here.
      </p>
    </>
  );
}
