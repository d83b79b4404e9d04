import { useCallback, useMemo, useRef, useState } from 'react';
import type { BulkItem } from '@/lib/bulk-runner';
import type { TableSelection } from '../components/data-table';
import type { UserRow } from '../model/user-row';

function countSelected(rows: readonly UserRow[], selected: ReadonlySet<string>): number {
  if (selected.size === 0) return 0;
  let n = 0;
  for (const row of rows) if (selected.has(row.key)) n += 1;
  return n;
}

/**
 * Which users are selected, by sub, across views of the same server query (the quick filter
 * narrows what is shown, not what is selected). A Set, because 100 000 keyed lookups into a plain
 * object are an order of magnitude slower; counting is skipped entirely while nothing is selected.
 */
export function useRowSelection(allRows: readonly UserRow[], viewRows: readonly UserRow[], resetKey: string) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [selectionFor, setSelectionFor] = useState(resetKey);
  if (selectionFor !== resetKey) {
    // Another server query: its rows are other users; drop the selection.
    setSelectionFor(resetKey);
    setSelected(new Set());
  }
  const anchor = useRef<string | null>(null);

  const selectedCount = useMemo(() => countSelected(allRows, selected), [allRows, selected]);
  const selectedInView = useMemo(() => countSelected(viewRows, selected), [viewRows, selected]);
  const allInViewSelected = viewRows.length > 0 && selectedInView === viewRows.length && selectedCount === viewRows.length;

  const toggle = (index: number, extend: boolean) => {
    const row = viewRows[index];
    if (!row) return;
    const value = !selected.has(row.key);
    const from = extend && anchor.current ? viewRows.findIndex((r) => r.key === anchor.current) : -1;
    const [start, end] = from >= 0 ? [Math.min(from, index), Math.max(from, index)] : [index, index];
    const next = new Set(selected);
    for (let i = start; i <= end; i += 1) {
      const key = viewRows[i]!.key;
      if (value) next.add(key);
      else next.delete(key);
    }
    anchor.current = row.key;
    setSelected(next);
  };

  const selectAllInView = () => {
    const next = new Set(selected);
    for (const row of viewRows) next.add(row.key);
    setSelected(next);
  };

  const toggleAll = () => {
    if (selectedInView === viewRows.length) {
      const next = new Set(selected);
      for (const row of viewRows) next.delete(row.key);
      setSelected(next);
    } else selectAllInView();
  };

  const tableSelection: TableSelection = { isSelected: (row) => selected.has(row.key), selectedInView, toggle, toggleAll };

  const items = useCallback((): BulkItem[] => {
    const list: BulkItem[] = [];
    for (const row of allRows) if (selected.has(row.key)) list.push({ key: row.key, user: row.user, groups: row.groups });
    return list;
  }, [allRows, selected]);

  return {
    tableSelection,
    selectedCount,
    allInViewSelected,
    selectAllInView,
    clear: () => setSelected(new Set()),
    items,
  };
}
