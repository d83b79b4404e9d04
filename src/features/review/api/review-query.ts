/** One query for the whole review: gather every read (paced), then run the rules. */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { sendQuotaQuery } from '@/aws/queries';
import type { AdminContextValue } from '@/aws/admin-context';
import { gatherReviewInput } from '@/aws/review-gather';
import { evaluateReview } from '@/lib/review/evaluate';
import { poolKeys } from '@/lib/query-keys';
import type { Review, ReviewInput } from '@/lib/review/types';

export interface ReviewResult {
  input: ReviewInput;
  review: Review;
}

type Ctx = Pick<AdminContextValue, 'idp' | 'ses' | 'sesRegion' | 'region' | 'userPoolId' | 'identity' | 'identityPoolId'>;

export const reviewKey = (ctx: Pick<Ctx, 'userPoolId' | 'identityPoolId'>) => [...poolKeys.all(ctx.userPoolId), 'review', ctx.identityPoolId ?? null] as const;

export interface ReviewListeners {
  onProgress?: (done: number, total: number) => void;
  /** everything but the app clients, while they are still being read */
  onPartial?: (result: ReviewResult) => void;
}

export const reviewQuery = (ctx: Ctx, queryClient: QueryClient, listeners: ReviewListeners = {}) =>
  queryOptions({
    queryKey: reviewKey(ctx),
    queryFn: async ({ signal }): Promise<ReviewResult> => {
      const input = await gatherReviewInput({
        idp: ctx.idp,
        region: ctx.region,
        userPoolId: ctx.userPoolId,
        ...(ctx.identity ? { identity: ctx.identity } : {}),
        ...(ctx.identityPoolId ? { identityPoolId: ctx.identityPoolId } : {}),
        // The signed SES client reaches the configured SES Region only.
        ses: (region) => (region === ctx.sesRegion ? ctx.ses : undefined),
        // The overview's cached quota when there is one (one GetSendQuota a second is all SES allows).
        sendQuota: async (region) => (region === ctx.sesRegion ? queryClient.fetchQuery({ ...sendQuotaQuery(ctx), staleTime: 60_000 }) : undefined),
        signal,
        ...(listeners.onProgress ? { onProgress: listeners.onProgress } : {}),
        ...(listeners.onPartial ? { onPartial: (partial) => listeners.onPartial?.({ input: partial, review: evaluateReview(partial) }) } : {}),
      });
      return { input, review: evaluateReview(input) };
    },
    // A review is a snapshot the operator refreshes on purpose; refetching on focus would re-spend quota.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
