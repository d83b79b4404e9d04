/** Email and SMS: the default sender's cap, SES sandbox and identity, SMS sandbox, the deprecated failure field. */
import { fail, notEvaluated, pass, poolCheck, poolResource } from '../check-kit';
import { UPDATE_POOL_NOTE } from '../notes';
import type { Check } from '../types';

export const checks: Check[] = [
  poolCheck(
    {
      id: 'PK-EMAIL-1',
      title: 'Email goes through Cognito\'s default sender (50 a day)',
      severity: 'medium',
      area: 'messaging',
      why: 'Cognito\'s default sender allows 50 emails a day per AWS account (not adjustable), sends from no-reply@verificationemail.com, and hard bounces land on a suppression list you cannot clear. Sign-up codes stop arriving on a busy day.',
      fix: {
        console: 'Amazon Cognito → User pools → {poolId} → Authentication → Email → Edit → Send email with Amazon SES',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --email-configuration 'EmailSendingAccount=DEVELOPER,SourceArn=arn:aws:ses:{region}:<account>:identity/<sender>,From=<sender>'  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → EmailConfiguration: { EmailSendingAccount: DEVELOPER, SourceArn: <SES identity ARN>, From: <sender> }',
      },
      fixable: true,
      references: {},
      setting: 'email',
    },
    (pool, input) => {
      const field = 'UserPool.EmailConfiguration.EmailSendingAccount';
      const value = pool.EmailConfiguration?.EmailSendingAccount ?? 'COGNITO_DEFAULT';
      return value === 'DEVELOPER' ? pass(poolResource(input), field, value) : fail(poolResource(input), field, value, 'DEVELOPER');
    },
  ),
  {
    meta: {
      id: 'PK-EMAIL-2',
      title: 'The pool\'s SES account cannot send to everyone',
      severity: 'medium',
      area: 'messaging',
      why: 'In the SES sandbox only verified recipients get mail (200 a day, 1 a second), so real users never receive their codes; an unverified sender identity fails every send.',
      fix: {
        console: 'Amazon SES → Account dashboard → Request production access; Amazon SES → Identities → verify the sender',
        cli: 'aws sesv2 put-account-details --production-access-enabled --mail-type TRANSACTIONAL --website-url <url> --region {sesRegion}',
        cloudformation: 'AWS::SES::EmailIdentity for the sender (production access is requested, not declared)',
      },
      fixable: true,
      references: {},
      setting: 'email',
    },
    evaluate(input) {
      if (!input.pool.ok) return [notEvaluated(input.pool)];
      if (!input.ses) return [];
      if (!input.ses.ok) return [notEvaluated(input.ses)];
      const ses = input.ses.value;
      const resource = `ses/${ses.region}/${ses.identity}`;
      const out = [];
      const sandbox = ses.Max24HourSend === 200 && ses.MaxSendRate === 1;
      const quota = { Max24HourSend: ses.Max24HourSend ?? null, MaxSendRate: ses.MaxSendRate ?? null };
      out.push(sandbox ? fail(resource, 'GetSendQuota', quota, 'production access (a quota above 200 a day)', { vars: { sesRegion: ses.region }, title: 'SES is in the sandbox: only verified recipients get codes' }) : pass(resource, 'GetSendQuota', quota));
      const status = ses.VerificationStatus ?? 'NotFound';
      out.push(
        status === 'Success'
          ? pass(resource, 'GetIdentityVerificationAttributes.VerificationStatus', status)
          : fail(resource, 'GetIdentityVerificationAttributes.VerificationStatus', status, 'Success', { severity: 'high', vars: { sesRegion: ses.region }, title: `The SES sender ${ses.identity} is not verified` }),
      );
      return out;
    },
  },
  poolCheck(
    {
      id: 'PK-SMS-1',
      title: 'Cognito reports an SMS configuration failure',
      severity: 'medium',
      area: 'messaging',
      why: 'Cognito reports why it cannot send SMS here: SNSSandbox means texts reach only verified numbers (at most 10, $1 a month); a role error means none go out at all.',
      fix: {
        console: 'AWS End User Messaging SMS → Move to production; Amazon Cognito → User pools → {poolId} → Authentication → SMS → Edit (IAM role)',
        cli: `aws cognito-idp update-user-pool --user-pool-id {poolId} --sms-configuration SnsCallerArn=<role-arn>,ExternalId=<id>  # ${UPDATE_POOL_NOTE}`,
        cloudformation: 'AWS::Cognito::UserPool → SmsConfiguration: { SnsCallerArn, ExternalId }',
      },
      fixable: true,
      references: {},
      setting: 'sms',
    },
    (pool, input) => {
      const field = 'UserPool.SmsConfigurationFailure';
      return pool.SmsConfigurationFailure ? fail(poolResource(input), field, pool.SmsConfigurationFailure, 'empty') : pass(poolResource(input), field, null);
    },
  ),
  poolCheck(
    {
      id: 'PK-MAIL-LOG',
      title: 'Cognito reports an email configuration failure',
      severity: 'info',
      area: 'messaging',
      why: 'EmailConfigurationFailure is deprecated but, when set, says email from this pool is failing. CloudTrail events from cognito-idp.amazonaws.com are the current place to watch delivery errors.',
      fix: {
        console: 'CloudTrail → Event history → Event source cognito-idp.amazonaws.com; then fix the SES identity or role the message names',
        cli: "aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventSource,AttributeValue=cognito-idp.amazonaws.com",
        cloudformation: 'AWS::Cognito::UserPool → EmailConfiguration (as the failure describes)',
      },
      fixable: true,
      references: {},
      setting: 'email',
    },
    (pool, input) => {
      const field = 'UserPool.EmailConfigurationFailure';
      return pool.EmailConfigurationFailure ? fail(poolResource(input), field, pool.EmailConfigurationFailure, 'empty') : pass(poolResource(input), field, null);
    },
  ),
];
