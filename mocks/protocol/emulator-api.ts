import type { OutboxFilter } from '../model/outbox';
import type { OutboxMessage } from '../model/types';
import { plainJson, type WireRequest, type WireResponse } from './http';
import type { RoutableEmulator } from './router';

/**
 * Test and tooling endpoints under /_emulator/ (issue 2):
 *   GET  /_emulator/health
 *   GET  /_emulator/messages[?to=ADDRESS&poolId=&kind=&username=]   DELETE clears them
 *   POST /_emulator/clock  {"advanceSeconds": N}
 *   POST /_emulator/reset
 *   GET  /_emulator/config  the seed's ids, for a dashboard pointed at this endpoint
 */
export async function emulatorApi(emulator: RoutableEmulator, request: WireRequest, url: URL): Promise<WireResponse> {
  const path = url.pathname.replace(/\/+$/, '');
  const method = request.method;

  if (path === '/_emulator/health' && method === 'GET') {
    return plainJson({ status: 'ok', now: new Date(emulator.clock.now()).toISOString(), ...emulator.describe?.() });
  }

  if (path === '/_emulator/config' && method === 'GET') {
    const described = emulator.describe?.() ?? {};
    return described.config ? plainJson(described.config) : plainJson({ message: 'This emulator was not started with the demo seed.' }, 404);
  }

  if (path === '/_emulator/messages' && method === 'GET') {
    const filter: OutboxFilter = {};
    const to = url.searchParams.get('to');
    const poolId = url.searchParams.get('poolId');
    const username = url.searchParams.get('username');
    const kind = url.searchParams.get('kind');
    if (to) filter.to = to;
    if (poolId) filter.poolId = poolId;
    if (username) filter.username = username;
    if (kind) filter.kind = kind as OutboxMessage['kind'];
    return plainJson(emulator.outbox.list(filter));
  }

  if (path === '/_emulator/messages' && method === 'DELETE') {
    emulator.outbox.clear();
    emulator.changed?.();
    return plainJson({ status: 'ok' });
  }

  if (path === '/_emulator/clock' && method === 'POST') {
    let seconds: unknown;
    try {
      seconds = (JSON.parse(new TextDecoder().decode(await request.bytes())) as { advanceSeconds?: unknown }).advanceSeconds;
    } catch {
      seconds = undefined;
    }
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      return plainJson({ message: 'Body must be {"advanceSeconds": N} with N a non-negative number.' }, 400);
    }
    emulator.clock.advance(seconds);
    emulator.changed?.();
    return plainJson({ now: new Date(emulator.clock.now()).toISOString(), offsetSeconds: emulator.clock.offsetSeconds });
  }

  if (path === '/_emulator/clock' && method === 'GET') {
    return plainJson({ now: new Date(emulator.clock.now()).toISOString(), offsetSeconds: emulator.clock.offsetSeconds });
  }

  if (path === '/_emulator/reset' && method === 'POST') {
    await emulator.reset();
    emulator.changed?.();
    return plainJson({ status: 'ok' });
  }

  return plainJson({ message: `No emulator endpoint ${method} ${url.pathname}` }, 404);
}
