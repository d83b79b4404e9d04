import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { UsersView } from '../filters/filter-model';

/**
 * The quick filter's text: the table follows every keystroke, the URL (`q`) follows once typing
 * pauses. A `q` we wrote ourselves comes back through the URL, perhaps after more typing, and must
 * not overwrite the field; a `q` from elsewhere (a pasted link, back/forward) replaces it.
 */
export function useQuickFilter(view: UsersView, setView: (view: UsersView, options?: { replace?: boolean }) => void, delayMs = 400) {
  const [text, setText] = useState(view.q ?? '');
  const [written, setWritten] = useState(view.q);
  const [seen, setSeen] = useState(view.q);
  if (seen !== view.q) {
    setSeen(view.q);
    if (view.q !== written) {
      setWritten(view.q);
      setText(view.q ?? '');
    }
  }

  const commit = useEffectEvent((latest: string) => {
    const q = latest || undefined;
    setWritten(q);
    setView({ ...view, q }, { replace: true });
  });

  useEffect(() => {
    if ((text || undefined) === written) return;
    const timer = setTimeout(() => commit(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, written, delayMs]);

  const clear = useCallback(() => setText(''), []);
  return { text, setText, clear };
}
