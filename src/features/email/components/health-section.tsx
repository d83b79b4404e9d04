import { lazy, Suspense, useMemo, useState } from 'react';
import type { SendPoint } from '@/aws/email';
import { Card } from '@/components/card';
import { EmptyState } from '@/components/empty-state';
import { Loading } from '@/components/loading';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useSendStatistics } from '../api/email-queries';
import {
  BOUNCE_THRESHOLDS,
  COMPLAINT_THRESHOLDS,
  RANGES,
  binPoints,
  estimateRate,
  formatPercent,
  totalsOf,
  type HealthBin,
  type HealthRange,
  type RateEstimate,
  type Thresholds,
} from '../model/health';
import { InlineError } from './inline-error';

const SendChart = lazy(() => import('./send-chart'));

/** uPlot needs matchMedia and a size to draw at; where they are missing the table view is the view. */
const canChart = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function' && typeof ResizeObserver !== 'undefined';

/** Section 3: GetSendStatistics as a chart with a table view, and rates beside AWS's thresholds. */
export function HealthSection({ sesRegion, note, now }: { sesRegion: string; note?: string; now?: number }) {
  const statistics = useSendStatistics();
  // Bins end at the moment the statistics were read, so a re-render does not move them.
  const at = now ?? statistics.dataUpdatedAt;
  return (
    <Card title="Sending health" className="card--full">
      {note ? <p className="muted">{note}</p> : null}
      {statistics.isPending ? (
        <Loading inline label="Reading SES send statistics…" />
      ) : statistics.isError ? (
        <InlineError error={statistics.error} onRetry={() => void statistics.refetch()} retrying={statistics.isFetching} />
      ) : statistics.data.length === 0 ? (
        <EmptyState title="No sending in the last two weeks">
          <p>SES in {sesRegion} has no send statistics: nothing was sent from this account and Region in the last 14 days, so there is no chart and no rate to estimate.</p>
        </EmptyState>
      ) : (
        <Health points={statistics.data} sesRegion={sesRegion} now={at} />
      )}
    </Card>
  );
}

function Health({ points, sesRegion, now }: { points: readonly SendPoint[]; sesRegion: string; now: number }) {
  const [range, setRange] = useState<HealthRange>('7d');
  const [view, setView] = useState<'chart' | 'table'>(() => (canChart() ? 'chart' : 'table'));
  const bins = useMemo(() => binPoints(points, range, now), [points, range, now]);
  const totals = totalsOf(bins);
  const bounce = estimateRate(totals.bounces, totals.deliveryAttempts, BOUNCE_THRESHOLDS);
  const complaint = estimateRate(totals.complaints, totals.deliveryAttempts, COMPLAINT_THRESHOLDS);
  const caption = `SES in ${sesRegion}, last ${RANGES[range].label}, ${RANGES[range].binLabel}`;
  return (
    <>
      <div className="health-toolbar">
        <div role="group" aria-label="Range" className="segmented">
          {(Object.keys(RANGES) as HealthRange[]).map((r) => (
            <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>
              {RANGES[r].label}
            </button>
          ))}
        </div>
        <div role="group" aria-label="View" className="segmented">
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')} disabled={!canChart()}>
            Chart
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </div>
      </div>
      <dl className="health-figures">
        <div>
          <dt>Delivery attempts</dt>
          <dd>{formatNumber(totals.deliveryAttempts)}</dd>
        </div>
        <RateFigure name="Bounce rate" count={totals.bounces} estimate={bounce} thresholds={BOUNCE_THRESHOLDS} />
        <RateFigure name="Complaint rate" count={totals.complaints} estimate={complaint} thresholds={COMPLAINT_THRESHOLDS} />
        <div>
          <dt>Rejects</dt>
          <dd>{formatNumber(totals.rejects)}</dd>
        </div>
      </dl>
      <p className="muted">
        Rates are estimates over the range from GetSendStatistics. AWS's own figures count only hard bounces to unverified recipients over a
        representative volume; read them in CloudWatch (Reputation.BounceRate, Reputation.ComplaintRate).
      </p>
      {view === 'chart' ? (
        <Suspense fallback={<Loading inline label="Loading the chart…" />}>
          <SendChart bins={bins} label={`Chart of delivery attempts, bounces, complaints and rejects: ${caption}. The table view has the numbers.`} />
        </Suspense>
      ) : (
        <HealthTable bins={bins} caption={caption} />
      )}
    </>
  );
}

function RateFigure({ name, count, estimate, thresholds }: { name: string; count: number; estimate: RateEstimate; thresholds: Thresholds }) {
  const level = estimate.level;
  const words = level === 'pause' ? 'at the level where AWS may pause sending' : level === 'review' ? 'at the level where AWS reviews the account' : level === 'ok' ? 'below the review level' : 'nothing sent';
  return (
    <div className={`rate rate--${level}`}>
      <dt>{name} (estimate)</dt>
      <dd>
        <span className="rate__value">{estimate.rate === undefined ? '—' : formatPercent(estimate.rate)}</span>{' '}
        <span className="muted">
          {formatNumber(count)}; {words}. Review at {formatPercent(thresholds.review)}, may pause at {formatPercent(thresholds.pause)}.
        </span>
      </dd>
    </div>
  );
}

export function HealthTable({ bins, caption }: { bins: readonly HealthBin[]; caption: string }) {
  return (
    <div className="health-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Delivery attempts</th>
            <th scope="col">Bounces</th>
            <th scope="col">Complaints</th>
            <th scope="col">Rejects</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((b) => (
            <tr key={b.start}>
              <th scope="row">{formatDateTime(new Date(b.start))}</th>
              <td>{formatNumber(b.deliveryAttempts)}</td>
              <td>{formatNumber(b.bounces)}</td>
              <td>{formatNumber(b.complaints)}</td>
              <td>{formatNumber(b.rejects)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
