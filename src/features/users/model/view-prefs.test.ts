import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, loadPrefs, moveColumn, prefsKey, savePrefs, toggleColumn } from './view-prefs';

function memory() {
  const data = new Map<string, string>();
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('view preferences', () => {
  it('round-trips per pool', () => {
    const storage = memory();
    const prefs = { columns: ['username', 'attr:custom:plan', 'status'], sorting: [{ id: 'email', desc: false }], widths: { email: 300 } };
    savePrefs(storage, 'pool-a', prefs);
    expect(loadPrefs(storage, 'pool-a')).toEqual(prefs);
    expect(loadPrefs(storage, 'pool-b')).toBe(DEFAULT_PREFS);
    expect([...storage.data.keys()]).toEqual([prefsKey('pool-a')]);
  });

  it('falls back to defaults on anything odd, and never loses the username column', () => {
    const storage = memory();
    for (const raw of ['not json', '{"v":2,"columns":[],"sorting":[]}', '{"v":1,"columns":"x","sorting":[]}', JSON.stringify({ v: 1, columns: [], sorting: [{ id: 'x', desc: 'yes' }] })]) {
      storage.data.set(prefsKey('p'), raw);
      expect(loadPrefs(storage, 'p')).toBe(DEFAULT_PREFS);
    }
    storage.data.set(prefsKey('p'), JSON.stringify({ v: 1, columns: ['email', 'email'], sorting: [] }));
    expect(loadPrefs(storage, 'p').columns).toEqual(['username', 'email']);
    const throwing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceeded'); } };
    expect(loadPrefs(throwing, 'p')).toBe(DEFAULT_PREFS);
    expect(() => savePrefs(throwing, 'p', DEFAULT_PREFS)).not.toThrow();
  });

  it('keeps tokens out: only preference fields are stored', () => {
    const storage = memory();
    savePrefs(storage, 'p', DEFAULT_PREFS);
    expect(Object.keys(JSON.parse(storage.data.get(prefsKey('p'))!))).toEqual(['v', 'columns', 'sorting', 'widths']);
  });

  it('moves and toggles columns', () => {
    expect(moveColumn(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveColumn(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
    expect(toggleColumn(['username', 'a'], 'b', true)).toEqual(['username', 'a', 'b']);
    expect(toggleColumn(['username', 'a'], 'a', false)).toEqual(['username']);
    expect(toggleColumn(['username', 'a'], 'username', false)).toEqual(['username', 'a']);
  });
});
