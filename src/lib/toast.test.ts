import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createToastStore } from './toast';

describe('toast store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps errors until dismissed and lets other messages expire', () => {
    const store = createToastStore({ durationMs: 1000 });
    const seen = vi.fn();
    store.subscribe(seen);
    const errorId = store.error('Cannot reach AWS.');
    store.success('Saved.');
    expect(store.getSnapshot().map((t) => t.message)).toEqual(['Cannot reach AWS.', 'Saved.']);
    vi.advanceTimersByTime(1000);
    expect(store.getSnapshot().map((t) => t.message)).toEqual(['Cannot reach AWS.']);
    store.dismiss(errorId);
    expect(store.getSnapshot()).toEqual([]);
    expect(seen).toHaveBeenCalledTimes(4);
  });

  it('does not stack identical messages and keeps at most five', () => {
    const store = createToastStore();
    store.error('Same.');
    store.error('Same.');
    expect(store.getSnapshot()).toHaveLength(1);
    for (let i = 0; i < 7; i++) store.error(`Error ${i}`);
    expect(store.getSnapshot().map((t) => t.message)).toEqual(['Error 2', 'Error 3', 'Error 4', 'Error 5', 'Error 6']);
  });
});
