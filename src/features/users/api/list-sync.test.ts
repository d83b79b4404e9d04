import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/aws/errors';
import type { ListResult } from '@/aws/partitioned-list';
import type { AppUser } from '@/aws/user-types';
import { testUser } from '../testing/test-user';
import { followUserPage, forgetUser } from './list-sync';
import { usersKeys } from './users-queries';
import { UsersLoad } from './users-load';

const user = (n: number, extra: Partial<AppUser> = {}): AppUser => testUser(n, { attributes: { sub: `sub-${n}` }, ...extra });

async function loadedList(queryClient: QueryClient, users: AppUser[]) {
  const load = new UsersLoad({
    list: async (options) => {
      options.onUsers(users);
      return { mode: 'sequential', progress: {} as ListResult['progress'] };
    },
  });
  await load.start();
  queryClient.setQueryData(usersKeys.list('pool', undefined), load);
  return load;
}

afterEach(() => vi.useRealTimers());

describe('the list follows the user page', () => {
  it('patches a row when the user page reads the user or their groups afresh, and drops it when gone', async () => {
    const queryClient = new QueryClient();
    const load = await loadedList(queryClient, [user(1), user(2)]);
    load.setMembership(new Map());
    const stop = followUserPage(queryClient, 'pool');

    queryClient.setQueryData(['user-detail', 'pool', 'u1'], { ...user(1), status: 'CONFIRMED', mfa: { enabled: [], options: [] } });
    expect(load.getSnapshot().rows[0]!.user.status).toBe('CONFIRMED');

    queryClient.setQueryData(['user-detail', 'pool', 'u1', 'groups'], [{ name: 'support' }, { name: 'admins' }]);
    expect(load.getSnapshot().rows[0]!.groups).toEqual(['support', 'admins']);

    // another pool's page changes nothing here
    queryClient.setQueryData(['user-detail', 'other-pool', 'u2'], { ...user(2), enabled: false });
    expect(load.getSnapshot().rows[1]!.user.enabled).toBe(true);

    await queryClient
      .fetchQuery({
        queryKey: ['user-detail', 'pool', 'u2'],
        queryFn: () => Promise.reject(new AppError('UserNotFoundException', 'No user with that username exists in this pool.')),
        retry: false,
      })
      .catch(() => undefined);
    expect(load.getSnapshot().rows.map((r) => r.user.username)).toEqual(['u1']);
    stop();
  });

  it('forgets a user the user page deleted', async () => {
    const queryClient = new QueryClient();
    const load = await loadedList(queryClient, [user(1), user(2), user(3)]);
    forgetUser(queryClient, 'pool', 'u2');
    expect(load.getSnapshot().rows.map((r) => r.user.username)).toEqual(['u1', 'u3']);
    expect(load.getSnapshot().counts.total).toBe(2);
  });
});
