/** Every action on the user page, each saying what it did and refreshing what it changed. */
import { useQueryClient } from '@tanstack/react-query';
import type { AdminContextValue } from '@/aws/admin-context';
import { getSesSendQuota } from '@/aws/ses';
import {
  addUserToGroup,
  confirmSignUp,
  deleteAttributes,
  deleteUser,
  disableUser,
  enableUser,
  globalSignOut,
  markEmailVerified,
  removeUserFromGroup,
  resendCode,
  resetPassword,
  setPassword,
  updateAttributes,
} from '@/aws/user-actions';
import type { AppUser } from '@/aws/user-types';
import { poolKeys, sesKeys } from '@/lib/query-keys';
import { displayName } from '../display-name';
import { markDeleted } from '../../api/deleted-users';
import { forgetUser } from '../../api/list-sync';
import { userDetailKeys } from './keys';
import { describeResend } from './resend-message';
import { useUserMutation, type UserMutationConfig } from './use-user-mutation';

type Extra<V, R> = Pick<UserMutationConfig<V, R>, 'onSuccess' | 'onError'>;
const userKey = (username: string) => (ctx: AdminContextValue) => [userDetailKeys.user(ctx.userPoolId, username)];

export function useConfirmSignUp(user: AppUser) {
  const { username } = user;
  return useUserMutation({
    username,
    run: (ctx) => confirmSignUp(ctx, username),
    describe: () => `Confirmed ${displayName(user)}'s sign-up. They can sign in now.`,
    invalidates: userKey(username),
  });
}

export function useResendCode(user: AppUser) {
  return useUserMutation({
    username: user.username,
    run: async (ctx) => {
      const result = await resendCode(ctx, user, { clientId: ctx.clientId });
      // Support needs to see whether SES's daily quota explains a missing email.
      const quota = result.via === 'ses' ? await getSesSendQuota(ctx).catch(() => undefined) : undefined;
      return { result, quota };
    },
    describe: ({ result, quota }) => describeResend(displayName(user), user.status, result, quota),
    invalidates: (ctx) => [userDetailKeys.user(ctx.userPoolId, user.username), sesKeys.sendQuota(ctx.sesRegion)],
  });
}

export function useMarkEmailVerified(user: AppUser) {
  const { username } = user;
  return useUserMutation({
    username,
    run: (ctx) => markEmailVerified(ctx, username),
    describe: () => `Marked ${displayName(user)}'s email address as verified.`,
    invalidates: userKey(username),
  });
}

export function useSetEnabled(user: AppUser) {
  const { username } = user;
  return useUserMutation<boolean>({
    username,
    run: (ctx, enabled) => (enabled ? enableUser(ctx, username) : disableUser(ctx, username)),
    describe: (_, enabled) =>
      enabled
        ? `Enabled ${displayName(user)}. They can sign in again.`
        : `Disabled ${displayName(user)}. They can no longer sign in.`,
    invalidates: userKey(username),
  });
}

export function useGlobalSignOut(user: AppUser) {
  const { username } = user;
  return useUserMutation({
    username,
    run: (ctx) => globalSignOut(ctx, username),
    describe: () =>
      `Signed ${displayName(user)} out everywhere: their refresh tokens are revoked; access tokens already issued expire within the hour.`,
    invalidates: userKey(username),
  });
}

export function useResetPassword(user: AppUser) {
  const { username } = user;
  return useUserMutation({
    username,
    run: (ctx) => resetPassword(ctx, username),
    describe: () =>
      `Reset ${displayName(user)}'s password. Their old password no longer works; Cognito sent them a code to choose a new one.`,
    invalidates: userKey(username),
  });
}

export function useSetPassword(user: AppUser, extra: Extra<{ password: string; permanent: boolean }, void> = {}) {
  const { username } = user;
  return useUserMutation<{ password: string; permanent: boolean }>({
    username,
    run: (ctx, v) => setPassword(ctx, username, v.password, v.permanent),
    describe: (_, v) =>
      v.permanent
        ? `Set a permanent password for ${displayName(user)}.`
        : `Set a temporary password for ${displayName(user)}; they must choose a new one at their next sign-in.`,
    invalidates: userKey(username),
    ...extra,
  });
}

export interface AttributeEdit {
  updates: Record<string, string>;
  deletions: string[];
}

export function useSaveAttributes(user: AppUser, extra: Extra<AttributeEdit, void> = {}) {
  const { username } = user;
  return useUserMutation<AttributeEdit>({
    username,
    run: async (ctx, edit) => {
      await updateAttributes(ctx, username, edit.updates);
      await deleteAttributes(ctx, username, edit.deletions);
    },
    describe: (_, edit) => {
      const parts = [];
      const updated = Object.keys(edit.updates);
      if (updated.length > 0) parts.push(`updated ${updated.join(', ')}`);
      if (edit.deletions.length > 0) parts.push(`deleted ${edit.deletions.join(', ')}`);
      return `Saved ${displayName(user)}'s attributes: ${parts.join('; ')}.`;
    },
    invalidates: userKey(username),
    ...extra,
  });
}

export function useGroupMembership(user: AppUser) {
  const { username } = user;
  return useUserMutation<{ group: string; member: boolean }>({
    username,
    run: (ctx, v) => (v.member ? addUserToGroup(ctx, username, v.group) : removeUserFromGroup(ctx, username, v.group)),
    describe: (_, v) => (v.member ? `Added ${displayName(user)} to ${v.group}.` : `Removed ${displayName(user)} from ${v.group}.`),
    invalidates: (ctx) => [userDetailKeys.groups(ctx.userPoolId, username), userDetailKeys.user(ctx.userPoolId, username)],
  });
}

export function useDeleteUser(user: AppUser, extra: Extra<void, void> = {}) {
  const { username } = user;
  const queryClient = useQueryClient();
  return useUserMutation({
    username,
    run: async (ctx) => {
      await deleteUser(ctx, username);
      // The list shows loaded users without reloading them: the deleted one must leave it too.
      forgetUser(queryClient, ctx.userPoolId, username);
      // Browser Back must not bring the page back live from the cache.
      markDeleted(queryClient, ctx.userPoolId, user, displayName(user));
    },
    describe: () => `Deleted ${displayName(user)}.`,
    // The page navigates away (refetching a deleted user would only produce an error); the
    // overview's estimated user count changes.
    invalidates: (ctx) => [poolKeys.description(ctx.userPoolId)],
    ...extra,
  });
}
