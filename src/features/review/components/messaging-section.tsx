import type { Finding, Read, SesInput, UserPoolInput } from '@/lib/review/types';
import { Fact, list, Section, Unavailable } from './section';

export function MessagingSection({ pool, ses, findings }: { pool: UserPoolInput; ses: Read<SesInput> | undefined; findings: readonly Finding[] }) {
  const email = pool.EmailConfiguration;
  const template = pool.VerificationMessageTemplate ?? {};
  return (
    <>
      <Section id="email" title="Email" findings={findings}>
        <dl className="review-facts">
          <Fact label="Sent by">{email?.EmailSendingAccount === 'DEVELOPER' ? 'your SES (DEVELOPER)' : 'Cognito\'s default sender: 50 emails a day per account'}</Fact>
          {email?.From ? <Fact label="From">{email.From}</Fact> : null}
          {email?.SourceArn ? <Fact label="SES identity">{email.SourceArn}</Fact> : null}
          {email?.ConfigurationSet ? <Fact label="Configuration set">{email.ConfigurationSet}</Fact> : null}
          {ses ? (
            <Fact label="SES account">
              {ses.ok ? (
                `${ses.value.Max24HourSend === 200 && ses.value.MaxSendRate === 1 ? 'sandbox' : 'production'} in ${ses.value.region}: ${ses.value.SentLast24Hours ?? 0} of ${ses.value.Max24HourSend ?? '?'} sent in 24 h; sender ${ses.value.VerificationStatus ?? 'unknown to SES'}`
              ) : (
                <Unavailable read={ses} />
              )}
            </Fact>
          ) : null}
        </dl>
      </Section>
      <Section id="sms" title="SMS" findings={findings}>
        <dl className="review-facts">
          <Fact label="SMS role">{pool.SmsConfiguration?.SnsCallerArn ?? 'none: the pool cannot send SMS'}</Fact>
          {pool.SmsConfigurationFailure ? <Fact label="Cognito reports">{pool.SmsConfigurationFailure}</Fact> : null}
        </dl>
      </Section>
      <Section id="verification" title="Verification" findings={findings}>
        <dl className="review-facts">
          <Fact label="Verified automatically">{list(pool.AutoVerifiedAttributes, 'nothing: no confirmation code is sent')}</Fact>
          <Fact label="Verify before a change applies">{list(pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate, 'no: changes apply at once')}</Fact>
          <Fact label="Confirmation by">{template.DefaultEmailOption === 'CONFIRM_WITH_LINK' ? 'link' : 'code'}</Fact>
          <Fact label="Email subject">{template.EmailSubject ?? 'Cognito\'s default'}</Fact>
          <Fact label="Email message">{template.EmailMessage ?? 'Cognito\'s default'}</Fact>
          <Fact label="SMS message">{template.SmsMessage ?? 'Cognito\'s default'}</Fact>
        </dl>
      </Section>
    </>
  );
}
