/**
 * The index behind ListUsers' filter grammar, one per searchable attribute, kept up to date on
 * every write so no query pays for a build. Users are bucketed by the first character of their
 * value, each bucket in insertion order with the values in a parallel string array. A page (`=` or
 * `^=`) scans one bucket from the cursor and stops after Limit matches: dense matches cost about
 * Limit steps, a rare value at most one pass over its bucket (a tight loop over strings), and a
 * whole chain of pages reads each bucket entry once.
 */
import { firstAfter, insertBySeq, removeBySeq } from './seq-array';
import type { UserRecord } from './state';

export interface IndexCursor {
  s: number;
}

export interface IndexPage {
  users: UserRecord[];
  next?: IndexCursor;
}

export type KeyOf = (user: UserRecord) => string | undefined;

interface Bucket {
  users: UserRecord[];
  keys: string[];
}

/**
 * Exact lookups for attributes people search one value of (email, phone_number): value → users in
 * insertion order, so `email = "…"` is a hash lookup even when every email starts alike.
 */
export class ValueIndex {
  private readonly byValue = new Map<string, UserRecord[]>();

  constructor(readonly keyOf: KeyOf) {}

  add(user: UserRecord, key = this.keyOf(user)): void {
    if (key === undefined) return;
    const list = this.byValue.get(key);
    if (list) insertBySeq(list, user);
    else this.byValue.set(key, [user]);
  }

  remove(user: UserRecord, key: string | undefined): void {
    if (key === undefined) return;
    const list = this.byValue.get(key);
    if (!list) return;
    removeBySeq(list, user);
    if (list.length === 0) this.byValue.delete(key);
  }

  change(user: UserRecord, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    this.remove(user, before);
    this.add(user, after);
  }

  page(value: string, after: IndexCursor | undefined, limit: number): IndexPage {
    const list = this.byValue.get(value) ?? [];
    const start = after ? firstAfter(list, after.s) : 0;
    const users = list.slice(start, start + limit);
    const last = users[users.length - 1];
    return { users, next: last && start + limit < list.length ? { s: last.seq } : undefined };
  }
}

/** The bucket a value lives in: its first UTF-16 unit (empty values share one). */
const bucketOf = (value: string) => value.charAt(0);

export class BucketIndex {
  private readonly buckets = new Map<string, Bucket>();

  constructor(readonly keyOf: KeyOf) {}

  add(user: UserRecord, key = this.keyOf(user)): void {
    if (key === undefined) return;
    const name = bucketOf(key);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = { users: [], keys: [] };
      this.buckets.set(name, bucket);
    }
    const last = bucket.users[bucket.users.length - 1];
    if (!last || last.seq < user.seq) {
      bucket.users.push(user);
      bucket.keys.push(key);
      return;
    }
    const at = firstAfter(bucket.users, user.seq);
    bucket.users.splice(at, 0, user);
    bucket.keys.splice(at, 0, key);
  }

  remove(user: UserRecord, key: string | undefined): void {
    if (key === undefined) return;
    const bucket = this.buckets.get(bucketOf(key));
    if (!bucket) return;
    const at = firstAfter(bucket.users, user.seq) - 1;
    if (at < 0 || bucket.users[at] !== user) return;
    bucket.users.splice(at, 1);
    bucket.keys.splice(at, 1);
    if (bucket.users.length === 0) this.buckets.delete(bucketOf(key));
  }

  /** Re-files a user whose value changed from `before` to `after`. */
  change(user: UserRecord, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    if (before !== undefined && after !== undefined && bucketOf(before) === bucketOf(after)) {
      const bucket = this.buckets.get(bucketOf(before))!;
      const at = firstAfter(bucket.users, user.seq) - 1;
      if (at >= 0 && bucket.users[at] === user) bucket.keys[at] = after;
      return;
    }
    this.remove(user, before);
    this.add(user, after);
  }

  /**
   * Users whose value equals (`exact`) or starts with (`prefix`, non-empty) `value`, after the
   * cursor, in insertion order.
   */
  page(mode: 'exact' | 'prefix', value: string, after: IndexCursor | undefined, limit: number): IndexPage {
    const bucket = this.buckets.get(bucketOf(value));
    if (!bucket) return { users: [] };
    const { users: list, keys } = bucket;
    const users: UserRecord[] = [];
    const exact = mode === 'exact';
    for (let i = after ? firstAfter(list, after.s) : 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (exact ? key !== value : !key.startsWith(value)) continue;
      if (users.length === limit) return { users, next: { s: users[users.length - 1]!.seq } };
      users.push(list[i]!);
    }
    return { users };
  }
}
