/**
 * One body row of the users table. Memoised: while scrolling, rows that stay in view keep their
 * props and are not rendered again, so a scroll step costs the rows entering the viewport. Events
 * are handled by the table body (data-table.tsx). Rows sit in flow below the body's padding and
 * their cells take widths from the table's grid tracks: neither carries an inline style, because
 * Chromium caches the style of every element with one under its own entry, and a cache growing by
 * ~350 entries a scroll step made each style recalculation slower than the last (4 ms at the top
 * of 20 000 users, 160 ms further down).
 */
import { Fragment, memo, type ReactNode } from 'react';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import { SelectRowCheckbox } from './select-checkboxes';
import { UserCell } from './user-cells';

export interface RowCell {
  column: UserColumn;
  width: number;
}

export const UsersTableRow = memo(function UsersTableRow({
  row,
  index,
  selected,
  tabbable,
  cells,
  groupsKnown,
  actions,
}: {
  row: UserRow;
  index: number;
  selected: boolean;
  tabbable: boolean;
  cells: readonly RowCell[];
  groupsKnown: boolean;
  actions?: (row: UserRow, tabbable: boolean) => ReactNode;
}) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`users-table__row users-table__row--body${selected ? ' is-selected' : ''}`}
    >
      <td className="users-table__cell users-table__cell--select">
        <SelectRowCheckbox username={row.user.username} selected={selected} />
      </td>
      {cells.map(({ column }) => (
        <td key={column.id} className="users-table__cell">
          <UserCell column={column} row={row} groupsKnown={groupsKnown} />
        </td>
      ))}
      {actions ? (
        <td className="users-table__cell users-table__cell--actions">
          {/* Keyed by user: the row's elements are reused for other users (data-table.tsx), its actions' state is not. */}
          <Fragment key={row.key}>{actions(row, tabbable)}</Fragment>
        </td>
      ) : null}
    </tr>
  );
});
