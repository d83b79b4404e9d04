/**
 * What the table shows of the loaded users: sorted, then filtered on the client. Written for
 * 100 000 rows: sort keys are extracted once per column and cached per loaded-rows array, the sort
 * orders an index array, and the quick filter is a substring test on precomputed search text —
 * so typing in the filter never re-sorts, and re-sorting never re-reads the users.
 */
import type { UserStatus } from '@/aws/user-types';
import type { EnabledFilter } from '../filters/filter-model';
import { sortKey, type UserColumn } from './column-model';
import { rowMatches, type UserRow } from './user-row';

export interface SortSpec {
  id: string;
  desc: boolean;
}

type Key = string | number | undefined;

const keyCache = new WeakMap<readonly UserRow[], Map<string, Key[]>>();

function keysFor(rows: readonly UserRow[], column: UserColumn): Key[] {
  let byColumn = keyCache.get(rows);
  if (!byColumn) keyCache.set(rows, (byColumn = new Map()));
  let keys = byColumn.get(column.id);
  if (!keys) {
    keys = new Array<Key>(rows.length);
    for (let i = 0; i < rows.length; i += 1) keys[i] = sortKey(column, rows[i]!);
    byColumn.set(column.id, keys);
  }
  return keys;
}

function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  // Empty values last whichever the direction: the operator looks for data, not blanks.
  if (a === undefined) return 2;
  if (b === undefined) return -2;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable multi-column sort (ties keep load order). Returns `rows` itself when nothing sorts. */
export function sortRows(rows: readonly UserRow[], sorting: readonly SortSpec[], columns: ReadonlyMap<string, UserColumn>): readonly UserRow[] {
  const specs = sorting
    .map((spec) => ({ spec, column: columns.get(spec.id) }))
    .filter((s): s is { spec: SortSpec; column: UserColumn } => s.column !== undefined)
    .map(({ spec, column }) => ({ desc: spec.desc, keys: keysFor(rows, column) }));
  if (specs.length === 0) return rows;
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  if (specs.length === 1) {
    // The common case without the loop: about a third faster on 100 000 rows.
    const { desc, keys } = specs[0]!;
    order.sort((a, b) => {
      const c = compareKeys(keys[a], keys[b]);
      if (c === 0) return a - b;
      // ±2 marks an empty value: it stays last in both directions.
      if (c === 2 || c === -2) return c;
      return desc ? -c : c;
    });
  } else {
    order.sort((a, b) => {
      for (const { desc, keys } of specs) {
        const c = compareKeys(keys[a], keys[b]);
        if (c === 0) continue;
        if (c === 2 || c === -2) return c;
        return desc ? -c : c;
      }
      return a - b;
    });
  }
  const sorted = new Array<UserRow>(rows.length);
  for (let i = 0; i < order.length; i += 1) sorted[i] = rows[order[i]!]!;
  return sorted;
}

export interface RowFilter {
  terms: readonly string[];
  status?: UserStatus;
  enabled?: EnabledFilter;
}

export function hasRowFilter(filter: RowFilter): boolean {
  return filter.terms.length > 0 || filter.status !== undefined || filter.enabled !== undefined;
}

/** Keeps the order; returns `rows` itself when no filter applies. */
export function filterRows(rows: readonly UserRow[], filter: RowFilter): readonly UserRow[] {
  if (!hasRowFilter(filter)) return rows;
  const wantEnabled = filter.enabled === undefined ? undefined : filter.enabled === 'enabled';
  const result: UserRow[] = [];
  for (const row of rows) {
    if (filter.status !== undefined && row.user.status !== filter.status) continue;
    if (wantEnabled !== undefined && row.user.enabled !== wantEnabled) continue;
    if (filter.terms.length > 0 && !rowMatches(row, filter.terms)) continue;
    result.push(row);
  }
  return result;
}

export interface StatusCounts {
  total: number;
  byStatus: Partial<Record<UserStatus, number>>;
  enabled: number;
  disabled: number;
}

export function countRows(rows: readonly UserRow[]): StatusCounts {
  const byStatus: Partial<Record<UserStatus, number>> = {};
  let enabled = 0;
  for (const row of rows) {
    byStatus[row.user.status] = (byStatus[row.user.status] ?? 0) + 1;
    if (row.user.enabled) enabled += 1;
  }
  return { total: rows.length, byStatus, enabled, disabled: rows.length - enabled };
}
