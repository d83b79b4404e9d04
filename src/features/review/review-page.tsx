import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError } from '@/aws/errors';
import { ReviewAccessError } from '@/aws/review-gather';
import { clientResource } from '@/lib/review/check-kit';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { reviewQuery, type ReviewResult } from './api/review-query';
import { ClientsSection } from './components/clients-section';
import { FindingsPanel } from './components/findings-panel';
import { IdentitySection } from './components/identity-section';
import { MessagingSection } from './components/messaging-section';
import { MfaSection } from './components/mfa-section';
import { PasswordSection } from './components/password-section';
import { PoolSection } from './components/pool-section';
import { SignInSection } from './components/sign-in-section';
import { ThreatSection } from './components/threat-section';
import { downloadReview } from './export-review';
import './review.css';

const TITLE = 'Configuration';

/** The pool's configuration with verdicts: findings (filterable, each linked to its setting) beside every setting that matters. */
export function ReviewPage() {
  const ctx = useAdminContext();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [partial, setPartial] = useState<ReviewResult | null>(null);
  const queryClient = useQueryClient();
  const query = useQuery(reviewQuery(ctx, queryClient, { onProgress: (done, total) => setProgress({ done, total }), onPartial: setPartial }));

  if (query.isPending && partial) {
    return <ReviewView result={partial} refreshing pending={progress ?? { done: 0, total: 0 }} onRefresh={() => undefined} />;
  }
  if (query.isPending) {
    return (
      <section className="page">
        <PageHeader title={TITLE} />
        <Loading label={progress && progress.total > 0 ? `Reading the pool's configuration: app client ${progress.done} of ${progress.total}…` : 'Reading the pool\'s configuration…'} />
      </section>
    );
  }
  if (query.isError) {
    const error = query.error instanceof ReviewAccessError ? query.error.error : toAppError(query.error);
    return (
      <section className="page">
        <PageHeader title={TITLE} />
        <ErrorState title={`The configuration of ${ctx.userPoolId} could not be read`} error={error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </section>
    );
  }
  return <ReviewView result={query.data} refreshing={query.isFetching} onRefresh={() => void query.refetch()} />;
}

/** `pending`: the app clients are still being read (paced to the quota); the rest is already shown. */
function ReviewView({ result, refreshing, onRefresh, pending }: { result: ReviewResult; refreshing: boolean; onRefresh: () => void; pending?: { done: number; total: number } }) {
  const { input, review } = result;
  const exportDisabled = pending !== undefined;
  const labels = Object.fromEntries(
    (input.clients.ok ? input.clients.value : []).map((c) => [clientResource(input, c.ClientId), `app client ${c.ClientName || '(no name)'} · ${c.ClientId}`]),
  );
  const pool = input.pool.ok ? input.pool.value : {};
  const findings = review.findings;
  return (
    <section className="page review-page">
      <PageHeader
        title={TITLE}
        description={
          <>
            <strong>{review.pool.name || review.pool.id}</strong> ({review.pool.id}, {review.pool.region}) · reviewed {new Date(review.evaluatedAt).toLocaleString()}
          </>
        }
        actions={
          <>
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'md')} disabled={exportDisabled}>
              Export Markdown
            </button>
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'json')} disabled={exportDisabled}>
              JSON
            </button>
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'sarif')} disabled={exportDisabled}>
              SARIF
            </button>
            <button type="button" className="button button--small" onClick={onRefresh} disabled={refreshing}>
              {refreshing ? 'Reviewing…' : 'Review again'}
            </button>
          </>
        }
      />
      {pending ? (
        <p className="review-pending" role="status">
          Reading app clients: {pending.done} of {pending.total || '…'} (Cognito allows 5 a second per pool). Their findings appear when all are read.
        </p>
      ) : null}
      <div className="review-layout">
        <FindingsPanel review={review} partial={pending !== undefined} labels={labels} />
        <div className="review-settings">
          <PasswordSection pool={pool} findings={findings} />
          <SignInSection pool={pool} findings={findings} />
          <MfaSection pool={pool} mfa={input.mfa} findings={findings} />
          <MessagingSection pool={pool} ses={input.ses} findings={findings} />
          <ThreatSection pool={pool} risk={input.risk} findings={findings} />
          <PoolSection pool={pool} domain={input.domain} replicas={input.replicas} findings={findings} />
          <ClientsSection clients={input.clients} findings={findings} pending={pending} />
          <IdentitySection identityPool={input.identityPool} roles={input.identityPoolRoles} groups={input.groups} findings={findings} />
        </div>
      </div>
    </section>
  );
}
