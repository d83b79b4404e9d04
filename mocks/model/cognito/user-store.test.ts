import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import type { UserRecord, UserStatus } from './state';
import { SEARCHABLE, UserStore, type Searchable } from './user-store';

function user(username: string, attributes: Record<string, string>, status: UserStatus = 'CONFIRMED'): UserRecord {
  return {
    seq: 0,
    username,
    sub: `sub-${username}`,
    attributes: { sub: `sub-${username}`, ...attributes },
    status,
    enabled: true,
    createdAt: 0,
    modifiedAt: 0,
    groups: [],
    mfa: {},
    codes: {},
    failures: { signIn: 0, code: 0 },
  };
}

const valueOf = (u: UserRecord, attribute: Searchable, caseSensitive: boolean): string | undefined => {
  if (attribute === 'username') return caseSensitive ? u.username : u.username.toLowerCase();
  if (attribute === 'cognito:user_status') return u.status;
  if (attribute === 'status') return u.enabled ? 'Enabled' : 'Disabled';
  if (attribute === 'sub') return u.sub;
  return u.attributes[attribute];
};

function pageAll(store: UserStore, attribute: Searchable, mode: 'exact' | 'prefix', value: string, limit: number): string[] {
  const out: string[] = [];
  let after: { s: number } | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = store.search(attribute, mode, value, after, limit);
    out.push(...page.users.map((u) => u.username));
    if (!page.next) return out;
    after = page.next;
  }
  throw new Error('paging did not end');
}

describe('UserStore indexes', () => {
  it('agree with a plain scan through random inserts, edits, deletes and compaction', () => {
    const random = seededRandom(99);
    const store = new UserStore({ caseSensitive: false, aliases: ['email'] });
    const live: UserRecord[] = [];
    const letters = 'abAB';
    const word = () => Array.from({ length: 1 + random.int(3) }, () => letters[random.int(letters.length)]).join('');
    const statuses: UserStatus[] = ['CONFIRMED', 'UNCONFIRMED', 'RESET_REQUIRED'];
    let n = 0;
    for (let step = 0; step < 6000; step++) {
      const action = random.int(10);
      if (action < 5 || live.length === 0) {
        const u = user(`U${n++}${word()}`, { email: `${word()}@x`, given_name: word() }, statuses[random.int(3)]);
        if (random.int(4) === 0) delete u.attributes.given_name;
        store.insert(u);
        live.push(u);
      } else if (action < 8) {
        const u = live[random.int(live.length)]!;
        store.update(u, (x) => {
          if (random.int(2)) x.attributes.given_name = word();
          else delete x.attributes.given_name;
          x.attributes.email = `${word()}@x`;
          x.status = statuses[random.int(3)]!;
          x.enabled = random.int(3) > 0;
        });
      } else {
        const at = random.int(live.length);
        store.remove(live[at]!);
        live.splice(at, 1);
      }
      if (step % 200 === 0) check();
    }
    // Delete most users so the slot array compacts, then check again.
    while (live.length > 150) {
      const at = random.int(live.length);
      store.remove(live[at]!);
      live.splice(at, 1);
    }
    check();

    function check() {
      for (const attribute of SEARCHABLE) {
        for (const mode of ['exact', 'prefix'] as const) {
          const probe = attribute === 'cognito:user_status' ? 'confirmed' : attribute === 'status' ? 'Enabled' : mode === 'prefix' ? word().slice(0, 1) : `${word()}@x`;
          const key = attribute === 'cognito:user_status' ? probe.toUpperCase() : attribute === 'username' ? probe.toLowerCase() : probe;
          const expected = live
            .filter((u) => {
              const v = valueOf(u, attribute, false);
              return v !== undefined && (mode === 'exact' ? v === key : v.startsWith(key));
            })
            .sort((a, b) => a.seq - b.seq)
            .map((u) => u.username);
          expect(pageAll(store, attribute, mode, probe, 1 + random.int(4)), `${attribute} ${mode} ${probe}`).toEqual(expected);
        }
      }
      expect(store.size).toBe(live.length);
      const everyone: string[] = [];
      let after = 0;
      for (;;) {
        const page = store.page(after, 7);
        everyone.push(...page.users.map((u) => u.username));
        if (page.next === undefined) break;
        after = page.next;
      }
      expect(everyone).toEqual([...live].sort((a, b) => a.seq - b.seq).map((u) => u.username));
    }
  });

  it('finds users by username (case rules), sub and alias', () => {
    const store = new UserStore({ caseSensitive: false, aliases: ['email'] });
    const u = user('MixedCase', { email: 'Mixed@Example.com' });
    store.insert(u);
    expect(store.byUsername('mixedcase')).toBe(u);
    expect(store.bySubject('sub-MixedCase')).toBe(u);
    expect(store.byAlias('email', 'mixed@example.com')).toEqual([u]);
    store.update(u, (x) => {
      x.attributes.email = 'other@example.com';
    });
    expect(store.byAlias('email', 'mixed@example.com')).toEqual([]);
    store.remove(u);
    expect(store.byUsername('MixedCase')).toBeUndefined();
  });
});
