import { useAdminContext } from '@/aws/admin-context';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { sesRegionProblem, useEmailSetup, useIdentityStatuses, useSendingEnabled, useSendQuota } from './api/email-queries';
import { BacklogSection } from './components/backlog-section';
import { DeliveryCard } from './components/delivery-card';
import { HealthSection } from './components/health-section';
import { LookupSection } from './components/lookup-section';
import { QuotaCard } from './components/quota-card';
import { useSentToday } from './hooks/use-sent-log';

/**
 * The Delivery tab: the lookup support opens the screen for, then how the pool sends, what is
 * left, how sending has gone, and the unconfirmed backlog. A denied or failed SES read shows its
 * reason in its own section; the rest of the page still works.
 */
export function EmailPage() {
  const ctx = useAdminContext();
  const setup = useEmailSetup();
  const data = setup.data;
  const sesProblem = data ? sesRegionProblem(data, ctx.sesRegion) : undefined;
  const useSes = data?.sendingAccount === 'DEVELOPER' && !sesProblem;
  const quota = useSendQuota(useSes);
  const sending = useSendingEnabled(useSes);
  const identity = useIdentityStatuses(data?.sourceIdentity ? [data.sourceIdentity] : [], useSes);
  const sentToday = useSentToday(ctx.userPoolId);

  if (setup.isPending) return <Loading label="Reading how the pool sends email…" />;
  if (setup.isError) return <ErrorState title="The pool's email settings could not be read" error={setup.error} onRetry={() => void setup.refetch()} retrying={setup.isFetching} />;
  const s = setup.data;
  const healthNote =
    s.sendingAccount === 'COGNITO_DEFAULT'
      ? `This pool sends through Cognito's default sender, whose mail is not in your SES statistics. Shown: your SES account in ${ctx.sesRegion}.`
      : sesProblem;
  return (
    <div className="email-sections">
      <LookupSection setup={s} />
      <div className="card-grid email-grid">
        <DeliveryCard
          setup={s}
          sesProblem={sesProblem}
          {...(identity.data && s.sourceIdentity ? { identityStatus: identity.data[s.sourceIdentity] } : {})}
          {...(sending.data !== undefined ? { sendingEnabled: sending.data } : {})}
        />
        <QuotaCard sendingAccount={s.sendingAccount} quota={quota} sentToday={sentToday} sesRegion={ctx.sesRegion} sesProblem={sesProblem} />
      </div>
      {sending.isError || identity.isError ? (
        <p className="inline-warning" role="alert">
          {[sending.error?.message, identity.error?.message].filter(Boolean).join(' ')}
        </p>
      ) : null}
      <HealthSection sesRegion={ctx.sesRegion} note={healthNote} />
      <BacklogSection setup={s} sesProblem={sesProblem} />
    </div>
  );
}
