/**
 * The table's TanStack column definitions, made from the column data in model/column-model.ts
 * plus the selection column. Sorting is done by model/derive-view.ts (manualSorting); TanStack
 * holds the sort, selection, visibility and order state.
 */
import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import type { UserColumn } from '../model/column-model';
import { sortKey } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { SelectAllCheckbox, SelectRowCheckbox } from './select-checkboxes';
import { UserCell } from './user-cells';

export const usersTableFeatures = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
});
export type UsersTableFeatures = typeof usersTableFeatures;
export type UsersColumnDef = ColumnDef<UsersTableFeatures, UserRow, unknown>;

const helper = createColumnHelper<UsersTableFeatures, UserRow>();

export const SELECT_COLUMN_ID = 'select';

export function buildColumnDefs(columns: readonly UserColumn[], groupsKnown: boolean): UsersColumnDef[] {
  const select = helper.display({
    id: SELECT_COLUMN_ID,
    header: ({ table }) => <SelectAllCheckbox table={table} />,
    cell: ({ row }) => <SelectRowCheckbox row={row} />,
    size: 44,
    enableSorting: false,
    enableHiding: false,
  }) as UsersColumnDef;
  const data = columns.map(
    (column) =>
      helper.accessor((row: UserRow) => sortKey(column, row), {
        id: column.id,
        header: column.label,
        cell: ({ row }) => <UserCell column={column} row={row.original} groupsKnown={groupsKnown} />,
        size: column.width,
        minSize: 60,
        sortUndefined: 'last',
        enableHiding: !column.required,
      }) as UsersColumnDef,
  );
  return [select, ...data];
}
