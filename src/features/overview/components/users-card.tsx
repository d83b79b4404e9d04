import { Card } from '@/components/card';
import { formatNumber } from '@/lib/format';

export function UsersCard({ estimatedUsers }: { estimatedUsers: number }) {
  return (
    <Card title="Users">
      <p className="figure">
        <span className="figure__value">{formatNumber(estimatedUsers)}</span>
        <span className="figure__label">estimated users</span>
      </p>
      <p className="muted">
        {estimatedUsers === 0 ? 'No users yet. ' : ''}Cognito's estimate; it can lag behind recent changes.
      </p>
    </Card>
  );
}
