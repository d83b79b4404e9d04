import { useCallback, useEffect, useState } from 'react';
import { loadPrefs, savePrefs, type ViewPrefs } from '../model/view-prefs';

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

/** Column choice, order, sort and widths, remembered per browser and per pool. */
export function useViewPrefs(userPoolId: string) {
  const [prefs, setPrefs] = useState<ViewPrefs>(() => loadPrefs(storage(), userPoolId));

  useEffect(() => {
    savePrefs(storage(), userPoolId, prefs);
  }, [prefs, userPoolId]);

  const update = useCallback((change: Partial<ViewPrefs> | ((prefs: ViewPrefs) => Partial<ViewPrefs>)) => {
    setPrefs((current) => ({ ...current, ...(typeof change === 'function' ? change(current) : change) }));
  }, []);

  return [prefs, update] as const;
}
