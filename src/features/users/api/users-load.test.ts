import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ListInterruptedError, type ListCheckpoint, type ListProgress, type ListResult } from '@/aws/partitioned-list';
import type { ListUsersOptions } from '@/aws/users';
import type { AppUser } from '@/aws/user-types';
import { testUser } from '../testing/test-user';
import { UsersLoad } from './users-load';

const user = (n: number, extra: Partial<AppUser> = {}): AppUser => testUser(n, { status: 'CONFIRMED', ...extra });

const progress = (users: number): ListProgress => ({
  mode: 'partitioned',
  pages: 1,
  users,
  duplicates: 0,
  partitionsOpen: 0,
  partitionsDone: 0,
  partitionsSplit: 0,
  retries: 0,
  throttled: 0,
  elapsedMs: 0,
});

/** A controllable listing: the test pushes pages and decides how it ends. */
function scriptedList() {
  const calls: ListUsersOptions[] = [];
  let finish: (result: ListResult) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const list = (options: ListUsersOptions) => {
    calls.push(options);
    return new Promise<ListResult>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      options.signal?.addEventListener('abort', () =>
        reject(new ListInterruptedError('cancelled', { mode: 'partitioned', open: [{ prefix: 'a', pagesDone: 1, token: 't' }], seen: new Set(), progress: progress(0) }, new Error('aborted'))),
      );
    });
  };
  return {
    list,
    calls,
    page: (users: AppUser[]) => calls.at(-1)!.onUsers(users),
    finish: () => finish({ mode: 'partitioned', progress: progress(0) }),
    fail: (error: unknown) => fail(error),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('UsersLoad', () => {
  it('shows the first page at once, then batches pages, and ends done', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list, flushInterval: () => 100 });
    const listener = vi.fn();
    load.subscribe(listener);
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    script.page([user(1), user(2)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(load.getSnapshot().rows.map((r) => r.user.username)).toEqual(['u1', 'u2']);
    const notified = listener.mock.calls.length;
    script.page([user(3)]);
    script.page([user(4)]);
    await vi.advanceTimersByTimeAsync(50);
    expect(load.getSnapshot().rows).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(load.getSnapshot().rows).toHaveLength(4);
    expect(listener.mock.calls.length).toBe(notified + 1);
    script.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(load.getSnapshot().status).toBe('done');
  });

  it('passes the estimate and filter, and resumes a cancelled load from its checkpoint', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list, filter: 'email ^= "u"', estimate: async () => 1234 });
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls[0]).toMatchObject({ filter: 'email ^= "u"', estimatedTotal: 1234, resume: undefined });
    script.page([user(1)]);
    load.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(load.getSnapshot()).toMatchObject({ status: 'cancelled' });
    expect(load.getSnapshot().rows).toHaveLength(1);

    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toHaveLength(2);
    expect((script.calls[1]!.resume as ListCheckpoint).open[0]).toMatchObject({ prefix: 'a', token: 't' });
    script.page([user(2)]);
    script.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(load.getSnapshot().rows.map((r) => r.key)).toEqual(['sub-1', 'sub-2']);
    expect(load.getSnapshot().status).toBe('done');
  });

  it('keeps what it loaded when loading fails, with the reason', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list });
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    script.page([user(1)]);
    script.fail(
      new ListInterruptedError('failed', { mode: 'partitioned', open: [], seen: new Set(), progress: progress(1) }, Object.assign(new Error('The security token is expired'), { name: 'ExpiredTokenException', $metadata: {} })),
    );
    await vi.advanceTimersByTimeAsync(0);
    const snapshot = load.getSnapshot();
    expect(snapshot.status).toBe('failed');
    expect(snapshot.rows).toHaveLength(1);
    expect(snapshot.error?.code).toBe('ExpiredTokenException');
  });

  it('pauses when left and carries on when shown again', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list });
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    load.pause();
    load.resumeIfPaused();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toHaveLength(2);
    expect(script.calls[1]!.resume).toBeDefined();
    load.resumeIfPaused();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toHaveLength(2);
  });

  it('joins group membership and applies changes in place, deletions included', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list });
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    script.page([user(1), user(2), user(3, { status: 'UNCONFIRMED' })]);
    await vi.advanceTimersByTimeAsync(0);
    expect(load.getSnapshot().groupsKnown).toBe(false);
    load.setMembership(new Map([['u1', ['admins']]]));
    expect(load.getSnapshot().rows.map((r) => r.groups)).toEqual([['admins'], [], []]);
    expect(load.getSnapshot().groupsKnown).toBe(true);

    const before = load.getSnapshot().rows;
    load.applyChanges([
      ['sub-3', { type: 'patch', status: 'CONFIRMED' }],
      ['sub-1', { type: 'patch', enabled: false, addGroup: 'support' }],
      ['sub-2', { type: 'deleted' }],
      ['sub-404', { type: 'deleted' }],
    ]);
    const rows = load.getSnapshot().rows;
    expect(rows).not.toBe(before);
    expect(rows.map((r) => [r.user.username, r.user.status, r.user.enabled, r.groups])).toEqual([
      ['u1', 'CONFIRMED', false, ['admins', 'support']],
      ['u3', 'CONFIRMED', true, []],
    ]);
    expect(rows[0]!.search).toContain('support');
    expect(load.findKey('u3')).toBe('sub-3');
    expect(load.getSnapshot().counts).toEqual({ total: 2, byStatus: { CONFIRMED: 2, UNCONFIRMED: 0 }, enabled: 1, disabled: 1 });
    expect(load.findKey('u2')).toBeUndefined();

    // later pages still land, and a user seen again replaces its row instead of doubling it
    script.page([user(4), user(3, { status: 'RESET_REQUIRED' })]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(load.getSnapshot().rows.map((r) => [r.user.username, r.user.status])).toEqual([
      ['u1', 'CONFIRMED'],
      ['u3', 'RESET_REQUIRED'],
      ['u4', 'CONFIRMED'],
    ]);
    expect(load.getSnapshot().counts).toEqual({ total: 3, byStatus: { CONFIRMED: 2, UNCONFIRMED: 0, RESET_REQUIRED: 1 }, enabled: 2, disabled: 1 });
  });

  it('stops for good when disposed', async () => {
    const script = scriptedList();
    const load = new UsersLoad({ list: script.list });
    void load.start();
    await vi.advanceTimersByTimeAsync(0);
    load.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls[0]!.signal?.aborted).toBe(true);
    void load.start();
    expect(script.calls).toHaveLength(1);
  });
});
