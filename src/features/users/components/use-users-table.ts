import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { buildColumnDefs, usersTableFeatures } from './columns';

const resolve = <T,>(updater: Updater<T>, current: T): T => (typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater);

export interface UsersTableInput {
  /** every column the operator may show */
  columns: readonly UserColumn[];
  /** visible column ids in order */
  visible: readonly string[];
  onVisibleChange: (visible: string[]) => void;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  /** column widths the operator chose, by id (remembered per browser) */
  widths: Readonly<Record<string, number>>;
  onWidthsChange: (widths: Record<string, number>) => void;
  groupsKnown: boolean;
}

const NO_ROWS: UserRow[] = [];

/** The users table instance: column state owned by the page's preferences. */
export function useUsersTable(input: UsersTableInput) {
  const { columns, visible, onVisibleChange, sorting, onSortingChange, widths, onWidthsChange, groupsKnown } = input;
  const columnDefs = useMemo(() => buildColumnDefs(columns, groupsKnown), [columns, groupsKnown]);
  const columnVisibility = useMemo(() => Object.fromEntries(columns.map((c) => [c.id, visible.includes(c.id)])), [columns, visible]);
  const columnOrder = useMemo(() => [...visible, ...columns.map((c) => c.id).filter((id) => !visible.includes(id))], [columns, visible]);

  return useTable({
    features: usersTableFeatures,
    columns: columnDefs,
    // The body draws the view itself (data-table.tsx); the table models columns and headers.
    data: NO_ROWS,
    getRowId: (row) => row.key,
    manualSorting: true,
    enableMultiSort: true,
    maxMultiSortColCount: 3,
    // Resizing follows the pointer (onChange); the width is what TanStack reports per column.
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    state: { sorting, columnVisibility, columnOrder, columnSizing: widths as Record<string, number> },
    onColumnSizingChange: (updater) => onWidthsChange(resolve(updater, widths as Record<string, number>)),
    onSortingChange: (updater) => onSortingChange(resolve(updater, sorting)),
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
