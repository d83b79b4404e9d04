import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthClient } from '@/aws/auth';
import type { IdTokenClaims } from '@/aws/token-verifier';
import { SessionController } from './session-controller';
import { SESSION_STORAGE_KEY, type SessionStorageLike } from './session-store';

/**
 * Timing and failure paths of the session, with Cognito stubbed at the client's `send`
 * (tests/contract/dashboard-session.test.ts runs the same controller against the emulator).
 */
const MINUTE = 60_000;
const POOL = 'us-east-1_TestPool1';
const CLIENT = 'testclient0000000000000001';

function memoryStorage(): SessionStorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function awsFault(name: string, message: string) {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

function setup(options: { tokenLifetimeMs?: number } = {}) {
  const lifetime = options.tokenLifetimeMs ?? 60 * MINUTE;
  let issued = 0;
  // Each ID token names its own expiry, as a real one carries `exp`.
  const expiries = new Map<string, number>();
  const mint = () => {
    const token = `id-${++issued}`;
    expiries.set(token, Date.now() + lifetime);
    return token;
  };
  const send = vi.fn(async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    if (command.constructor.name === 'InitiateAuthCommand' && command.input.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      return { AuthenticationResult: { IdToken: mint(), AccessToken: `access-${issued}`, ExpiresIn: lifetime / 1000 } };
    }
    if (command.constructor.name === 'GlobalSignOutCommand') return {};
    throw new Error(`unexpected ${command.constructor.name}`);
  });
  const verify = vi.fn(async (token: string): Promise<IdTokenClaims> => ({
    sub: 'sub-1',
    username: 'sub-1',
    groups: ['admins'],
    expiresAt: expiries.get(token) ?? 0,
  }));
  const storage = memoryStorage();
  const first = mint();
  storage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({ userPoolId: POOL, clientId: CLIENT, tokens: { idToken: first, accessToken: 'access-1', refreshToken: 'refresh-1' }, startedAt: 5 }),
  );
  const session = new SessionController({
    auth: { idp: { send } as unknown as AuthClient['idp'], clientId: CLIENT, userPoolId: POOL },
    verifier: { verify },
    adminGroup: 'admins',
    storage,
  });
  return { session, send, verify, storage };
}

const refreshCalls = (send: ReturnType<typeof setup>['send']) =>
  send.mock.calls.filter(([command]) => command.constructor.name === 'InitiateAuthCommand').map(([command]) => command.input);

describe('SessionController timing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 25, 12, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('restores a stored session and refreshes the tokens five minutes before they expire', async () => {
    const { session, send, storage } = setup();
    await session.restore();
    expect(session.getState()).toMatchObject({ status: 'signed-in', isAdmin: true, startedAt: 5 });
    expect(refreshCalls(send)).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(54 * MINUTE);
    expect(refreshCalls(send)).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1 * MINUTE + 1000);
    expect(refreshCalls(send)).toEqual([{ ClientId: CLIENT, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: 'refresh-1' } }]);
    expect(session.getState()).toMatchObject({ status: 'signed-in', tokens: { idToken: 'id-2', refreshToken: 'refresh-1' }, startedAt: 5 });
    expect(JSON.parse(storage.data.get(SESSION_STORAGE_KEY)!).tokens.idToken).toBe('id-2');

    // …and again for the new tokens.
    await vi.advanceTimersByTimeAsync(55 * MINUTE + 1000);
    expect(refreshCalls(send)).toHaveLength(2);
    session.dispose();
  });

  it('refreshes on restore when the stored tokens are about to expire', async () => {
    const { session, send } = setup({ tokenLifetimeMs: 3 * MINUTE });
    await session.restore();
    expect(refreshCalls(send)).toHaveLength(1);
    expect(session.getState()).toMatchObject({ status: 'signed-in', tokens: { idToken: 'id-2' } });
    session.dispose();
  });

  it('hands out a fresh ID token for AWS calls when the current one is nearly expired', async () => {
    const { session, send } = setup();
    await session.restore();
    expect(await session.getIdToken()).toBe('id-1');
    vi.setSystemTime(Date.now() + 59.5 * MINUTE); // the timer did not run (e.g. a sleeping laptop)
    const [a, b] = await Promise.all([session.getIdToken(), session.getIdToken()]);
    expect([a, b]).toEqual(['id-2', 'id-2']);
    expect(refreshCalls(send)).toHaveLength(1);
    session.dispose();
  });

  it('ends the session with a notice when Cognito has revoked the refresh token', async () => {
    const { session, send, storage } = setup();
    await session.restore();
    send.mockImplementationOnce(async () => {
      throw awsFault('NotAuthorizedException', 'Refresh Token has been revoked');
    });
    await expect(session.refresh()).rejects.toMatchObject({ code: 'NotAuthorizedException', reauthenticate: true });
    expect(session.getState()).toEqual({ status: 'signed-out', notice: { tone: 'info', message: 'Your session has ended. Sign in again.' } });
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('retries a refresh that failed for network reasons, keeping the session meanwhile', async () => {
    const { session, send } = setup();
    await session.restore();
    send.mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(session.refresh()).rejects.toMatchObject({ code: 'NetworkError' });
    expect(session.getState().status).toBe('signed-in');
    await vi.advanceTimersByTimeAsync(30_000 + 1000);
    expect(refreshCalls(send)).toHaveLength(2);
    expect(session.getState()).toMatchObject({ status: 'signed-in', tokens: { idToken: 'id-2' } });
    session.dispose();
  });

  it('forgets the stored session as soon as sign-out starts, before Cognito answers', async () => {
    const { session, send, storage } = setup();
    await session.restore();
    let answer: () => void = () => {};
    send.mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve({}))));
    const signingOut = session.signOut();
    // A reload now (GlobalSignOut still under way) must not restore the session.
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    answer();
    await signingOut;
    expect(session.getState().status).toBe('signed-out');
  });

  it('still signs out locally when GlobalSignOut cannot reach Cognito, and says so', async () => {
    const { session, send, storage } = setup();
    await session.restore();
    send.mockImplementationOnce(async () => {
      throw new TypeError('Failed to fetch');
    });
    await session.signOut();
    const state = session.getState();
    expect(state.status).toBe('signed-out');
    expect(state.status === 'signed-out' && state.notice?.message).toMatch(/^You are signed out here, but Cognito could not be told to end the session everywhere: Cannot reach AWS/);
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(refreshCalls(send)).toHaveLength(0);
  });
});
