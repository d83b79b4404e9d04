/**
 * Challenge sessions between InitiateAuth and RespondToAuthChallenge (and the MFA_SETUP steps).
 * They live for the client's AuthSessionValidity (3 minutes unless set), are single use, and fail
 * with Cognito's NotAuthorizedException wording.
 */
import { notAuthorized } from '../errors';
import type { Engine } from './engine';
import { opaque } from './ids';
import type { ClientRecord, SessionRecord } from './state';

export const sessionExpired = () => notAuthorized('Invalid session for the user, session is expired.');
export const invalidSession = () => notAuthorized('Invalid session for the user.');

export function sessionLifetimeMs(client: ClientRecord): number {
  const minutes = client.config.AuthSessionValidity;
  return (typeof minutes === 'number' ? minutes : 3) * 60 * 1000;
}

let opened = 0;

/** Drops expired sessions every few hundred openings (not on every one: sign-in stays O(1)). */
function sweep(engine: Engine): void {
  if (++opened % 256 !== 0) return;
  const now = engine.env.clock.now();
  for (const [id, session] of engine.sessions) if (session.expiresAt <= now) engine.sessions.delete(id);
}

export function openSession(engine: Engine, client: ClientRecord, record: Omit<SessionRecord, 'id' | 'expiresAt'>, id?: string): SessionRecord {
  sweep(engine);
  const session: SessionRecord = {
    ...record,
    id: id ?? opaque(engine.env.random, 256),
    expiresAt: engine.env.clock.now() + sessionLifetimeMs(client),
  };
  engine.sessions.set(session.id, session);
  return session;
}

/** The live session `id` for this client and challenge; it stays stored until `closeSession`. */
export function findSession(engine: Engine, id: unknown, clientId: string, challenge?: SessionRecord['challenge']): SessionRecord {
  const session = typeof id === 'string' ? engine.sessions.get(id) : undefined;
  if (!session || session.clientId !== clientId || (challenge && session.challenge !== challenge)) throw invalidSession();
  if (engine.env.clock.now() >= session.expiresAt) {
    engine.sessions.delete(session.id);
    throw sessionExpired();
  }
  return session;
}

export function closeSession(engine: Engine, session: SessionRecord): void {
  engine.sessions.delete(session.id);
}

/** Moves a session to a fresh id (Cognito hands out a new Session at each MFA_SETUP step). */
export function renewSession(engine: Engine, session: SessionRecord): SessionRecord {
  engine.sessions.delete(session.id);
  const renewed = { ...session, id: opaque(engine.env.random, 256) };
  engine.sessions.set(renewed.id, renewed);
  return renewed;
}
