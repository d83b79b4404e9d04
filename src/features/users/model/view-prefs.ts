/**
 * Per-browser preferences of the users table: which columns, in what order, sorted how, how
 * wide. Preferences only — never tokens or user data — so localStorage is the right place.
 * Whatever is stored is validated on read; anything odd falls back to the defaults.
 */
import { z } from 'zod';
import { BASE_COLUMNS } from './column-model';
import type { SortSpec } from './derive-view';

export interface ViewPrefs {
  /** visible column ids, in display order */
  columns: string[];
  sorting: SortSpec[];
  widths: Record<string, number>;
}

export const DEFAULT_PREFS: ViewPrefs = {
  columns: BASE_COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id),
  // Newest first: support staff mostly look for someone who just signed up.
  sorting: [{ id: 'created', desc: true }],
  widths: {},
};

const schema = z.object({
  v: z.literal(1),
  columns: z.array(z.string().min(1).max(300)).max(200),
  sorting: z.array(z.object({ id: z.string().min(1).max(300), desc: z.boolean() })).max(5),
  widths: z.record(z.string().max(300), z.number().min(40).max(2000)).default({}),
});

export function prefsKey(userPoolId: string): string {
  return `poolkeeper:users-view:v1:${userPoolId}`;
}

export function loadPrefs(storage: Pick<Storage, 'getItem'> | undefined, userPoolId: string): ViewPrefs {
  try {
    const raw = storage?.getItem(prefsKey(userPoolId));
    if (!raw) return DEFAULT_PREFS;
    const parsed = schema.safeParse(JSON.parse(raw));
    if (!parsed.success) return DEFAULT_PREFS;
    const columns = [...new Set(parsed.data.columns)];
    if (!columns.includes('username')) columns.unshift('username');
    return { columns, sorting: parsed.data.sorting, widths: parsed.data.widths };
  } catch {
    // Unreadable storage (private mode, quota, corrupt JSON): defaults.
    return DEFAULT_PREFS;
  }
}

export function savePrefs(storage: Pick<Storage, 'setItem'> | undefined, userPoolId: string, prefs: ViewPrefs): void {
  try {
    storage?.setItem(prefsKey(userPoolId), JSON.stringify({ v: 1, ...prefs }));
  } catch {
    // Storage full or blocked: preferences are a convenience, the screen works without them.
  }
}

/** Moves a column one place left (-1) or right (+1) among the visible ones. */
export function moveColumn(columns: readonly string[], id: string, delta: -1 | 1): string[] {
  const index = columns.indexOf(id);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= columns.length) return [...columns];
  const next = [...columns];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function toggleColumn(columns: readonly string[], id: string, visible: boolean): string[] {
  if (id === 'username') return [...columns];
  if (visible) return columns.includes(id) ? [...columns] : [...columns, id];
  return columns.filter((c) => c !== id);
}
