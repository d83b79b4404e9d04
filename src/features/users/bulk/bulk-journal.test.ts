import { describe, expect, it } from 'vitest';
import { testUser } from '../testing/test-user';
import { BulkJournal, clearJournal, itemFromJournal, journalUser, readJournal, recoveredResults } from './bulk-journal';
import type { BulkItem } from '@/lib/bulk-runner';

class MemoryStore {
  data = new Map<string, string>();
  writes = 0;
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => {
    this.writes += 1;
    this.data.set(k, v);
  };
  removeItem = (k: string) => void this.data.delete(k);
}

const item = (n: number): BulkItem => ({ key: `sub-${n}`, user: testUser(n), groups: ['beta'] });

describe('bulk journal', () => {
  it('keeps the users, results and requests under way, and reads them back after a reload', () => {
    const store = new MemoryStore();
    const items = [item(1), item(2), item(3)];
    const journal = new BulkJournal(store, 'pool', { kind: 'resend-code', startedAt: 1, users: items.map(journalUser), results: [] });
    journal.started('sub-1', true);
    journal.result({ key: 'sub-1', username: 'u1', email: 'u1@example.com', outcome: 'done', message: 'Sent.' });
    journal.started('sub-2', true); // sent, then the page went away
    journal.flush();
    journal.dispose();

    const state = readJournal(store, 'pool')!;
    expect(state).toMatchObject({ kind: 'resend-code', ended: false, inFlight: ['sub-2'] });
    expect(itemFromJournal(state.users[2]!)).toMatchObject({ key: 'sub-3', user: { username: 'u3', status: 'UNCONFIRMED', attributes: { email: 'u3@example.com' } }, groups: ['beta'] });

    // A resend under way may have gone out: reported as unknown, never resumed.
    const notRepeatable = recoveredResults(state, false);
    expect(notRepeatable.map((r) => [r.key, r.outcome])).toEqual([
      ['sub-1', 'done'],
      ['sub-2', 'skipped'],
      ['sub-3', 'not-run'],
    ]);
    expect(notRepeatable[1]!.message).toMatch(/may have gone\. Check before sending again/);
    // An action safe to repeat resumes it.
    expect(recoveredResults(state, true)[1]).toMatchObject({ outcome: 'not-run', email: 'u2@example.com' });
  });

  it('writes before each send only where asked, otherwise in batches; an ended run keeps its results only', () => {
    const store = new MemoryStore();
    const journal = new BulkJournal(store, 'pool', { kind: 'enable', startedAt: 1, users: [item(1)].map(journalUser), results: [] });
    const afterCreate = store.writes;
    journal.started('sub-1', false);
    journal.result({ key: 'sub-1', username: 'u1', outcome: 'done', message: 'Enabled.' });
    expect(store.writes).toBe(afterCreate);
    journal.end([{ key: 'sub-1', username: 'u1', outcome: 'done', message: 'Enabled.' }]);
    expect(readJournal(store, 'pool')).toMatchObject({ ended: true, inFlight: [], results: [{ outcome: 'done' }] });
    clearJournal(store, 'pool');
    expect(readJournal(store, 'pool')).toBeUndefined();
  });

  it('ignores a journal it cannot read', () => {
    const store = new MemoryStore();
    store.setItem('poolkeeper:bulk-run:v1:pool', '{"v":1,"kind":"explode"}');
    expect(readJournal(store, 'pool')).toBeUndefined();
    store.setItem('poolkeeper:bulk-run:v1:pool', 'not json');
    expect(readJournal(store, 'pool')).toBeUndefined();
    expect(readJournal(undefined, 'pool')).toBeUndefined();
  });
});
