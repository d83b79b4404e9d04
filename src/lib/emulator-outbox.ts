/**
 * The emulator's outbox (GET /_emulator/messages), for the Email & codes screen's Outbox tab.
 * Only ever asked of an emulator: the embedded one (emulated mode, answered by the service worker
 * at an AWS hostname) or a configured `endpoint` whose /_emulator/health answers as the emulator
 * does. Against AWS there is no such endpoint and the tab does not exist.
 */

export interface OutboxEntry {
  id: string;
  channel: 'email' | 'sms';
  to: string;
  from?: string;
  subject: string;
  body: string;
  code?: string;
  kind: string;
  poolId?: string;
  username?: string;
  via: string;
  /** ISO 8601 */
  sentAt: string;
}

/** Where an emulator might answer: the embedded one at an AWS hostname, or the configured endpoint. */
export function emulatorBase(config: { region: string; endpoint?: string }, mode: 'live' | 'emulated'): string | undefined {
  if (mode === 'emulated') return `https://cognito-idp.${config.region}.amazonaws.com`;
  return config.endpoint?.replace(/\/+$/, '');
}

/** Whether `base` is a Poolkeeper emulator: its health endpoint answers {"status":"ok"}. Never throws. */
export async function isEmulator(base: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`${base}/_emulator/health`, { signal });
    if (!response.ok) return false;
    const body = (await response.json()) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Every message the emulator sent (to one address when `to` is given), newest first. */
export async function fetchOutbox(base: string, options: { to?: string; poolId?: string; signal?: AbortSignal } = {}): Promise<OutboxEntry[]> {
  const params = new URLSearchParams();
  if (options.to) params.set('to', options.to);
  if (options.poolId) params.set('poolId', options.poolId);
  const query = params.toString();
  const response = await fetch(`${base}/_emulator/messages${query ? `?${query}` : ''}`, { signal: options.signal });
  if (!response.ok) throw new Error(`The emulator answered ${response.status} for its outbox.`);
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) throw new Error('The emulator answered something other than a list of messages.');
  const entries: OutboxEntry[] = [];
  for (const raw of body as Record<string, unknown>[]) {
    const id = text(raw.id);
    const to = text(raw.to);
    const sentAt = text(raw.sentAt);
    if (!id || !to || !sentAt) continue;
    entries.push({
      id,
      to,
      sentAt,
      channel: raw.channel === 'sms' ? 'sms' : 'email',
      from: text(raw.from),
      subject: text(raw.subject) ?? '',
      body: text(raw.body) ?? '',
      code: text(raw.code),
      kind: text(raw.kind) ?? '',
      poolId: text(raw.poolId),
      username: text(raw.username),
      via: text(raw.via) ?? '',
    });
  }
  // The emulator lists oldest first; reversed, a stable sort keeps same-millisecond messages newest first.
  return entries.reverse().sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}
