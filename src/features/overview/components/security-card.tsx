import type { MfaConfiguration, PoolOverview } from '@/aws/pool';
import { Badge, type BadgeTone } from '@/components/badge';
import { Card } from '@/components/card';

const MFA: Record<MfaConfiguration, { label: string; tone: BadgeTone; explain: string }> = {
  OFF: { label: 'Off', tone: 'warning', explain: 'Users sign in with a password only.' },
  OPTIONAL: { label: 'Optional', tone: 'info', explain: 'Each user may turn on a second factor.' },
  ON: { label: 'Required', tone: 'success', explain: 'Every user must use a second factor.' },
};

const IDENTIFIER: Record<string, string> = { email: 'email address', phone_number: 'phone number' };

export function SecurityCard({ pool }: { pool: PoolOverview }) {
  const mfa = MFA[pool.mfaConfiguration];
  const identifiers = pool.usernameAttributes.length > 0 ? pool.usernameAttributes.map((name) => IDENTIFIER[name] ?? name).join(' or ') : 'username';
  return (
    <Card title="Security">
      <dl className="facts facts--single">
        <div>
          <dt>Multi-factor authentication</dt>
          <dd>
            <Badge tone={mfa.tone}>{mfa.label}</Badge> <span className="muted">{mfa.explain}</span>
          </dd>
        </div>
        <div>
          <dt>Deletion protection</dt>
          <dd>
            {pool.deletionProtection ? (
              <>
                <Badge tone="success">Active</Badge> <span className="muted">The pool cannot be deleted until this is turned off.</span>
              </>
            ) : (
              <>
                <Badge tone="warning">Inactive</Badge> <span className="muted">The pool can be deleted in one call.</span>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Users sign in with</dt>
          <dd>{identifiers.charAt(0).toUpperCase() + identifiers.slice(1)}</dd>
        </div>
      </dl>
    </Card>
  );
}
