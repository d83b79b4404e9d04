import type { StoredSession } from './session-store';

/**
 * Lets a new tab of the same browser join the operator's session, and sign-out end it in every tab.
 *
 * Why a BroadcastChannel: the session lives in one tab's sessionStorage (never localStorage, which
 * every later visit could read), so a second tab used to need a fresh sign-in. A BroadcastChannel
 * reaches only documents of the same origin in the same browser profile (and storage partition),
 * holds nothing after the last tab closes, and needs an open tab to answer — the tokens pass from
 * memory to memory. The joining tab verifies the ID token it receives (signature, issuer, audience,
 * expiry) exactly as it would a stored one, and takes tokens only for its own pool and client.
 *
 * Protocol: the new tab sends `request` with a random nonce; a signed-in tab answers `offer` with
 * that nonce and its session; with no answer within the wait the tab shows the sign-in page. A tab
 * that signs out sends `signed-out` with the operator's `sub`; tabs of that operator end too.
 */
export interface SessionChannel {
  /** Asks the open tabs for their session; null when none answers within `waitMs`. */
  request(waitMs: number): Promise<StoredSession | null>;
  /** Answers other tabs' requests with `current()` (null: stay silent). */
  serve(current: () => StoredSession | null): void;
  announceSignOut(sub: string): void;
  onSignOut(listener: (sub: string) => void): void;
  close(): void;
}

/** The part of BroadcastChannel used here, so tests and other hosts can supply their own. */
export interface BroadcastChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

type Message =
  | { kind: 'request'; nonce: string }
  | { kind: 'offer'; nonce: string; session: StoredSession }
  | { kind: 'signed-out'; sub: string };

export const SESSION_CHANNEL_WAIT_MS = 300;

export function sessionChannelName(userPoolId: string, clientId: string): string {
  return `poolkeeper.session.${userPoolId}.${clientId}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isStoredSession(value: unknown, expected: { userPoolId: string; clientId: string }): value is StoredSession {
  if (!isRecord(value) || !isRecord(value.tokens)) return false;
  const { tokens } = value;
  return (
    value.userPoolId === expected.userPoolId &&
    value.clientId === expected.clientId &&
    typeof value.startedAt === 'number' &&
    typeof tokens.idToken === 'string' &&
    typeof tokens.accessToken === 'string' &&
    typeof tokens.refreshToken === 'string'
  );
}

function parse(data: unknown, expected: { userPoolId: string; clientId: string }): Message | null {
  if (!isRecord(data) || typeof data.kind !== 'string') return null;
  if (data.kind === 'request' && typeof data.nonce === 'string') return { kind: 'request', nonce: data.nonce };
  if (data.kind === 'offer' && typeof data.nonce === 'string' && isStoredSession(data.session, expected)) {
    return { kind: 'offer', nonce: data.nonce, session: data.session };
  }
  if (data.kind === 'signed-out' && typeof data.sub === 'string' && data.sub !== '') return { kind: 'signed-out', sub: data.sub };
  return null;
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createSessionChannel(
  expected: { userPoolId: string; clientId: string },
  open: (name: string) => BroadcastChannelLike | null = defaultOpen,
): SessionChannel | null {
  const channel = open(sessionChannelName(expected.userPoolId, expected.clientId));
  if (!channel) return null;
  const signOutListeners = new Set<(sub: string) => void>();
  const pending = new Map<string, (session: StoredSession | null) => void>();
  let current: () => StoredSession | null = () => null;

  const onMessage = (event: MessageEvent) => {
    const message = parse(event.data, expected);
    if (!message) return;
    if (message.kind === 'request') {
      const session = current();
      if (session) channel.postMessage({ kind: 'offer', nonce: message.nonce, session } satisfies Message);
    } else if (message.kind === 'offer') {
      pending.get(message.nonce)?.(message.session);
    } else {
      signOutListeners.forEach((listener) => listener(message.sub));
    }
  };
  channel.addEventListener('message', onMessage);

  return {
    request(waitMs) {
      const nonce = randomNonce();
      return new Promise((resolve) => {
        const finish = (session: StoredSession | null) => {
          clearTimeout(timer);
          pending.delete(nonce);
          resolve(session);
        };
        const timer = setTimeout(() => finish(null), waitMs);
        pending.set(nonce, finish); // the first offer wins; later ones find no pending request
        channel.postMessage({ kind: 'request', nonce } satisfies Message);
      });
    },
    serve(get) {
      current = get;
    },
    announceSignOut(sub) {
      channel.postMessage({ kind: 'signed-out', sub } satisfies Message);
    },
    onSignOut(listener) {
      signOutListeners.add(listener);
    },
    close() {
      channel.removeEventListener('message', onMessage);
      channel.close();
      pending.forEach((finish) => finish(null));
      pending.clear();
    },
  };
}

function defaultOpen(name: string): BroadcastChannelLike | null {
  try {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
  } catch {
    return null;
  }
}
