import type { Tokens } from '@/aws/auth';

/**
 * Tokens survive a reload of this tab (sessionStorage) and nothing longer: never localStorage,
 * which every tab and every later visit could read.
 */
export interface StoredSession {
  userPoolId: string;
  clientId: string;
  tokens: Tokens;
  /** When the operator signed in (ms); identifies this session across token refreshes. */
  startedAt: number;
}

export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'poolkeeper.session';

export function readStoredSession(storage: SessionStorageLike | null, expected: { userPoolId: string; clientId: string }): StoredSession | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredSession>;
    const tokens = parsed.tokens;
    const valid =
      parsed.userPoolId === expected.userPoolId &&
      parsed.clientId === expected.clientId &&
      typeof parsed.startedAt === 'number' &&
      typeof tokens?.idToken === 'string' &&
      typeof tokens.accessToken === 'string' &&
      typeof tokens.refreshToken === 'string';
    // Tokens from another pool or client (the config changed) are of no use here.
    if (!valid) {
      clearStoredSession(storage);
      return null;
    }
    return parsed as StoredSession;
  } catch {
    clearStoredSession(storage);
    return null;
  }
}

export function writeStoredSession(storage: SessionStorageLike | null, session: StoredSession): void {
  try {
    storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage full or blocked: the session still works in memory, it just will not survive a reload.
  }
}

export function clearStoredSession(storage: SessionStorageLike | null): void {
  try {
    storage?.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // Nothing more can be done; the tokens are gone from memory either way.
  }
}

/** sessionStorage when the browser allows it (it throws in some privacy modes). */
export function browserSessionStorage(): SessionStorageLike | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}
