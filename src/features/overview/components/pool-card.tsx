import type { PoolOverview } from '@/aws/pool';
import { Card } from '@/components/card';
import { formatDateTime } from '@/lib/format';

export function PoolCard({ pool, region }: { pool: PoolOverview; region: string }) {
  return (
    <Card title="Pool" className="card--wide">
      <dl className="facts">
        <div>
          <dt>Name</dt>
          <dd>{pool.name || '—'}</dd>
        </div>
        <div>
          <dt>Pool ID</dt>
          <dd>
            <code>{pool.id}</code>
          </dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>{region}</dd>
        </div>
        {pool.tier ? (
          <div>
            <dt>Feature plan</dt>
            <dd>{pool.tier.charAt(0) + pool.tier.slice(1).toLowerCase()}</dd>
          </div>
        ) : null}
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(pool.createdAt)}</dd>
        </div>
        <div>
          <dt>Last modified</dt>
          <dd>{formatDateTime(pool.lastModifiedAt)}</dd>
        </div>
        {pool.arn ? (
          <div className="facts__wide">
            <dt>ARN</dt>
            <dd>
              <code className="break">{pool.arn}</code>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
