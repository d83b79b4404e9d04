/**
 * The screen's reads, each one query (key + fetcher in one place). SES reads go to the SES Region
 * Poolkeeper is configured for; when the pool sends through SES in another Region, those reads
 * would describe the wrong account state, so they are not made and the screen says why.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useAdminContext, type AdminContextValue } from '@/aws/admin-context';
import { describeEmailSetup, getAccountSendingEnabled, getIdentityStatuses, getSendStatistics, type EmailSetup } from '@/aws/email';
import { sendQuotaQuery } from '@/aws/queries';
import { useRuntime } from '@/config/runtime-context';
import { emulatorBase, fetchOutbox, isEmulator } from '@/lib/emulator-outbox';

export const emailKeys = {
  setup: (poolId: string) => ['pool', poolId, 'email-setup'] as const,
  sendingEnabled: (region: string) => ['ses', region, 'sending-enabled'] as const,
  statistics: (region: string) => ['ses', region, 'send-statistics'] as const,
  identities: (region: string, identities: readonly string[]) => ['ses', region, 'identities', ...identities] as const,
  emulator: (base: string) => ['emulator', base] as const,
  outbox: (base: string, to: string) => ['emulator', base, 'outbox', to] as const,
};

export const emailSetupQuery = (ctx: Pick<AdminContextValue, 'idp' | 'userPoolId' | 'region'>) =>
  queryOptions({ queryKey: emailKeys.setup(ctx.userPoolId), queryFn: ({ signal }) => describeEmailSetup(ctx, signal) });

export function useEmailSetup() {
  return useQuery(emailSetupQuery(useAdminContext()));
}

/** Why the configured SES Region cannot describe this pool's sending, or undefined when it can. */
export function sesRegionProblem(setup: EmailSetup, sesRegion: string): string | undefined {
  if (setup.sendingAccount !== 'DEVELOPER' || !setup.sourceRegion || setup.sourceRegion === sesRegion) return undefined;
  return `The pool sends through SES in ${setup.sourceRegion}, but Poolkeeper reads SES in ${sesRegion} (config "sesRegion"). Set "sesRegion" to ${setup.sourceRegion} to see the quota, sending state and identity that apply.`;
}

export function useSendQuota(enabled = true) {
  return useQuery({ ...sendQuotaQuery(useAdminContext()), enabled });
}

export function useSendingEnabled(enabled = true) {
  const ctx = useAdminContext();
  return useQuery({ queryKey: emailKeys.sendingEnabled(ctx.sesRegion), queryFn: ({ signal }) => getAccountSendingEnabled(ctx, signal), enabled });
}

export function useSendStatistics() {
  const ctx = useAdminContext();
  return useQuery({ queryKey: emailKeys.statistics(ctx.sesRegion), queryFn: ({ signal }) => getSendStatistics(ctx, signal) });
}

export function useIdentityStatuses(identities: readonly string[], enabled = true) {
  const ctx = useAdminContext();
  const sorted = [...new Set(identities.filter(Boolean))].sort();
  return useQuery({
    queryKey: emailKeys.identities(ctx.sesRegion, sorted),
    queryFn: ({ signal }) => getIdentityStatuses(ctx, sorted, signal),
    enabled: enabled && sorted.length > 0,
  });
}

/**
 * Where the emulator's outbox can be read, or undefined against AWS: always in emulated mode; with
 * an `endpoint` only when its /_emulator/health answers as the emulator does.
 */
export function useEmulatorBase(): { base?: string; checking: boolean } {
  const runtime = useRuntime();
  const base = emulatorBase(runtime.config, runtime.mode);
  const probe = useQuery({
    queryKey: emailKeys.emulator(base ?? ''),
    queryFn: ({ signal }) => isEmulator(base!, signal),
    enabled: runtime.mode === 'live' && base !== undefined,
    staleTime: Infinity,
    retry: false,
  });
  if (runtime.mode === 'emulated') return { base, checking: false };
  if (!base) return { checking: false };
  return probe.data === true ? { base, checking: false } : { checking: probe.isPending };
}

export function useOutbox(base: string | undefined, to: string) {
  return useQuery({
    queryKey: emailKeys.outbox(base ?? '', to),
    queryFn: ({ signal }) => fetchOutbox(base!, { to: to || undefined, signal }),
    enabled: base !== undefined,
    staleTime: 0,
  });
}
