/**
 * The table's TanStack column definitions, made from the column data in model/column-model.ts.
 * Sorting and filtering are done by model/derive-view.ts (manualSorting): TanStack holds the
 * sort, visibility, order and size state, headers and cells; the selection column is drawn by
 * the data table itself, over the rows in view.
 */
import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import type { UserColumn } from '../model/column-model';
import { sortKey } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { UserCell } from './user-cells';

export const usersTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
});
export type UsersTableFeatures = typeof usersTableFeatures;
export type UsersColumnDef = ColumnDef<UsersTableFeatures, UserRow, unknown>;

const helper = createColumnHelper<UsersTableFeatures, UserRow>();

export function buildColumnDefs(columns: readonly UserColumn[], groupsKnown: boolean): UsersColumnDef[] {
  return columns.map(
    (column) =>
      helper.accessor((row: UserRow) => sortKey(column, row), {
        id: column.id,
        header: column.label,
        cell: ({ row }) => <UserCell column={column} row={row.original} groupsKnown={groupsKnown} />,
        size: column.width,
        minSize: column.minWidth ?? 80,
        maxSize: 1200,
        sortUndefined: 'last',
        // Dates and numbers start newest/largest first; text A→Z. (Set explicitly: with no rows
        // in the table model, TanStack cannot infer it from the first value.)
        sortDescFirst: column.kind === 'date' || column.kind === 'number',
        enableHiding: !column.required,
      }) as UsersColumnDef,
  );
}
