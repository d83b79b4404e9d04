/**
 * The virtualized table: only the rows in view (plus a few) are in the DOM, so 100 000 rows
 * scroll like 100. Markup is a real <table> laid out as a grid, so screen readers still get
 * rows, headers and sort state; aria-rowcount/aria-rowindex tell them the full size.
 *
 * Keyboard: Tab reaches the table; ↑/↓/PageUp/PageDown/Home/End move between rows, Space selects,
 * Shift+Space extends the selection, Enter opens the user.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Header, Row } from '@tanstack/react-table';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { UserRow } from '../model/user-row';
import { SELECT_COLUMN_ID, type UsersTableFeatures } from './columns';
import type { UsersReactTable } from './use-users-table';

export const ROW_HEIGHT = 36;

const INTERACTIVE = 'a, button, input, select, textarea, label';

export function DataTable({
  table,
  label,
  onOpenRow,
  rowActions,
}: {
  table: UsersReactTable;
  label: string;
  onOpenRow: (row: UserRow) => void;
  rowActions?: (row: UserRow) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const [active, setActive] = useState(0);
  const [focusPending, setFocusPending] = useState(false);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
  });

  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const items = virtualizer.getVirtualItems();

  // Keyboard moves focus to a row that may only exist once the virtualizer has scrolled to it.
  useEffect(() => {
    if (!focusPending) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (element) {
      element.focus({ preventScroll: true });
      setFocusPending(false);
    }
  }, [focusPending, activeIndex, items]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    setFocusPending(true);
  };

  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: Row<UsersTableFeatures, UserRow>, index: number) => {
    if ((event.target as HTMLElement).closest('input, select, textarea, button')) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpenRow(row.original);
    } else if (event.key === ' ') {
      event.preventDefault();
      row.getToggleSelectedHandler()(event);
    }
  };

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, row: Row<UsersTableFeatures, UserRow>, index: number) => {
    setActive(index);
    // Links, checkboxes and buttons in the row do their own thing.
    if ((event.target as HTMLElement).closest(INTERACTIVE)) return;
    if (event.shiftKey || event.metaKey || event.ctrlKey) {
      row.getToggleSelectedHandler()(event);
      return;
    }
    onOpenRow(row.original);
  };

  const headerGroups = table.getHeaderGroups();
  const totalWidth = table.getTotalSize();

  return (
    <div
      ref={scrollRef}
      className="users-table__scroll"
      tabIndex={rows.length > 0 ? -1 : undefined}
      onFocus={(e) => {
        // Tabbing into the scroll area lands on the active row.
        if (e.target === e.currentTarget && rows.length > 0) moveTo(activeIndex);
      }}
    >
      <table className="users-table" aria-label={label} aria-rowcount={rows.length + 1} style={{ width: totalWidth }}>
        <thead className="users-table__head">
          {headerGroups.map((group) => (
            <tr key={group.id} className="users-table__row" aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} table={table} />
              ))}
              {rowActions ? <th className="users-table__actions-head" aria-label="Row actions" /> : null}
            </tr>
          ))}
        </thead>
        <tbody className="users-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const selected = row.getIsSelected();
            return (
              <tr
                key={row.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={item.index === activeIndex ? 0 : -1}
                className={`users-table__row users-table__row--body${selected ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(e) => onRowClick(e, row, item.index)}
                onKeyDown={(e) => onRowKeyDown(e, row, item.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`users-table__cell users-table__cell--${cell.column.id === SELECT_COLUMN_ID ? 'select' : 'data'}`} style={{ width: cell.column.getSize() }}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
                {rowActions ? <td className="users-table__cell users-table__cell--actions">{rowActions(row.original)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell({ header, table }: { header: Header<UsersTableFeatures, UserRow, unknown>; table: UsersReactTable }) {
  const column = header.column;
  const canSort = column.getCanSort();
  const sorted = column.getIsSorted();
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined;
  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
  return (
    <th className="users-table__header" style={{ width: header.getSize() }} aria-sort={ariaSort} scope="col">
      {canSort ? (
        <button
          type="button"
          className="users-table__sort"
          onClick={column.getToggleSortingHandler()}
          title="Sort (Shift+click adds a second sort)"
        >
          {content}
          <span aria-hidden="true" className="users-table__sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        content
      )}
    </th>
  );
}
