/**
 * "Resend to all of them" as a task for the shared bulk runner: ResendConfirmationCode paced by
 * its quota category (UserResourceRead), retried only on answers proving nothing was sent, and a
 * send budget claimed user by user before each call so the run can never pass the operator's
 * reserve. Users the budget cannot cover are skipped with the reason; a refusal that every
 * remaining user would meet (quota used up, sending paused) stops the run.
 */
import type { AdminContextValue } from '@/aws/admin-context';
import { classifyFailure, categoryOf } from '@/aws/rate-limiter';
import { resendCode, type ResendResult } from '@/aws/user-actions';
import type { AppUser } from '@/aws/user-types';
import type { BulkTask } from '@/lib/bulk-runner';

export const RESERVE_REACHED = 'Not sent: the reserve is reached. The emails left are kept for new sign-ups.';

const EXHAUSTED = /daily message quota|daily email limit|sending is disabled|sending paused/i;

/** A refusal that would repeat for every remaining user: the run stops instead of failing them one by one. */
export function isExhausted(error: { code: string; message: string; detail?: string }): boolean {
  if (error.code === 'AccountSendingPausedException') return true;
  return (error.code === 'CodeDeliveryFailureException' || error.code === 'LimitExceededException') && EXHAUSTED.test(error.detail ?? error.message);
}

export interface BacklogTask extends BulkTask {
  /** users this run claimed budget for (sent, or sending) */
  claimed: () => number;
  /** whether some user was skipped because the budget was spent */
  reserveReached: () => boolean;
}

export function resendBacklogTask(
  ctx: Pick<AdminContextValue, 'idp' | 'userPoolId' | 'adminGroup' | 'operator' | 'clientId'>,
  options: {
    budget: number;
    onSent?: (user: AppUser, via: ResendResult['via']) => void;
    /** a code already went to this user from this tab within the hour (an earlier run or the lookup) */
    recentlySent?: (user: AppUser) => boolean;
  },
): BacklogTask {
  const claims = new Set<string>();
  let reached = false;
  return {
    label: 'Resend sign-up code',
    skip: (item) => {
      if (item.user.status !== 'UNCONFIRMED') return `No code resent: the user is ${item.user.status.toLowerCase().replace(/_/g, ' ')}, not unconfirmed.`;
      if (!item.user.enabled) return 'No code resent: the account is disabled, so confirming it would not let them sign in.';
      if (claims.has(item.key)) return undefined;
      if (options.recentlySent?.(item.user)) return 'Not sent again: this tab sent them a code within the last hour.';
      if (claims.size >= options.budget) {
        reached = true;
        return RESERVE_REACHED;
      }
      claims.add(item.key);
      return undefined;
    },
    category: () => categoryOf('ResendConfirmationCode'),
    retry: 'rejected-only',
    apply: async (item) => {
      try {
        const sent = await resendCode(ctx, item.user);
        options.onSent?.(item.user, sent.via);
        return `Code sent${sent.destination ? ` to ${sent.destination}` : ''}.`;
      } catch (error) {
        // Refused for sure: the claim goes back to the budget. Throttling keeps it (the limiter
        // sends again), and a lost answer keeps it (the code may have gone).
        if (classifyFailure(error) === 'other') claims.delete(item.key);
        throw error;
      }
    },
    alreadyDone: (error) => (/already confirmed/i.test(error.detail ?? error.message) ? 'Already confirmed since the list was loaded.' : undefined),
    isFatal: (error) => error.reauthenticate === true || error.code === 'AccessDeniedException' || isExhausted(error as { code: string; message: string }),
    claimed: () => claims.size,
    reserveReached: () => reached,
  };
}
