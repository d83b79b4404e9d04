/**
 * A pool's users, shaped for ListUsers at 100 000 users: an insertion-ordered slot array with
 * tombstones (compacted now and then) for unfiltered paging by seq, hash maps for username/sub/
 * alias lookups, and per-attribute exact and prefix indexes for the filter grammar. Every listing
 * is in insertion order with the last seq as its cursor.
 */
import { firstAfterNumber, insertBySeq, removeBySeq } from './seq-array';
import type { UserRecord } from './state';
import { BucketIndex, ValueIndex, type IndexCursor, type IndexPage, type KeyOf } from './value-index';

/** The attributes ListUsers can filter on, as the filter names them. */
export const SEARCHABLE = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;
export type Searchable = (typeof SEARCHABLE)[number];

/** Attributes a user may sign in with instead of the username (AliasAttributes / UsernameAttributes). */
export type LoginAlias = 'email' | 'phone_number' | 'preferred_username';

export interface StoreOptions {
  caseSensitive: boolean;
  /** attributes usable to sign in, which must stay unique where Cognito says so */
  aliases: LoginAlias[];
}

export class UserStore {
  private slots: (UserRecord | undefined)[] = [];
  private slotSeqs: number[] = [];
  private dead = 0;
  private live = 0;
  private nextSeq = 1;
  private readonly byKey = new Map<string, UserRecord>();
  private readonly bySub = new Map<string, UserRecord>();
  private readonly aliasMap = new Map<string, UserRecord[]>();
  private readonly members = new Map<string, UserRecord[]>();
  private readonly keyOf: Record<Searchable, KeyOf>;
  private readonly filterIndex = {} as Record<Searchable, BucketIndex>;
  /** hash lookups for the attributes searched by one exact value */
  private readonly exactIndex: Partial<Record<Searchable, ValueIndex>> = {};
  private readonly indexes: (BucketIndex | ValueIndex)[];

  constructor(private readonly options: StoreOptions) {
    const attr = (name: string) => (user: UserRecord) => user.attributes[name];
    this.keyOf = {
      username: (user) => this.usernameKey(user.username),
      email: attr('email'),
      phone_number: attr('phone_number'),
      name: attr('name'),
      given_name: attr('given_name'),
      family_name: attr('family_name'),
      preferred_username: attr('preferred_username'),
      // Documented as case-insensitive: statuses are upper case and queries are upper-cased.
      'cognito:user_status': (user) => user.status,
      status: (user) => (user.enabled ? 'Enabled' : 'Disabled'),
      sub: (user) => user.sub,
    };
    for (const name of SEARCHABLE) this.filterIndex[name] = new BucketIndex(this.keyOf[name]);
    for (const name of ['email', 'phone_number', 'preferred_username'] as const) this.exactIndex[name] = new ValueIndex(this.keyOf[name]);
    this.indexes = [...Object.values(this.filterIndex), ...Object.values(this.exactIndex)];
  }

  get size(): number {
    return this.live;
  }

  get caseSensitive(): boolean {
    return this.options.caseSensitive;
  }

  /** How usernames compare in this pool (UsernameConfiguration.CaseSensitive). */
  usernameKey(name: string): string {
    return this.options.caseSensitive ? name : name.toLowerCase();
  }

  aliasKey(attr: LoginAlias, value: string): string {
    const norm = attr === 'email' || (attr === 'preferred_username' && !this.options.caseSensitive) ? value.toLowerCase() : value;
    return `${attr}\u0000${norm}`;
  }

  *all(): Generator<UserRecord> {
    for (const user of this.slots) if (user) yield user;
  }

  byUsername(name: string): UserRecord | undefined {
    return this.byKey.get(this.usernameKey(name));
  }

  bySubject(sub: string): UserRecord | undefined {
    return this.bySub.get(sub);
  }

  /** Users carrying `value` in the alias attribute (the caller applies verification rules). */
  byAlias(attr: LoginAlias, value: string): readonly UserRecord[] {
    return this.aliasMap.get(this.aliasKey(attr, value)) ?? [];
  }

  /** Adds a new user (the caller has checked uniqueness); assigns its seq unless restoring one. */
  insert(user: UserRecord, restoring = false): void {
    if (restoring && user.seq >= this.nextSeq) this.nextSeq = user.seq + 1;
    else user.seq = this.nextSeq++;
    this.slots.push(user);
    this.slotSeqs.push(user.seq);
    this.live++;
    this.byKey.set(this.usernameKey(user.username), user);
    this.bySub.set(user.sub, user);
    for (const alias of this.options.aliases) this.addAlias(user, alias, user.attributes[alias]);
    for (const group of user.groups) this.addMember(group, user);
    for (const index of this.indexes) index.add(user);
  }

  remove(user: UserRecord): void {
    const at = firstAfterNumber(this.slotSeqs, user.seq) - 1;
    if (at < 0 || this.slots[at] !== user) return;
    this.slots[at] = undefined;
    this.dead++;
    this.live--;
    this.byKey.delete(this.usernameKey(user.username));
    this.bySub.delete(user.sub);
    for (const alias of this.options.aliases) this.removeAlias(user, alias, user.attributes[alias]);
    for (const group of user.groups) {
      const list = this.members.get(group);
      if (list) removeBySeq(list, user);
    }
    for (const index of this.indexes) index.remove(user, index.keyOf(user));
    if (this.dead > 1000 && this.dead > this.slots.length / 2) this.compact();
  }

  /** Applies a change to attributes, status or enabled, keeping every index in step. */
  update(user: UserRecord, change: (user: UserRecord) => void): void {
    const aliasBefore = this.options.aliases.map((alias) => user.attributes[alias]);
    const before = this.indexes.map((index) => index.keyOf(user));
    change(user);
    this.options.aliases.forEach((alias, i) => {
      const old = aliasBefore[i];
      const now = user.attributes[alias];
      if (old === now) return;
      this.removeAlias(user, alias, old);
      this.addAlias(user, alias, now);
    });
    this.indexes.forEach((index, i) => index.change(user, before[i], index.keyOf(user)));
  }

  /** Unfiltered listing: users after `afterSeq` in insertion order. */
  page(afterSeq: number, limit: number): { users: UserRecord[]; next?: number } {
    const users: UserRecord[] = [];
    let i = firstAfterNumber(this.slotSeqs, afterSeq);
    for (; i < this.slots.length && users.length < limit; i++) {
      const user = this.slots[i];
      if (user) users.push(user);
    }
    while (i < this.slots.length && !this.slots[i]) i++;
    const last = users[users.length - 1];
    return { users, next: last && i < this.slots.length ? last.seq : undefined };
  }

  search(attribute: Searchable, mode: 'exact' | 'prefix', value: string, after: IndexCursor | undefined, limit: number): IndexPage {
    const key = attribute === 'cognito:user_status' ? value.toUpperCase() : attribute === 'username' ? this.usernameKey(value) : value;
    if (mode === 'exact') {
      if (attribute === 'username' || attribute === 'sub') {
        const user = attribute === 'username' ? this.byKey.get(key) : this.bySub.get(key);
        return { users: user && (!after || user.seq > after.s) ? [user] : [] };
      }
      const hashed = this.exactIndex[attribute];
      return hashed ? hashed.page(key, after, limit) : this.filterIndex[attribute].page('exact', key, after, limit);
    }
    if (key === '') return this.scan(this.keyOf[attribute], after, limit);
    return this.filterIndex[attribute].page('prefix', key, after, limit);
  }

  /** Every user that has the attribute at all (`^= ""`), in insertion order. */
  private scan(keyOf: KeyOf, after: IndexCursor | undefined, limit: number): IndexPage {
    const users: UserRecord[] = [];
    for (let i = firstAfterNumber(this.slotSeqs, after?.s ?? 0); i < this.slots.length; i++) {
      const user = this.slots[i];
      if (!user || keyOf(user) === undefined) continue;
      if (users.length === limit) return { users, next: { s: users[users.length - 1]!.seq } };
      users.push(user);
    }
    return { users };
  }

  membersOf(group: string): readonly UserRecord[] {
    return this.members.get(group) ?? [];
  }

  addToGroup(user: UserRecord, group: string): void {
    if (user.groups.includes(group)) return;
    user.groups.push(group);
    this.addMember(group, user);
  }

  removeFromGroup(user: UserRecord, group: string): void {
    const at = user.groups.indexOf(group);
    if (at === -1) return;
    user.groups.splice(at, 1);
    const list = this.members.get(group);
    if (list) removeBySeq(list, user);
  }

  dropGroup(group: string): void {
    for (const user of this.members.get(group) ?? []) {
      const at = user.groups.indexOf(group);
      if (at !== -1) user.groups.splice(at, 1);
    }
    this.members.delete(group);
  }

  private addMember(group: string, user: UserRecord): void {
    const list = this.members.get(group);
    if (list) insertBySeq(list, user);
    else this.members.set(group, [user]);
  }

  private addAlias(user: UserRecord, attr: LoginAlias, value: string | undefined): void {
    if (value === undefined) return;
    const key = this.aliasKey(attr, value);
    const list = this.aliasMap.get(key);
    if (list) list.push(user);
    else this.aliasMap.set(key, [user]);
  }

  private removeAlias(user: UserRecord, attr: LoginAlias, value: string | undefined): void {
    if (value === undefined) return;
    const key = this.aliasKey(attr, value);
    const list = this.aliasMap.get(key);
    if (!list) return;
    const at = list.indexOf(user);
    if (at !== -1) list.splice(at, 1);
    if (list.length === 0) this.aliasMap.delete(key);
  }

  private compact(): void {
    const slots: UserRecord[] = [];
    for (const user of this.slots) if (user) slots.push(user);
    this.slots = slots;
    this.slotSeqs = slots.map((user) => user.seq);
    this.dead = 0;
  }
}

export type { IndexCursor };
