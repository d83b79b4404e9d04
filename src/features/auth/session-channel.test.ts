import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthClient } from '@/aws/auth';
import type { IdTokenClaims } from '@/aws/token-verifier';
import { createSessionChannel, sessionChannelName, SESSION_CHANNEL_WAIT_MS } from './session-channel';
import { SessionController } from './session-controller';
import { SESSION_STORAGE_KEY, type SessionStorageLike } from './session-store';

/**
 * Two tabs of one browser, modelled as two controllers on Node's BroadcastChannel (the same API
 * the browser has), each with its own sessionStorage.
 */
const CLIENT = 'testclient0000000000000001';
let poolCounter = 0;
const opened: SessionController[] = [];
afterEach(() => opened.splice(0).forEach((session) => session.dispose()));

function memoryStorage(): SessionStorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** One browser: every tab it opens shares the pool (and so the channel). */
function browser() {
  const pool = `us-east-1_Channel${++poolCounter}`;
  const send = vi.fn(async (command: { constructor: { name: string } }) => {
    if (command.constructor.name === 'GlobalSignOutCommand') return {};
    throw new Error(`unexpected ${command.constructor.name}`);
  });
  // Tokens name their operator: id-<sub>.
  const verify = vi.fn(async (token: string): Promise<IdTokenClaims> => {
    if (!token.startsWith('id-')) throw Object.assign(new Error('Invalid token'), { name: 'JwtInvalidSignatureError' });
    const sub = token.slice(3);
    return { sub, username: sub, groups: ['admins'], expiresAt: Date.now() + 3_600_000 };
  });
  const tab = (options: { signedInAs?: string } = {}) => {
    const storage = memoryStorage();
    if (options.signedInAs) {
      const sub = options.signedInAs;
      storage.setItem(
        SESSION_STORAGE_KEY,
        JSON.stringify({ userPoolId: pool, clientId: CLIENT, tokens: { idToken: `id-${sub}`, accessToken: `access-${sub}`, refreshToken: `refresh-${sub}` }, startedAt: 42 }),
      );
    }
    const session = new SessionController({
      auth: { idp: { send } as unknown as AuthClient['idp'], clientId: CLIENT, userPoolId: pool },
      verifier: { verify },
      adminGroup: 'admins',
      storage,
      channel: createSessionChannel({ userPoolId: pool, clientId: CLIENT }),
    });
    opened.push(session);
    return { session, storage };
  };
  return { pool, tab, verify };
}

describe('a second tab joins the session over a BroadcastChannel', () => {
  it('a new tab takes the open tab’s session, verifies it, and keeps it for its own reloads', async () => {
    const { tab, verify } = browser();
    const first = tab({ signedInAs: 'op-1' });
    await first.session.restore();
    expect(first.session.getState().status).toBe('signed-in');

    const second = tab();
    await second.session.restore();
    expect(second.session.getState()).toMatchObject({ status: 'signed-in', startedAt: 42, claims: { sub: 'op-1' }, tokens: { refreshToken: 'refresh-op-1' } });
    expect(verify).toHaveBeenCalledTimes(2); // the handed-over ID token was checked like a stored one
    expect(JSON.parse(second.storage.data.get(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({ startedAt: 42 });
  });

  it('with no open tab, a new tab shows the sign-in page after the short wait', async () => {
    const { tab } = browser();
    const alone = tab();
    const started = Date.now();
    await alone.session.restore();
    const waited = Date.now() - started;
    expect(alone.session.getState()).toEqual({ status: 'signed-out' });
    expect(waited).toBeGreaterThanOrEqual(SESSION_CHANNEL_WAIT_MS - 20);
    expect(waited).toBeLessThan(SESSION_CHANNEL_WAIT_MS + 700);
  });

  it('an open tab that is signed out offers nothing', async () => {
    const { tab } = browser();
    const signedOut = tab();
    await signedOut.session.restore();
    const newcomer = tab();
    await newcomer.session.restore();
    expect(newcomer.session.getState()).toEqual({ status: 'signed-out' });
  });

  it('sign-out in one tab ends the session in every tab of that operator, and no tab offers it again', async () => {
    const { tab } = browser();
    const first = tab({ signedInAs: 'op-1' });
    await first.session.restore();
    const second = tab();
    await second.session.restore();
    const otherOperator = tab({ signedInAs: 'op-2' });
    await otherOperator.session.restore();

    await first.session.signOut();
    await vi.waitFor(() =>
      expect(second.session.getState()).toEqual({ status: 'signed-out', notice: { tone: 'info', message: 'You signed out in another tab of this browser.' } }),
    );
    expect(second.storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    // Someone else signed in in another tab is not signed out by it.
    expect(otherOperator.session.getState()).toMatchObject({ status: 'signed-in', claims: { sub: 'op-2' } });

    // The next new tab gets op-2's session (the only one left), never op-1's.
    const third = tab();
    await third.session.restore();
    expect(third.session.getState()).toMatchObject({ status: 'signed-in', claims: { sub: 'op-2' } });
  });

  it('ignores offers for another pool or client, malformed messages, and tokens that do not verify', async () => {
    const { pool, tab } = browser();
    const impostor = new BroadcastChannel(sessionChannelName(pool, CLIENT));
    const forged = (tokens: Record<string, string>, userPoolId = pool) => ({ userPoolId, clientId: CLIENT, tokens, startedAt: 1 });
    impostor.onmessage = (event: MessageEvent<{ kind: string; nonce: string }>) => {
      if (event.data.kind !== 'request') return;
      impostor.postMessage({ kind: 'offer', nonce: event.data.nonce, session: forged({ idToken: 'id-x', accessToken: 'a', refreshToken: 'r' }, 'us-east-1_Elsewhere') });
      impostor.postMessage({ kind: 'offer', nonce: event.data.nonce, session: { tokens: 'nope' } });
      impostor.postMessage('garbage');
    };
    try {
      const newcomer = tab();
      await newcomer.session.restore();
      expect(newcomer.session.getState()).toEqual({ status: 'signed-out' });

      impostor.onmessage = (event: MessageEvent<{ kind: string; nonce: string }>) => {
        if (event.data.kind === 'request') impostor.postMessage({ kind: 'offer', nonce: event.data.nonce, session: forged({ idToken: 'forged', accessToken: 'a', refreshToken: 'r' }) });
      };
      const another = tab();
      await another.session.restore();
      // The forged ID token fails verification, and the refresh it then tries is refused too.
      expect(another.session.getState().status).toBe('signed-out');
    } finally {
      impostor.close();
    }
  });
});
