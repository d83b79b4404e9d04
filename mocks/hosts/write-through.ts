/**
 * Coalesced write-through persistence: `flush()` resolves only once every change marked before it
 * was called has been written. One write runs at a time, always of the latest state.
 */
export interface WriteThrough {
  markDirty(): void;
  readonly dirty: boolean;
  flush(): Promise<void>;
}

export function writeThrough(write: () => Promise<void>): WriteThrough {
  let dirty = false;
  let saving: Promise<void> | undefined;
  const persist = async () => {
    while (dirty) {
      dirty = false;
      await write();
    }
  };
  return {
    markDirty() {
      dirty = true;
    },
    get dirty() {
      return dirty;
    },
    // Wait for any write under way, then write again if anything changed since: handing back a
    // write that had already passed its last check would report a change that was never saved.
    async flush() {
      while (saving) await saving.catch(() => undefined);
      if (!dirty) return;
      saving = persist().finally(() => (saving = undefined));
      await saving;
    },
  };
}
