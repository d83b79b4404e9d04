import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { UsersView } from '../filters/filter-model';
import { parseViewParams, viewToParams } from '../filters/url-params';

/**
 * The list's filters live in the URL, so a pasted support link opens the same view. A malformed
 * link yields the usable parts plus sentences saying what was ignored.
 */
export function useUsersView() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseViewParams(params), [params]);

  const setView = useCallback(
    (next: UsersView, options: { replace?: boolean } = {}) => {
      setParams((current) => viewToParams(next, current), { replace: options.replace ?? false });
    },
    [setParams],
  );

  return { view: parsed.view, problems: parsed.problems, setView };
}
