/**
 * One searchable attribute's index for ListUsers: value → users (in insertion order), plus the
 * distinct values sorted for prefix ("^=") scans. Built on first use, then kept up to date, so
 * seeding 100 000 users pays nothing and a filtered page costs a lookup and at most Limit steps.
 */
import { firstAfter, insertBySeq, lowerBound, removeBySeq } from './seq-array';
import type { UserRecord } from './state';

/** Where a listing stopped: the last value and seq returned (value only for prefix scans). */
export interface IndexCursor {
  v?: string;
  s: number;
}

export interface IndexPage {
  users: UserRecord[];
  next?: IndexCursor;
}

/** Rebuilding the sorted value list is one sort; past this many single edits that is cheaper. */
const MAX_SORTED_EDITS = 2_000;

export class ValueIndex {
  private byValue: Map<string, UserRecord[]> | null = null;
  private sorted: string[] | null = null;
  private sortedEdits = 0;

  constructor(
    /** the normalised value the filter compares, or undefined when the user has none */
    readonly keyOf: (user: UserRecord) => string | undefined,
    private readonly source: () => Iterable<UserRecord>,
  ) {}

  get built(): boolean {
    return this.byValue !== null;
  }

  add(user: UserRecord, key = this.keyOf(user)): void {
    if (!this.byValue || key === undefined) return;
    const list = this.byValue.get(key);
    if (list) {
      insertBySeq(list, user);
      return;
    }
    this.byValue.set(key, [user]);
    if (this.sorted) {
      if (++this.sortedEdits > MAX_SORTED_EDITS) this.sorted = null;
      else this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    }
  }

  remove(user: UserRecord, key: string | undefined): void {
    if (!this.byValue || key === undefined) return;
    const list = this.byValue.get(key);
    if (!list) return;
    removeBySeq(list, user);
    if (list.length > 0) return;
    this.byValue.delete(key);
    if (this.sorted) {
      if (++this.sortedEdits > MAX_SORTED_EDITS) this.sorted = null;
      else {
        const at = lowerBound(this.sorted, key);
        if (this.sorted[at] === key) this.sorted.splice(at, 1);
      }
    }
  }

  /** Drops everything; the next query rebuilds (used when a pool setting changes normalisation). */
  reset(): void {
    this.byValue = null;
    this.sorted = null;
  }

  /** Users whose value equals `key`, after the cursor, in insertion order. */
  exact(key: string, after: IndexCursor | undefined, limit: number): IndexPage {
    const list = this.values().get(key) ?? [];
    const start = after ? firstAfter(list, after.s) : 0;
    const users = list.slice(start, start + limit);
    const last = users[users.length - 1];
    return { users, next: last && start + limit < list.length ? { s: last.seq } : undefined };
  }

  /** Users whose value starts with `prefix`, ordered by value then insertion, after the cursor. */
  prefix(prefix: string, after: IndexCursor | undefined, limit: number): IndexPage {
    const byValue = this.values();
    const sorted = this.sortedValues();
    const users: UserRecord[] = [];
    let i = lowerBound(sorted, after?.v !== undefined && after.v > prefix ? after.v : prefix);
    let more = false;
    for (; i < sorted.length; i++) {
      const value = sorted[i]!;
      if (!value.startsWith(prefix)) break;
      const list = byValue.get(value)!;
      const start = after && after.v === value ? firstAfter(list, after.s) : 0;
      for (let j = start; j < list.length; j++) {
        if (users.length === limit) {
          more = true;
          break;
        }
        users.push(list[j]!);
      }
      if (more) break;
    }
    const last = users[users.length - 1];
    return { users, next: more && last ? { v: this.keyOf(last), s: last.seq } : undefined };
  }

  private values(): Map<string, UserRecord[]> {
    if (!this.byValue) {
      const map = new Map<string, UserRecord[]>();
      // The source yields users in seq order, so each list comes out sorted by pushing.
      for (const user of this.source()) {
        const key = this.keyOf(user);
        if (key === undefined) continue;
        const list = map.get(key);
        if (list) list.push(user);
        else map.set(key, [user]);
      }
      this.byValue = map;
    }
    return this.byValue;
  }

  private sortedValues(): string[] {
    if (!this.sorted) {
      this.sorted = [...this.values().keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sortedEdits = 0;
    }
    return this.sorted;
  }
}
