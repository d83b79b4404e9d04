/**
 * The virtualized table: only the rows in view (plus a few) are in the DOM, so 100 000 rows
 * scroll like 100. Markup is a real <table> laid out as a grid, so screen readers still get
 * rows, headers and sort state; aria-rowcount/aria-rowindex tell them the full size.
 *
 * TanStack Table owns the columns: definitions, visibility, order, sizes, headers and the sort
 * state. The body draws the view (already sorted and filtered) with memoised rows that read the
 * visible columns TanStack reports, so scrolling renders only the rows that come into view, and
 * sorting 100 000 users never builds 100 000 table rows. Clicks and keys are handled once, on the
 * body, for every row.
 *
 * Keyboard: Tab reaches the table; ↑/↓/PageUp/PageDown/Home/End move between rows, Space selects
 * (Shift+Space extends from the last one), Enter opens the user.
 */
import type { Header, SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { UserColumn } from '../model/column-model';
import type { UserRow } from '../model/user-row';
import type { UsersTableFeatures } from './columns';
import { SelectAllCheckbox } from './select-checkboxes';
import { ACTIONS_WIDTH, ROW_HEIGHT, SELECT_WIDTH } from './table-metrics';
import { UsersTableRow, type RowCell } from './users-table-row';
import { useUsersTable, type UsersReactTable } from './use-users-table';


/**
 * Rows are keyed by a slot, not by user: a row scrolled out hands its elements to a row scrolled
 * in, so a scroll step changes text and attributes instead of creating ~25 elements per row, and
 * style recalculation (most of a frame when the wheel jumps a whole screen) only touches what
 * changed. A row keeps its slot while it stays in the window; entering rows take the freed slots
 * in the order they had, so after a jump the elements stay in place (a moved element is styled
 * afresh) and the DOM order stays the visual order.
 */
class RowSlots {
  private slots = new Map<number, number>();

  assign(indexes: readonly number[]): ReadonlyMap<number, number> {
    const next = new Map<number, number>();
    const used = new Set<number>();
    for (const index of indexes) {
      const slot = this.slots.get(index);
      if (slot !== undefined) {
        next.set(index, slot);
        used.add(slot);
      }
    }
    const free = [...this.slots.values()].filter((slot) => !used.has(slot));
    let fresh = 0;
    let taken = 0;
    for (const index of indexes) {
      if (next.has(index)) continue;
      let slot = free[taken++];
      if (slot === undefined) {
        while (used.has(fresh)) fresh += 1;
        slot = fresh;
      }
      used.add(slot);
      next.set(index, slot);
    }
    // Insertion order is index order, which the next call relies on for the freed slots.
    this.slots = new Map([...next].sort((a, b) => a[0] - b[0]));
    return this.slots;
  }
}

export interface TableSelection {
  isSelected: (row: UserRow) => boolean;
  /** rows of the view that are selected */
  selectedInView: number;
  /** `extend`: from the last toggled row to this one, in view order */
  toggle: (index: number, extend: boolean) => void;
  toggleAll: () => void;
}

export function DataTable({
  rows,
  columns,
  visible,
  onVisibleChange,
  sorting,
  onSortingChange,
  widths,
  onWidthsChange,
  groupsKnown,
  selection,
  label,
  onOpenRow,
  rowActions,
}: {
  rows: readonly UserRow[];
  columns: readonly UserColumn[];
  visible: readonly string[];
  onVisibleChange: (visible: string[]) => void;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  widths: Readonly<Record<string, number>>;
  onWidthsChange: (widths: Record<string, number>) => void;
  groupsKnown: boolean;
  selection: TableSelection;
  label: string;
  onOpenRow: (row: UserRow) => void;
  rowActions?: (row: UserRow, tabbable: boolean) => ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusPending, setFocusPending] = useState(false);
  const table = useUsersTable({ columns, visible, onVisibleChange, sorting, onSortingChange, widths, onWidthsChange, groupsKnown });

  // Stable callbacks: the virtualizer recomputes every row's position when these change.
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, getItemKey, overscan: 10 });

  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const items = virtualizer.getVirtualItems();
  const [rowSlots] = useState(() => new RowSlots());
  const slots = rowSlots.assign(items.map((item) => item.index));

  // The visible columns, in order, with their sizes, as TanStack computes them.
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const leaves = table.getVisibleLeafColumns();
  const cellsKey = leaves.map((leaf) => `${leaf.id}:${leaf.getSize()}`).join('|');
  const cells: RowCell[] = useMemo(
    () => leaves.flatMap((leaf) => (byId.has(leaf.id) ? [{ column: byId.get(leaf.id)!, width: leaf.getSize() }] : [])),
    // cellsKey captures what `leaves` holds; the array itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cellsKey, byId],
  );

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

  const rowAt = (target: EventTarget) => {
    const element = (target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    const index = element ? Number(element.dataset.index) : -1;
    const row = rows[index];
    return row ? { row, index } : undefined;
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const hit = rowAt(event.target);
    if (!hit || (event.target as HTMLElement).closest('input, select, textarea, button, a')) return;
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: hit.index + 1,
      ArrowUp: hit.index - 1,
      PageDown: hit.index + pageSize,
      PageUp: hit.index - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onOpenRow(hit.row);
    } else if (event.key === ' ') {
      event.preventDefault();
      selection.toggle(hit.index, event.shiftKey);
    }
  };

  const onBodyClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const hit = rowAt(event.target);
    if (!hit) return;
    setActive(hit.index);
    const target = event.target as HTMLElement;
    if (target.matches('input[type="checkbox"][data-select]')) {
      selection.toggle(hit.index, event.shiftKey);
      return;
    }
    // Links, buttons and other controls in the row do their own thing.
    if (target.closest('a, button, input, select, textarea, label')) return;
    if (event.shiftKey || event.metaKey || event.ctrlKey) {
      selection.toggle(hit.index, event.shiftKey);
      return;
    }
    onOpenRow(hit.row);
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const totalWidth = table.getTotalSize() + SELECT_WIDTH + (rowActions ? ACTIONS_WIDTH : 0);
  // Column widths and the row height reach the cells through the table's custom properties, so
  // body rows and cells carry no inline style (see users.css). Columns keep their chosen widths;
  // the last track takes whatever the screen has left, so the table always spans its width.
  const tracks = [`${SELECT_WIDTH}px`, ...cells.map((cell) => `${cell.width}px`), rowActions ? `minmax(${ACTIONS_WIDTH}px, 1fr)` : '1fr'].join(' ');
  const tableStyle = { minWidth: totalWidth, '--users-columns': tracks, '--users-row-height': `${ROW_HEIGHT}px` } as CSSProperties;

  return (
    <div
      ref={scrollRef}
      className="users-table__scroll"
      tabIndex={rows.length > 0 ? -1 : undefined}
      onFocus={(e) => {
        // Focus landing on the scroll area goes on to the active row.
        if (e.target === e.currentTarget && rows.length > 0) moveTo(activeIndex);
      }}
    >
      <table className="users-table" aria-label={label} aria-rowcount={rows.length + 1} style={tableStyle}>
        <thead className="users-table__head">
          <tr className="users-table__row" aria-rowindex={1}>
            <th className="users-table__header users-table__cell--select" style={{ width: SELECT_WIDTH }} scope="col">
              <SelectAllCheckbox viewCount={rows.length} selectedInView={selection.selectedInView} onToggle={selection.toggleAll} />
            </th>
            {headers.map((header) => (
              <HeaderCell key={header.id} header={header} table={table} />
            ))}
            {rowActions ? <th className="users-table__actions-head" aria-label="Row actions" /> : null}
          </tr>
        </thead>
        <tbody
          className="users-table__body"
          style={{ height: virtualizer.getTotalSize(), paddingTop: items[0]?.start ?? 0 }}
          onClick={onBodyClick}
          onKeyDown={onBodyKeyDown}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <UsersTableRow
                // The active row keeps its own key so focus stays with its user.
                key={item.index === activeIndex ? `row:${row.key}` : `slot:${slots.get(item.index)}`}
                row={row}
                index={item.index}
                selected={selection.isSelected(row)}
                tabbable={item.index === activeIndex}
                cells={cells}
                groupsKnown={groupsKnown}
                actions={rowActions}
              />
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
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  const size = header.getSize();
  const resize = header.getResizeHandler();
  const { minSize = 80, maxSize = 1200 } = column.columnDef;
  const setSize = (next: number) => table.setColumnSizing((old) => ({ ...old, [column.id]: Math.max(minSize, Math.min(maxSize, next)) }));
  return (
    <th className="users-table__header" style={{ width: size }} aria-sort={ariaSort} scope="col">
      {canSort ? (
        <button type="button" className="users-table__sort" onClick={column.getToggleSortingHandler()} title={`Sort by ${label} (Shift+click adds a second sort)`}>
          <span className="users-cell__text">{content}</span>
          <span aria-hidden="true" className="users-table__sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          </span>
        </button>
      ) : (
        content
      )}
      {column.getCanResize() ? (
        // Drag to resize, double-click for the default width; with the keyboard, ←/→ by 16 px.
        <div
          role="separator"
          aria-orientation="vertical"
          aria-label={`Resize ${label}`}
          aria-valuenow={size}
          aria-valuemin={minSize}
          aria-valuemax={maxSize}
          tabIndex={0}
          className={`users-table__resizer${column.getIsResizing() ? ' is-resizing' : ''}`}
          onMouseDown={resize}
          onTouchStart={resize}
          onDoubleClick={() => column.resetSize()}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
              e.preventDefault();
              setSize(size + (e.key === 'ArrowRight' ? 16 : -16));
            }
          }}
        />
      ) : null}
    </th>
  );
}
