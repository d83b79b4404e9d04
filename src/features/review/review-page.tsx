import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError } from '@/aws/errors';
import { ReviewAccessError } from '@/aws/review-gather';
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
  const queryClient = useQueryClient();
  const query = useQuery(reviewQuery(ctx, queryClient, (done, total) => setProgress({ done, total })));

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

function ReviewView({ result, refreshing, onRefresh }: { result: ReviewResult; refreshing: boolean; onRefresh: () => void }) {
  const { input, review } = result;
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
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'md')}>
              Export Markdown
            </button>
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'json')}>
              JSON
            </button>
            <button type="button" className="button button--small" onClick={() => downloadReview(review, 'sarif')}>
              SARIF
            </button>
            <button type="button" className="button button--small" onClick={onRefresh} disabled={refreshing}>
              {refreshing ? 'Reviewing…' : 'Review again'}
            </button>
          </>
        }
      />
      <div className="review-layout">
        <FindingsPanel review={review} />
        <div className="review-settings">
          <PasswordSection pool={pool} findings={findings} />
          <SignInSection pool={pool} findings={findings} />
          <MfaSection pool={pool} mfa={input.mfa} findings={findings} />
          <MessagingSection pool={pool} ses={input.ses} findings={findings} />
          <ThreatSection pool={pool} risk={input.risk} findings={findings} />
          <PoolSection pool={pool} domain={input.domain} replicas={input.replicas} findings={findings} />
          <ClientsSection clients={input.clients} findings={findings} />
          <IdentitySection identityPool={input.identityPool} roles={input.identityPoolRoles} groups={input.groups} findings={findings} />
        </div>
      </div>
    </section>
  );
}
