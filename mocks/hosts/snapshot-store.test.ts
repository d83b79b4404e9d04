import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../tests/support/fixed-clock';
import { Emulator } from '../model/emulator';
import '../seed';
import { DEMO } from '../seed/demo';
import { openSnapshotStore } from './snapshot-store';

describe('snapshot store (IndexedDB)', () => {
  it('keeps an emulator snapshot across "page loads" and restores it', async () => {
    const factory = new IDBFactory();
    const emulator = new Emulator({ users: 3, clock: new FixedClock() });
    await emulator.ready;
    emulator.idp.putUser(DEMO.userPoolId, { username: 'saved@example.com', attributes: { email: 'saved@example.com' } });

    const first = await openSnapshotStore('poolkeeper-test', factory);
    expect(await first.read()).toBeUndefined();
    await first.write(emulator.snapshot());
    first.close();

    const second = await openSnapshotStore('poolkeeper-test', factory);
    const saved = await second.read();
    const restored = Emulator.restore(saved!, { clock: new FixedClock() });
    const found = (await restored.idp.call('ListUsers', { UserPoolId: DEMO.userPoolId, Filter: 'email = "saved@example.com"' }, { region: 'us-east-1', principal: null })) as {
      Users: unknown[];
    };
    expect(found.Users).toHaveLength(1);
    await second.clear();
    expect(await second.read()).toBeUndefined();
    second.close();
  });
});
