/**
 * One body row of the users table. Memoised: while scrolling, rows that stay in view keep their
 * props (a row's position depends only on its index) and are not rendered again, so a scroll step
 * costs the rows entering the viewport. Events are handled by the table body (data-table.tsx).
 */
import { memo, type ReactNode } from 'react';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { ROW_HEIGHT, SELECT_WIDTH } from './table-metrics';
import { SelectRowCheckbox } from './select-checkboxes';
import { UserCell } from './user-cells';

export interface RowCell {
  column: UserColumn;
  width: number;
}

export const UsersTableRow = memo(function UsersTableRow({
  row,
  index,
  start,
  selected,
  tabbable,
  cells,
  groupsKnown,
  actions,
}: {
  row: UserRow;
  index: number;
  start: number;
  selected: boolean;
  tabbable: boolean;
  cells: readonly RowCell[];
  groupsKnown: boolean;
  actions?: (row: UserRow) => ReactNode;
}) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`users-table__row users-table__row--body${selected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
    >
      <td className="users-table__cell users-table__cell--select" style={{ width: SELECT_WIDTH }}>
        <SelectRowCheckbox username={row.user.username} selected={selected} />
      </td>
      {cells.map(({ column, width }) => (
        <td key={column.id} className="users-table__cell" style={{ width }}>
          <UserCell column={column} row={row} groupsKnown={groupsKnown} />
        </td>
      ))}
      {actions ? <td className="users-table__cell users-table__cell--actions">{actions(row)}</td> : null}
    </tr>
  );
});
