/**
 * The unconfirmed backlog and how much of it may be resent: the send budget is what the quota has
 * left today minus the reserve the operator keeps for real sign-ups, so a bulk resend can never
 * use the last emails up.
 */
import type { SesSendQuota } from '@/aws/ses';
import type { AppUser } from '@/aws/user-types';
import { CODE_LIFETIME_MS, DEFAULT_SENDER_DAILY_EMAILS } from './checklist';

export interface BacklogSummary {
  count: number;
  oldest?: AppUser;
  /** signed up more than 24 hours ago: their sign-up code has expired */
  expired: number;
}

export function summariseBacklog(users: readonly AppUser[], now: number): BacklogSummary {
  let oldest: AppUser | undefined;
  let expired = 0;
  for (const user of users) {
    if (!oldest || user.createdAt.getTime() < oldest.createdAt.getTime()) oldest = user;
    if (now - user.createdAt.getTime() > CODE_LIFETIME_MS) expired += 1;
  }
  return { count: users.length, ...(oldest ? { oldest } : {}), expired };
}

export interface SendBudget {
  /** emails left in the quota (Infinity: no daily limit) */
  left: number;
  /** how many this run may send: left minus the reserve, never negative */
  sendable: number;
  /** where `left` comes from, in words */
  basis: string;
}

export function sendBudget(
  input: { sendingAccount: 'COGNITO_DEFAULT' | 'DEVELOPER'; quota?: SesSendQuota; defaultSentToday: number },
  reserve: number,
): SendBudget | undefined {
  const keep = Math.max(0, Math.floor(reserve));
  if (input.sendingAccount === 'DEVELOPER') {
    if (!input.quota) return undefined;
    if (input.quota.max24HourSend < 0) return { left: Infinity, sendable: Infinity, basis: 'SES has no daily limit on this account' };
    const left = Math.max(0, input.quota.max24HourSend - input.quota.sentLast24Hours);
    return { left, sendable: Math.max(0, left - keep), basis: `SES: ${input.quota.sentLast24Hours} of ${input.quota.max24HourSend} sent in the last 24 hours` };
  }
  const left = Math.max(0, DEFAULT_SENDER_DAILY_EMAILS - input.defaultSentToday);
  return {
    left,
    sendable: Math.max(0, left - keep),
    basis: `Cognito's default sender: 50 a day, ${input.defaultSentToday} sent by this dashboard since 09:00 UTC (AWS exposes no counter; other sends are not known)`,
  };
}
