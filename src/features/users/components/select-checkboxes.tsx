import { useEffect, useRef } from 'react';

/** Header checkbox: every row in the current view (mixed when only some are selected). */
export function SelectAllCheckbox({ viewCount, selectedInView, onToggle }: { viewCount: number; selectedInView: number; onToggle: () => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const all = viewCount > 0 && selectedInView === viewCount;
  const some = selectedInView > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={`Select all ${viewCount.toLocaleString()} users in this view`}
      checked={all}
      disabled={viewCount === 0}
      onChange={onToggle}
    />
  );
}

const ignoreChange = () => {};

/**
 * Row checkbox. The table body handles its click (Shift+click selects the range from the last
 * clicked row, in view order), so 40 rows do not need 40 handlers.
 */
export function SelectRowCheckbox({ username, selected }: { username: string; selected: boolean }) {
  return <input type="checkbox" data-select aria-label={`Select ${username}`} checked={selected} onChange={ignoreChange} tabIndex={-1} />;
}
