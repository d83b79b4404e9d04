/**
 * What USER_SRP_AUTH reveals about a user before the password is proven: the SALT and the
 * USER_ID_FOR_SRP. Cognito stores one verifier (and so one salt) per password, and under
 * PreventUserExistenceErrors answers an unknown username with a stable salt and a UUID-form id, so
 * asking twice tells an attacker nothing. Both are derived here from a per-pool secret, which is
 * created on first use and kept in snapshots like the signing keys.
 */
import { hmacSha256, toHex } from '../crypto/bytes';
import type { Engine } from './engine';
import type { PoolRecord, UserRecord } from './state';
import { rulesOf } from './usernames';

function poolSecret(engine: Engine, pool: PoolRecord): string {
  pool.srpSecret ??= toHex(engine.env.random.bytes(32));
  return pool.srpSecret;
}

const derive = async (engine: Engine, pool: PoolRecord, purpose: string) => hmacSha256(poolSecret(engine, pool), purpose);

/** In a case-insensitive pool "Bob" and "bob" are one user, so they must be one decoy too. */
const decoyName = (pool: PoolRecord, name: string) => (rulesOf(pool).caseSensitive ? name : name.toLowerCase());

/** 16 bytes in hex, as Cognito hands out SALT: fixed for a user until the password changes. */
export async function srpSalt(engine: Engine, pool: PoolRecord, user: UserRecord | undefined, name: string): Promise<string> {
  const purpose = user ? `salt\n${user.sub}\n${user.password ?? ''}` : `decoy-salt\n${decoyName(pool, name)}`;
  return toHex((await derive(engine, pool, purpose)).slice(0, 16));
}

/** The USER_ID_FOR_SRP an unknown username gets: a version-4-shaped UUID, the same every time. */
export async function decoyUserId(engine: Engine, pool: PoolRecord, name: string): Promise<string> {
  const b = (await derive(engine, pool, `decoy-id\n${decoyName(pool, name)}`)).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = toHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
