import type { UseQueryResult } from '@tanstack/react-query';
import type { AppError } from '@/aws/errors';
import { Card } from '@/components/card';
import { Loading } from '@/components/loading';
import { formatNumber } from '@/lib/format';

/** A counted list (groups, app clients) with its own loading, empty and error states. */
export function CountCard({
  title,
  query,
  noun,
  emptyHint,
}: {
  title: string;
  query: UseQueryResult<number, AppError>;
  noun: [singular: string, plural: string];
  emptyHint: string;
}) {
  return (
    <Card title={title}>
      {query.isPending ? (
        <Loading inline label={`Counting ${noun[1]}…`} />
      ) : query.isError ? (
        <div role="alert" className="inline-error">
          <p>{query.error.message}</p>
          <button type="button" className="button button--small" onClick={() => void query.refetch()} disabled={query.isFetching}>
            {query.isFetching ? 'Trying again…' : 'Try again'}
          </button>
        </div>
      ) : (
        <>
          <p className="figure">
            <span className="figure__value">{formatNumber(query.data)}</span>
            <span className="figure__label">{query.data === 1 ? noun[0] : noun[1]}</span>
          </p>
          {query.data === 0 ? <p className="muted">{emptyHint}</p> : null}
        </>
      )}
    </Card>
  );
}
