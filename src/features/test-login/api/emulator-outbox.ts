/**
 * "Read the code from the outbox": when the backend is Poolkeeper's emulator, its tooling endpoint
 * GET /_emulator/messages lists every message it "sent". In emulated mode the service worker
 * answers it on the Cognito hostname; against the standalone server it is on the endpoint. Against
 * AWS there is no such thing and the button is not offered.
 */
import type { Runtime } from '@/config/runtime-context';

export function outboxBase(runtime: Pick<Runtime, 'mode' | 'config'>): string | undefined {
  if (runtime.mode === 'emulated') return `https://cognito-idp.${runtime.config.region}.amazonaws.com`;
  return runtime.config.endpoint;
}

/** Whether `base` is an emulator (a custom endpoint may be something else). */
export async function isEmulator(base: string, fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchFn(`${base}/_emulator/health`, { headers: { accept: 'application/json' } });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

export interface OutboxMessage {
  to: string;
  subject: string;
  code?: string;
  kind: string;
  sentAt: string;
}

/** The newest message with a code sent to `to` from this pool (sign-up, resend or password reset). */
export async function latestCode(base: string, filter: { poolId: string; to: string }, fetchFn: typeof fetch = fetch): Promise<OutboxMessage | undefined> {
  const query = new URLSearchParams({ poolId: filter.poolId, to: filter.to });
  const response = await fetchFn(`${base}/_emulator/messages?${query.toString()}`, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The emulator's outbox answered HTTP ${response.status}.`);
  const messages = (await response.json()) as OutboxMessage[];
  return messages.filter((m) => typeof m.code === 'string' && m.code !== '').at(-1);
}
