import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { poolDescriptionQuery } from '@/aws/queries';
import { ErrorState } from '@/components/error-state';
import { Loading } from '@/components/loading';
import { PageHeader } from '@/components/page-header';
import { poolKeys, sesKeys } from '@/lib/query-keys';
import { CountCard } from './components/count-card';
import { EmailCard } from './components/email-card';
import { EmailLimitCard } from './components/email-limit-card';
import { PoolCard } from './components/pool-card';
import { SecurityCard } from './components/security-card';
import { UsersCard } from './components/users-card';
import { useClientCount, useGroupCount } from './api/counts';

/** The pool at a glance, every figure from a real call (DescribeUserPool, ListGroups, ListUserPoolClients, GetSendQuota). */
export function OverviewPage() {
  const ctx = useAdminContext();
  const pool = useQuery(poolDescriptionQuery(ctx));
  const groups = useGroupCount();
  const clients = useClientCount();
  const queryClient = useQueryClient();
  const refreshAll = () => {
    void queryClient.invalidateQueries({ queryKey: poolKeys.all(ctx.userPoolId) });
    void queryClient.invalidateQueries({ queryKey: sesKeys.sendQuota(ctx.sesRegion) });
  };

  if (pool.isPending) {
    return (
      <section className="page">
        <PageHeader title="Pool overview" />
        <Loading label="Loading the user pool…" />
      </section>
    );
  }
  if (pool.isError) {
    return (
      <section className="page">
        <PageHeader title="Pool overview" />
        <ErrorState title="The user pool could not be loaded" error={pool.error} onRetry={() => void pool.refetch()} retrying={pool.isFetching} />
      </section>
    );
  }
  const data = pool.data;
  return (
    <section className="page">
      <PageHeader
        title="Pool overview"
        description={
          <>
            <strong>{data.name || data.id}</strong> in {ctx.region}
          </>
        }
        actions={
          <button type="button" className="button button--small" onClick={refreshAll} disabled={pool.isFetching}>
            {pool.isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      <div className="card-grid">
        <UsersCard estimatedUsers={data.estimatedUsers} />
        <CountCard title="Groups" query={groups} noun={['group', 'groups']} emptyHint="No groups yet. The admin group must exist for anyone to administer this pool." />
        <CountCard title="App clients" query={clients} noun={['app client', 'app clients']} emptyHint="No app clients. Sign-in needs at least one." />
        <EmailLimitCard pool={data} />
      </div>
      <div className="card-grid">
        <PoolCard pool={data} region={ctx.region} />
        <SecurityCard pool={data} />
        <EmailCard pool={data} />
      </div>
    </section>
  );
}
