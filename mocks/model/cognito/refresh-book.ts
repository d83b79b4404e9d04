/**
 * Issued refresh tokens — one per sign-in session — findable by token, by origin_jti (every ID and
 * access token names it) and by user (global sign-out, disabling, deleting), and dropped once every
 * token of the session has expired.
 */
import type { RefreshRecord } from './state';

const userKey = (poolId: string, sub: string) => `${poolId}/${sub}`;

export class RefreshBook {
  private readonly byToken = new Map<string, RefreshRecord>();
  private readonly byOrigin = new Map<string, RefreshRecord>();
  private readonly byUser = new Map<string, Set<RefreshRecord>>();
  private addsSincePurge = 0;

  get size(): number {
    return this.byToken.size;
  }

  values(): IterableIterator<RefreshRecord> {
    return this.byToken.values();
  }

  byRefreshToken(token: string): RefreshRecord | undefined {
    return this.byToken.get(token);
  }

  byOriginJti(originJti: string): RefreshRecord | undefined {
    return this.byOrigin.get(originJti);
  }

  ofUser(poolId: string, sub: string): readonly RefreshRecord[] {
    return [...(this.byUser.get(userKey(poolId, sub)) ?? [])];
  }

  add(record: RefreshRecord, now: number): void {
    this.byToken.set(record.token, record);
    this.byOrigin.set(record.originJti, record);
    const key = userKey(record.poolId, record.sub);
    let set = this.byUser.get(key);
    if (!set) {
      set = new Set();
      this.byUser.set(key, set);
    }
    set.add(record);
    // Sweep now and then rather than on every sign-in.
    if (++this.addsSincePurge >= 1024) this.purge(now);
  }

  delete(record: RefreshRecord): void {
    this.byToken.delete(record.token);
    this.byOrigin.delete(record.originJti);
    const key = userKey(record.poolId, record.sub);
    const set = this.byUser.get(key);
    set?.delete(record);
    if (set && set.size === 0) this.byUser.delete(key);
  }

  /** Removes every record matching `predicate` (a pool or client being deleted). */
  deleteWhere(predicate: (record: RefreshRecord) => boolean): void {
    for (const record of [...this.byToken.values()]) if (predicate(record)) this.delete(record);
  }

  purge(now: number): void {
    this.addsSincePurge = 0;
    this.deleteWhere((record) => record.keepUntil <= now);
  }
}
