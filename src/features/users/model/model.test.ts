import { describe, expect, it } from 'vitest';
import type { AppUser, UserStatus } from '@/aws/user-types';
import { attributeColumn, BASE_COLUMNS, columnsById, sortKey, valueJson, valueText } from './column-model';
import { countRows, filterRows, RowSorter, sortRows } from './derive-view';
import { parseQuickFilter, toUserRow, type UserRow } from './user-row';

function user(username: string, extra: Partial<AppUser> & { attributes?: Record<string, string> } = {}): AppUser {
  return {
    username,
    sub: `sub-${username}`,
    status: 'CONFIRMED',
    enabled: true,
    createdAt: new Date('2024-01-01T00:00:00Z'),
    modifiedAt: new Date('2024-01-02T00:00:00Z'),
    ...extra,
    attributes: { sub: `sub-${username}`, ...extra.attributes },
  };
}

const columns = columnsById([...BASE_COLUMNS, attributeColumn('custom:tier'), attributeColumn('custom:score', 'Number')]);

describe('user rows and the quick filter', () => {
  it('searches every attribute value, status, enabled and groups, case-insensitively', () => {
    const row = toUserRow(user('Alice', { status: 'UNCONFIRMED', enabled: false, attributes: { email: 'Alice@Example.com', 'custom:tier': 'Gold' } }), ['Support']);
    expect(row.key).toBe('sub-Alice');
    const match = (text: string) => filterRows([row], { terms: parseQuickFilter(text) }).length === 1;
    expect(match('gold')).toBe(true);
    expect(match('example.com')).toBe(true);
    expect(match('unconfirmed disabled')).toBe(true);
    expect(match('support')).toBe(true);
    expect(match('alice silver')).toBe(false);
    // a term never spans two fields
    expect(match('com gold')).toBe(true);
    expect(match('comgold')).toBe(false);
  });

  it('parses terms and quoted phrases', () => {
    expect(parseQuickFilter('  Bob  "New York" x ')).toEqual(['bob', 'new york', 'x']);
    expect(parseQuickFilter('""')).toEqual([]);
  });

  it('filters by status and enabled on the client', () => {
    const rows = [
      toUserRow(user('a', { status: 'UNCONFIRMED' }), undefined),
      toUserRow(user('b', { status: 'CONFIRMED', enabled: false }), undefined),
      toUserRow(user('c', { status: 'UNCONFIRMED', enabled: false }), undefined),
    ];
    expect(filterRows(rows, { terms: [], status: 'UNCONFIRMED' }).map((r) => r.user.username)).toEqual(['a', 'c']);
    expect(filterRows(rows, { terms: [], status: 'UNCONFIRMED', enabled: 'disabled' }).map((r) => r.user.username)).toEqual(['c']);
    expect(filterRows(rows, { terms: [] })).toBe(rows);
  });

  it('counts by status and enabled', () => {
    const rows = (['CONFIRMED', 'CONFIRMED', 'UNCONFIRMED'] as UserStatus[]).map((status, i) => toUserRow(user(`u${i}`, { status, enabled: i !== 1 }), undefined));
    expect(countRows(rows)).toEqual({ total: 3, byStatus: { CONFIRMED: 2, UNCONFIRMED: 1 }, enabled: 2, disabled: 1 });
  });
});

describe('sorting', () => {
  const rows: UserRow[] = [
    toUserRow(user('bob', { createdAt: new Date('2024-03-01'), attributes: { 'custom:score': '10', email: 'b@x' } }), ['b']),
    toUserRow(user('Alice', { createdAt: new Date('2024-01-01'), attributes: { 'custom:score': '9' } }), ['a']),
    toUserRow(user('carol', { createdAt: new Date('2024-02-01'), attributes: { 'custom:score': '100', email: 'a@x' } }), undefined),
  ];
  const names = (list: readonly UserRow[]) => list.map((r) => r.user.username);

  it('sorts text case-insensitively, dates and numbers by value, both directions', () => {
    expect(names(sortRows(rows, [{ id: 'username', desc: false }], columns))).toEqual(['Alice', 'bob', 'carol']);
    expect(names(sortRows(rows, [{ id: 'username', desc: true }], columns))).toEqual(['carol', 'bob', 'Alice']);
    expect(names(sortRows(rows, [{ id: 'created', desc: true }], columns))).toEqual(['bob', 'carol', 'Alice']);
    expect(names(sortRows(rows, [{ id: 'attr:custom:score', desc: false }], columns))).toEqual(['Alice', 'bob', 'carol']);
  });

  it('keeps empty values last in either direction', () => {
    expect(names(sortRows(rows, [{ id: 'email', desc: false }], columns))).toEqual(['carol', 'bob', 'Alice']);
    expect(names(sortRows(rows, [{ id: 'email', desc: true }], columns))).toEqual(['bob', 'carol', 'Alice']);
    expect(names(sortRows(rows, [{ id: 'groups', desc: true }], columns))).toEqual(['bob', 'Alice', 'carol']);
  });

  it('is stable and multi-column; unknown columns are ignored', () => {
    const same = [user('x1'), user('x2'), user('x3')].map((u) => toUserRow(u, undefined));
    expect(names(sortRows(same, [{ id: 'status', desc: true }], columns))).toEqual(['x1', 'x2', 'x3']);
    expect(sortRows(same, [{ id: 'nope', desc: false }], columns)).toBe(same);
    const multi = [
      toUserRow(user('b', { status: 'UNCONFIRMED' }), undefined),
      toUserRow(user('a', { status: 'UNCONFIRMED' }), undefined),
      toUserRow(user('c', { status: 'CONFIRMED' }), undefined),
    ];
    expect(names(sortRows(multi, [{ id: 'status', desc: false }, { id: 'username', desc: false }], columns))).toEqual(['c', 'a', 'b']);
  });
});

describe('RowSorter', () => {
  const make = (n: number, offset = 0) =>
    Array.from({ length: n }, (_, i) => toUserRow(user(`u${(((i + offset) * 7919) % 1000).toString().padStart(4, '0')}-${i + offset}`, { status: (['CONFIRMED', 'UNCONFIRMED'] as const)[(i + offset) % 2] }), undefined));

  it('merges appended batches into the same order a full sort gives, ties in load order', () => {
    const sorter = new RowSorter();
    const specs = [{ id: 'status', desc: true }];
    let rows: UserRow[] = make(300);
    expect(sorter.sort(rows, specs, columns, 1)).toEqual(sortRows(rows, specs, columns));
    for (let batch = 1; batch <= 3; batch += 1) {
      rows = [...rows, ...make(200, 300 * batch)];
      const merged = sorter.sort(rows, specs, columns, 1);
      expect(merged.map((r) => r.key)).toEqual(sortRows(rows, specs, columns).map((r) => r.key));
    }
    const byName = [{ id: 'username', desc: false }];
    expect(sorter.sort(rows, byName, columns).map((r) => r.key)).toEqual(sortRows(rows, byName, columns).map((r) => r.key));
  });

  it('flips direction without sorting again, keeping ties in load order and empty values last', () => {
    const sorter = new RowSorter();
    // many equal emails (ties) and some without one (empty, always last)
    const rows = make(181).map((row, i) =>
      i % 11 === 0 ? row : toUserRow({ ...row.user, attributes: { ...row.user.attributes, email: `e${(i * 37) % 40}@x` } }, undefined),
    );
    const asc = [{ id: 'email', desc: false }];
    const desc = [{ id: 'email', desc: true }];
    expect(sorter.sort(rows, asc, columns, 1).map((r) => r.key)).toEqual(sortRows(rows, asc, columns).map((r) => r.key));
    expect(sorter.sort(rows, desc, columns, 1).map((r) => r.key)).toEqual(sortRows(rows, desc, columns).map((r) => r.key));
    expect(sorter.sort(rows, asc, columns, 1).map((r) => r.key)).toEqual(sortRows(rows, asc, columns).map((r) => r.key));
    const status = [{ id: 'status', desc: true }];
    expect(sorter.sort(rows, status, columns, 1).map((r) => r.key)).toEqual(sortRows(rows, status, columns).map((r) => r.key));
  });

  it('answers the same inputs from its memory and re-sorts rows changed in place', () => {
    const sorter = new RowSorter();
    const specs = [{ id: 'username', desc: false }];
    const rows = make(50);
    const first = sorter.sort(rows, specs, columns, 1);
    expect(sorter.sort(rows, specs, columns, 1)).toBe(first);
    // a row replaced in the middle and rows appended, in one go: the revision says "changed"
    const changed = [...rows, ...make(5, 50)];
    changed[25] = toUserRow(user('aaaa-first'), undefined);
    expect(sorter.sort(changed, specs, columns, 2)[0]!.user.username).toBe('aaaa-first');
    expect(sorter.sort(changed, [], columns)).toBe(changed);
  });
});

describe('column values', () => {
  it('renders text and JSON values', () => {
    const row = toUserRow(user('a', { attributes: { email_verified: 'true', updated_at: '1700000000' } }), ['g1', 'g2']);
    const byId = columnsById([...BASE_COLUMNS, attributeColumn('updated_at')]);
    expect(valueText(byId.get('email_verified')!.value(row))).toBe('true');
    expect(valueJson(byId.get('email_verified')!.value(row))).toBe(true);
    expect(valueText(byId.get('groups')!.value(row))).toBe('g1; g2');
    expect(valueJson(byId.get('groups')!.value(row))).toEqual(['g1', 'g2']);
    expect(valueText(byId.get('created')!.value(row))).toBe('2024-01-01T00:00:00.000Z');
    expect(valueText(byId.get('attr:updated_at')!.value(row))).toBe('2023-11-14T22:13:20.000Z');
    expect(valueJson(byId.get('email')!.value(row))).toBeNull();
    expect(sortKey(byId.get('enabled')!, row)).toBe(1);
  });
});

describe('scale', () => {
  it('sorts and filters 100 000 rows correctly (their speed is measured by npm run bench -- browser, not asserted here)', () => {
    const statuses: UserStatus[] = ['CONFIRMED', 'UNCONFIRMED', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED'];
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      toUserRow(
        user(`user${(i * 7919) % 100_000}`, {
          status: statuses[i % 4]!,
          createdAt: new Date(1_600_000_000_000 + ((i * 104729) % 100_000) * 60_000),
          attributes: { email: `person${i}@example.com`, given_name: `Given${i % 977}`, 'custom:tier': i % 3 ? 'gold' : 'silver' },
        }),
        i % 10 ? ['support'] : undefined,
      ),
    );
    const byName = sortRows(rows, [{ id: 'username', desc: false }], columns);
    const byCreated = sortRows(rows, [{ id: 'created', desc: true }], columns);
    const filtered = filterRows(byName, { terms: parseQuickFilter('given97 gold') });
    expect(byName[0]!.user.username <= byName[1]!.user.username).toBe(true);
    expect(byCreated[0]!.user.createdAt.getTime()).toBeGreaterThanOrEqual(byCreated[1]!.user.createdAt.getTime());
    expect(filtered.length).toBeGreaterThan(0);
  });
});
