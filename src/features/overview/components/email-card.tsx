import type { PoolOverview } from '@/aws/pool';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';

export function EmailCard({ pool }: { pool: PoolOverview }) {
  const developer = pool.emailSendingAccount === 'DEVELOPER';
  return (
    <Card title="Email">
      <dl className="facts facts--single">
        <div>
          <dt>Sending account</dt>
          <dd>
            {developer ? <Badge tone="info">Amazon SES</Badge> : <Badge>Cognito default</Badge>}{' '}
            <span className="muted">{developer ? 'DEVELOPER: sent through your SES identity.' : 'COGNITO_DEFAULT: sent by Cognito itself.'}</span>
          </dd>
        </div>
        {pool.emailFrom ? (
          <div>
            <dt>From</dt>
            <dd className="break">{pool.emailFrom}</dd>
          </div>
        ) : null}
        {pool.emailSourceArn ? (
          <div>
            <dt>SES identity</dt>
            <dd>
              <code className="break">{pool.emailSourceArn}</code>
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
