/** Typed SES reads. Every function throws AppError. */
import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import type { AdminContextValue } from './admin-context';
import { toAppError } from './errors';

export interface SesSendQuota {
  /** Messages allowed in a rolling 24 hours; -1 means unlimited. */
  max24HourSend: number;
  /** Messages per second. */
  maxSendRate: number;
  sentLast24Hours: number;
}

export async function getSesSendQuota(ctx: Pick<AdminContextValue, 'ses'>, signal?: AbortSignal): Promise<SesSendQuota> {
  try {
    const out = await ctx.ses.send(new GetSendQuotaCommand({}), { abortSignal: signal });
    return { max24HourSend: out.Max24HourSend ?? 0, maxSendRate: out.MaxSendRate ?? 0, sentLast24Hours: out.SentLast24Hours ?? 0 };
  } catch (error) {
    throw toAppError(error);
  }
}
