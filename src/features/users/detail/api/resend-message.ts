import type { ResendResult } from '@/aws/user-actions';
import type { SesSendQuota } from '@/aws/ses';
import type { UserStatus } from '@/aws/user-types';

/**
 * Tells support staff where a code went and why it might not arrive: the Cognito default sender
 * is capped at 50 emails a day; SES has its own 24-hour quota, shown when it could be read.
 */
export function describeResend(username: string, status: UserStatus, result: ResendResult, quota?: SesSendQuota): string {
  const what = status === 'FORCE_CHANGE_PASSWORD' ? 'a new invitation with a new temporary password' : 'a new sign-up code';
  const to = result.destination ? ` to ${result.destination}` : '';
  const head = `Sent ${username} ${what}${to}`;
  if (result.medium === 'SMS') return `${head} by text message.`;
  if (result.medium !== 'EMAIL') return `${head}${result.medium ? ` (${result.medium})` : ''}.`;
  if (result.via === 'cognito-default') {
    return `${head} by email through the Cognito default sender, which sends at most 50 emails a day; if it does not arrive, that limit may have been reached, or it is in a spam folder.`;
  }
  if (result.via === 'ses') {
    const usage = !quota
      ? 'The SES quota could not be read.'
      : quota.max24HourSend < 0
        ? `SES has sent ${quota.sentLast24Hours} emails in the last 24 hours (no daily limit).`
        : `SES quota: ${quota.sentLast24Hours} of ${quota.max24HourSend} emails used in the last 24 hours${quota.sentLast24Hours >= quota.max24HourSend ? ' — the quota is used up, so the email may not be sent' : ''}.`;
    return `${head} by email through Amazon SES. ${usage}`;
  }
  return `${head} by email.`;
}
