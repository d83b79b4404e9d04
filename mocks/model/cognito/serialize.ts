/**
 * Snapshot and restore of the whole IdP model (pools, keys, clients, groups, users in insertion
 * order, open challenge sessions and issued refresh tokens), so a reload or a `--data` file brings
 * back the same pool — with the same signing keys, so issued tokens still verify.
 */
import type { Engine } from './engine';
import type { ClientRecord, GroupRecord, PoolRecord, RefreshRecord, SessionRecord, UserRecord } from './state';
import { UserStore } from './user-store';
import { loginAliases, namingRules } from './usernames';

/** A pool as JSON: its record with the indexed collections as plain arrays. */
type PoolSnapshot = Omit<PoolRecord, 'clients' | 'groups' | 'users'> & {
  clients: ClientRecord[];
  groups: GroupRecord[];
  users: UserRecord[];
};

export interface IdpSnapshot {
  version: 1;
  pools: PoolSnapshot[];
  sessions: SessionRecord[];
  refresh: RefreshRecord[];
}

/** The snapshot shares the live records (no copy of 100 000 users): serialise it, do not mutate it. */
export function snapshot(engine: Engine): IdpSnapshot {
  return {
    version: 1,
    pools: [...engine.pools.values()].map((pool) => ({
      id: pool.id,
      region: pool.region,
      name: pool.name,
      createdAt: pool.createdAt,
      modifiedAt: pool.modifiedAt,
      config: pool.config,
      schema: pool.schema,
      mfa: pool.mfa,
      ...(pool.risk ? { risk: pool.risk } : {}),
      ...(pool.domains ? { domains: pool.domains } : {}),
      keys: pool.keys,
      ...(pool.srpSecret ? { srpSecret: pool.srpSecret } : {}),
      clients: [...pool.clients.values()],
      groups: [...pool.groups.values()],
      users: [...pool.users.all()],
    })),
    sessions: [...engine.sessions.values()],
    refresh: [...engine.refresh.values()],
  };
}

export function restore(engine: Engine, data: unknown): void {
  const snap = data as Partial<IdpSnapshot> | null;
  if (!snap || snap.version !== 1 || !Array.isArray(snap.pools)) throw new TypeError('Not a Cognito IdP snapshot (version 1).');
  for (const p of snap.pools) {
    const rules = namingRules(p.config);
    const pool: PoolRecord = {
      id: p.id,
      region: p.region,
      name: p.name,
      createdAt: p.createdAt,
      modifiedAt: p.modifiedAt,
      config: p.config,
      schema: p.schema,
      mfa: p.mfa,
      ...(p.risk ? { risk: p.risk } : {}),
      ...(p.domains ? { domains: p.domains } : {}),
      keys: p.keys,
      ...(p.srpSecret ? { srpSecret: p.srpSecret } : {}),
      clients: new Map(p.clients.map((c) => [c.clientId, c])),
      groups: new Map(p.groups.map((g) => [g.name, g])),
      users: new UserStore({ caseSensitive: rules.caseSensitive, aliases: loginAliases(rules) }),
    };
    for (const user of p.users) pool.users.insert(user, true);
    engine.pools.set(pool.id, pool);
    for (const clientId of pool.clients.keys()) engine.clientPools.set(clientId, pool.id);
  }
  for (const session of snap.sessions ?? []) engine.sessions.set(session.id, session);
  const now = engine.env.clock.now();
  for (const record of snap.refresh ?? []) engine.refresh.add(record, now);
}
