import { describe, expect, it } from 'vitest';
import type { AdminContextValue } from '@/aws/admin-context';
import type { AppUser, UserStatus } from '@/aws/user-types';
import { bulkTask, changeOf, BULK_ACTIONS } from './bulk-actions';
import { confirmationPhrase } from '../components/bulk-bar';
import type { BulkItem } from '@/lib/bulk-runner';

// Skip rules and quota categories only: no call is made, so the clients are never used.
const ctx = {
  userPoolId: 'us-east-1_X',
  adminGroup: 'admins',
  operator: { username: 'me-uuid', sub: 'me-sub', email: 'me@example.com', groups: ['admins'] },
} as unknown as AdminContextValue;

const item = (status: UserStatus, extra: Partial<AppUser> = {}, groups: string[] | undefined = []): BulkItem => {
  const user: AppUser = { username: 'u', sub: 's', status, enabled: true, createdAt: new Date(0), modifiedAt: new Date(0), attributes: {}, ...extra };
  return { key: user.sub, user, groups };
};
const me = item('CONFIRMED', { username: 'me-uuid', sub: 'me-sub' }, ['admins']);

describe('bulk actions', () => {
  it('resends codes only where one applies, in the quota of the call it makes', () => {
    const task = bulkTask(ctx, 'resend-code');
    expect(task.retry).toBe('rejected-only');
    expect(task.skip!(item('UNCONFIRMED'))).toBeUndefined();
    expect(task.skip!(item('FORCE_CHANGE_PASSWORD'))).toBeUndefined();
    expect(task.skip!(item('CONFIRMED'))).toMatch(/Already confirmed/);
    expect(task.skip!(item('EXTERNAL_PROVIDER'))).toMatch(/external provider/);
    expect(task.skip!(item('RESET_REQUIRED'))).toMatch(/Forgot password/);
    expect(task.category(item('UNCONFIRMED'))).toBe('UserResourceRead'); // ResendConfirmationCode (the quotas page's category)
    expect(task.category(item('FORCE_CHANGE_PASSWORD'))).toBe('UserCreation'); // AdminCreateUser RESEND
    expect(task.isFatal!({ code: 'LimitExceededException' })).toBe(true);
    expect(task.isFatal!({ code: 'UserNotFoundException' })).toBe(false);
  });

  it('confirms only UNCONFIRMED users and treats "already confirmed" as skipped', () => {
    const task = bulkTask(ctx, 'confirm');
    expect(task.skip!(item('UNCONFIRMED'))).toBeUndefined();
    expect(task.skip!(item('CONFIRMED'))).toBe('Already CONFIRMED: only UNCONFIRMED users can be confirmed.');
    expect(task.skip!(item('FORCE_CHANGE_PASSWORD'))).toMatch(/Not confirmable/);
    expect(task.category(item('UNCONFIRMED'))).toBe('UserCreation');
    expect(task.alreadyDone!({ code: 'NotAuthorizedException', message: 'x', detail: 'User cannot be confirmed. Current status is CONFIRMED' }, item('UNCONFIRMED'))).toBe('Already confirmed.');
  });

  it('never disables, deletes or removes the operator from the admin group', () => {
    expect(bulkTask(ctx, 'disable').skip!(me)).toMatch(/your own account/);
    expect(bulkTask(ctx, 'delete').skip!(me)).toMatch(/your own account/);
    expect(bulkTask(ctx, 'remove-from-group', 'admins').skip!(me)).toMatch(/your own account/);
    expect(bulkTask(ctx, 'remove-from-group', 'support').skip!(me)).toBe('Not in “support”.');
    expect(bulkTask(ctx, 'enable').skip!(me)).toBe('Already enabled.');
  });

  it('skips users already in the wanted state', () => {
    expect(bulkTask(ctx, 'disable').skip!(item('CONFIRMED', { enabled: false }))).toBe('Already disabled.');
    expect(bulkTask(ctx, 'add-to-group', 'beta').skip!(item('CONFIRMED', {}, ['beta']))).toBe('Already in “beta”.');
    expect(bulkTask(ctx, 'add-to-group', 'beta').skip!(item('CONFIRMED', {}, undefined))).toBeUndefined();
    expect(bulkTask(ctx, 'delete').alreadyDone!({ code: 'UserNotFoundException', message: '' }, item('CONFIRMED'))).toBe('Already deleted.');
  });

  it('describes destructive runs and what they change', () => {
    expect(BULK_ACTIONS.filter((a) => a.destructive).map((a) => a.kind)).toEqual(['disable', 'remove-from-group', 'sign-out', 'delete']);
    expect(confirmationPhrase('delete', 120)).toBe('delete 120 users');
    expect(confirmationPhrase('delete', 1)).toBe('delete 1 user');
    expect(confirmationPhrase('disable', 7)).toBe('7');
    expect(changeOf('disable')).toEqual({ type: 'patch', enabled: false });
    expect(changeOf('add-to-group', 'g')).toEqual({ type: 'patch', addGroup: 'g' });
    expect(changeOf('delete')).toEqual({ type: 'deleted' });
    expect(changeOf('resend-code')).toBeUndefined();
  });
});
