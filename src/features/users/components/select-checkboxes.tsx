import { useEffect, useRef } from 'react';
import type { Row, Table } from '@tanstack/react-table';
import type { UserRow } from '../model/user-row';
import type { UsersTableFeatures } from './columns';

/** Header checkbox: every row of the current view (mixed when only some are selected). */
export function SelectAllCheckbox({ table }: { table: Table<UsersTableFeatures, UserRow> }) {
  const ref = useRef<HTMLInputElement>(null);
  const all = table.getIsAllRowsSelected();
  const some = table.getIsSomeRowsSelected();
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !all;
  }, [some, all]);
  const count = table.getRowModel().rows.length;
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={`Select all ${count.toLocaleString()} users in this view`}
      checked={all && count > 0}
      disabled={count === 0}
      onChange={table.getToggleAllRowsSelectedHandler()}
    />
  );
}

/** Row checkbox; Shift+click selects the range from the last clicked row (TanStack's handler). */
export function SelectRowCheckbox({ row }: { row: Row<UsersTableFeatures, UserRow> }) {
  return (
    <input
      type="checkbox"
      aria-label={`Select ${row.original.user.username}`}
      checked={row.getIsSelected()}
      onChange={row.getToggleSelectedHandler()}
      onClick={(e) => e.stopPropagation()}
      tabIndex={-1}
    />
  );
}
