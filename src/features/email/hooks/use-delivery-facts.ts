import { useState } from 'react';
import { useAdminContext } from '@/aws/admin-context';
import type { EmailSetup } from '@/aws/email';
import type { AppUser } from '@/aws/user-types';
import { sesRegionProblem, useIdentityStatuses, useSendingEnabled, useSendQuota } from '../api/email-queries';
import type { DeliveryFacts, SesFacts } from '../model/checklist';
import { useResendsLastHour, useSentToday } from './use-sent-log';

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/**
 * Everything the checklist needs about one user, read from AWS: the SES quota, whether sending is
 * enabled, and the verification of the sending identity and of the recipient (address or domain).
 * A read that fails leaves its rules "unknown" with the reason (e.g. the missing IAM action).
 */
export function useDeliveryFacts(user: AppUser, setup: EmailSetup): { facts: DeliveryFacts; loading: boolean } {
  const ctx = useAdminContext();
  const [now] = useState(() => Date.now());
  const sesProblem = sesRegionProblem(setup, ctx.sesRegion);
  const useSes = setup.sendingAccount === 'DEVELOPER' && !sesProblem;
  const quota = useSendQuota(useSes);
  const sending = useSendingEnabled(useSes);
  const email = user.attributes.email ?? '';
  const identities = [setup.sourceIdentity ?? '', email, email ? domainOf(email) : ''];
  const statuses = useIdentityStatuses(identities, useSes);
  const defaultSentToday = useSentToday(ctx.userPoolId);
  const resendsLastHour = useResendsLastHour(ctx.userPoolId, user.username);

  let ses: SesFacts | undefined;
  if (useSes) {
    const problems = [quota.error, sending.error, statuses.error].filter((e) => e).map((e) => e!.message);
    const found = statuses.data;
    const recipient = found && email ? (found[email] === 'Success' ? 'Success' : (found[domainOf(email)] ?? found[email])) : undefined;
    ses = {
      region: ctx.sesRegion,
      ...(quota.data ? { quota: quota.data } : {}),
      ...(sending.data !== undefined ? { sendingEnabled: sending.data } : {}),
      ...(found && setup.sourceIdentity ? { identityStatus: found[setup.sourceIdentity] } : {}),
      ...(recipient ? { recipientStatus: recipient } : {}),
      ...(problems.length > 0 ? { unreadable: [...new Set(problems)].join(' ') } : {}),
      ...(quota.isPending || sending.isPending || statuses.isPending ? { loading: true } : {}),
    };
  }
  const facts: DeliveryFacts = {
    user,
    setup,
    now,
    defaultSentToday,
    resendsLastHour,
    ...(ses ? { ses } : {}),
    ...(sesProblem ? { sesUnavailable: sesProblem } : {}),
  };
  return { facts, loading: useSes && (quota.isPending || sending.isPending || statuses.isPending) };
}
