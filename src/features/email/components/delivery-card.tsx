import type { EmailSetup, IdentityStatus } from '@/aws/email';
import { Badge } from '@/components/badge';
import { Card } from '@/components/card';

const ALTERNATE_SES_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];

/** Section 1: how this pool sends its codes, from DescribeUserPool (and SES for DEVELOPER pools). */
export function DeliveryCard({
  setup,
  identityStatus,
  sendingEnabled,
  sesProblem,
}: {
  setup: EmailSetup;
  identityStatus?: IdentityStatus;
  sendingEnabled?: boolean;
  sesProblem?: string;
}) {
  const developer = setup.sendingAccount === 'DEVELOPER';
  const auto = setup.autoVerified;
  const crossRegion = developer && setup.sourceRegion && setup.sourceRegion !== setup.poolRegion;
  return (
    <Card title="Delivery path" className="card--wide">
      <dl className="facts">
        <div>
          <dt>Sent by</dt>
          <dd>
            {developer ? <Badge tone="info">Your Amazon SES</Badge> : <Badge>Cognito default sender</Badge>}{' '}
            <span className="muted">
              {developer ? 'DEVELOPER: your SES identity, your SES quota.' : 'COGNITO_DEFAULT: 50 emails a day per account and Region, not adjustable.'}
            </span>
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd className="break">{developer ? (setup.from ?? setup.sourceIdentity ?? '—') : 'no-reply@verificationemail.com'}</dd>
        </div>
        {developer ? (
          <>
            <div className="facts__wide">
              <dt>SES identity</dt>
              <dd>
                <code className="break">{setup.sourceArn ?? '—'}</code>{' '}
                {identityStatus ? <IdentityBadge status={identityStatus} /> : null}
              </dd>
            </div>
            <div>
              <dt>SES Region</dt>
              <dd>
                {setup.sourceRegion ?? '—'}
                {crossRegion ? (
                  <span className="muted">
                    {' '}
                    (the pool is in {setup.poolRegion}
                    {ALTERNATE_SES_REGIONS.includes(setup.sourceRegion!) ? ', an alternate Region Cognito accepts)' : '; Cognito only accepts its own Region or us-east-1, us-west-2, eu-west-1)'}
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Sending</dt>
              <dd>
                {sendingEnabled === undefined ? <span className="muted">not known</span> : sendingEnabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Paused</Badge>}
              </dd>
            </div>
            <div>
              <dt>Reply-To</dt>
              <dd className="break">{setup.replyTo ?? <span className="muted">none</span>}</dd>
            </div>
            <div>
              <dt>Configuration set</dt>
              <dd className="break">{setup.configurationSet ?? <span className="muted">none (no per-message events)</span>}</dd>
            </div>
          </>
        ) : null}
        <div>
          <dt>Auto-verified</dt>
          <dd>
            {auto.length === 0 ? (
              <Badge tone="danger">Nothing</Badge>
            ) : (
              auto.map((a) => (
                <Badge key={a} tone="success">
                  {a === 'phone_number' ? 'Phone' : a === 'email' ? 'Email' : a}
                </Badge>
              ))
            )}{' '}
            <span className="muted">{auto.length === 0 ? 'Cognito sends no confirmation code at all.' : auto.length === 2 ? 'With both, a user with a phone gets the code by SMS only.' : ''}</span>
          </dd>
        </div>
        <div className="facts__wide">
          <dt>Verification message ({setup.template.option === 'CONFIRM_WITH_LINK' ? 'a link' : 'a code'})</dt>
          <dd>
            <p className="email-template__subject">{setup.template.subject ?? (setup.template.option === 'CONFIRM_WITH_LINK' ? 'Your verification link' : 'Your verification code')}</p>
            <p className="email-template__body">{setup.template.message ?? (setup.template.option === 'CONFIRM_WITH_LINK' ? "Please click the link below to verify your email address. {##Verify Email##}" : 'Your verification code is {####}.')}</p>
            {!setup.template.message ? <p className="muted">Cognito's default wording (the pool sets no template).</p> : null}
          </dd>
        </div>
      </dl>
      {sesProblem ? <p className="inline-warning">{sesProblem}</p> : null}
    </Card>
  );
}

function IdentityBadge({ status }: { status: IdentityStatus }) {
  if (status === 'Success') return <Badge tone="success">Verified</Badge>;
  if (status === 'NotFound') return <Badge tone="danger">Not an SES identity</Badge>;
  return <Badge tone={status === 'Pending' ? 'warning' : 'danger'}>{status}</Badge>;
}
