import { useTable, type RowSelectionState, type SortingState, type Updater } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { buildColumnDefs, SELECT_COLUMN_ID, usersTableFeatures } from './columns';

const resolve = <T,>(updater: Updater<T>, current: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater);

export interface UsersTableInput {
  /** already sorted and filtered (model/derive-view.ts) */
  rows: readonly UserRow[];
  /** every column the operator may show */
  columns: readonly UserColumn[];
  /** visible column ids in order */
  visible: readonly string[];
  onVisibleChange: (visible: string[]) => void;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (selection: RowSelectionState) => void;
  groupsKnown: boolean;
}

/** The users table instance: state owned by the page (URL, preferences, selection), rows by the model. */
export function useUsersTable(input: UsersTableInput) {
  const { rows, columns, visible, onVisibleChange, sorting, onSortingChange, rowSelection, onRowSelectionChange, groupsKnown } = input;
  const columnDefs = useMemo(() => buildColumnDefs(columns, groupsKnown), [columns, groupsKnown]);
  const columnVisibility = useMemo(() => Object.fromEntries(columns.map((c) => [c.id, visible.includes(c.id)])), [columns, visible]);
  const columnOrder = useMemo(() => [SELECT_COLUMN_ID, ...visible, ...columns.map((c) => c.id).filter((id) => !visible.includes(id))], [columns, visible]);

  return useTable({
    features: usersTableFeatures,
    columns: columnDefs,
    data: rows as UserRow[],
    getRowId: (row) => row.key,
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
    enableRowRangeSelection: true,
    state: { sorting, columnVisibility, columnOrder, rowSelection },
    onSortingChange: (updater) => onSortingChange(resolve(updater, sorting)),
    onRowSelectionChange: (updater) => onRowSelectionChange(resolve(updater, rowSelection)),
    onColumnVisibilityChange: (updater) => {
      const next = resolve(updater, columnVisibility);
      const kept = visible.filter((id) => next[id] !== false);
      const added = columns.map((c) => c.id).filter((id) => next[id] === true && !kept.includes(id));
      onVisibleChange([...kept, ...added]);
    },
    onColumnOrderChange: (updater) => {
      const next = resolve(updater, columnOrder);
      onVisibleChange(next.filter((id) => visible.includes(id)));
    },
  });
}

export type UsersReactTable = ReturnType<typeof useUsersTable>;
