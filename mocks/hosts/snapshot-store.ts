import type { EmulatorSnapshot } from '../model/emulator';

const STORE = 'state';
const KEY = 'snapshot';

export interface SnapshotStore {
  read(): Promise<EmulatorSnapshot | undefined>;
  write(snapshot: EmulatorSnapshot): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

/** The browser emulator's saved state: one snapshot in one IndexedDB object store. */
export function openSnapshotStore(databaseName: string, factory: IDBFactory = indexedDB): Promise<SnapshotStore> {
  return new Promise((resolve, reject) => {
    const request = factory.open(databaseName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const run = <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest | undefined): Promise<T> =>
        new Promise((done, fail) => {
          const tx = db.transaction(STORE, mode);
          const req = action(tx.objectStore(STORE));
          tx.oncomplete = () => done(req?.result as T);
          tx.onerror = () => fail(tx.error);
          tx.onabort = () => fail(tx.error);
        });
      resolve({
        read: () => run<EmulatorSnapshot | undefined>('readonly', (s) => s.get(KEY)),
        write: (snapshot) => run<void>('readwrite', (s) => s.put(snapshot, KEY)),
        clear: () => run<void>('readwrite', (s) => s.delete(KEY)),
        close: () => db.close(),
      });
    };
  });
}
