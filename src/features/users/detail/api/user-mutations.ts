/** Every action on the user page, each refreshing what it changes. */
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
import type { AdminContextValue } from '@/aws/admin-context';
import { getSesSendQuota } from '@/aws/ses';
import type { AppUser } from '@/aws/user-types';
import { poolKeys, sesKeys } from '@/lib/query-keys';
import { userDetailKeys } from './keys';
import { describeResend } from './resend-message';
import { useUserMutation, type UserMutationConfig } from './use-user-mutation';

type Extra<V, R> = Pick<UserMutationConfig<V, R>, 'onSuccess' | 'onError'>;
const userKey = (username: string) => (ctx: AdminContextValue) => [userDetailKeys.user(ctx.userPoolId, username)];

export function useConfirmSignUp(username: string) {
  return useUserMutation({
    username,
    run: (ctx) => confirmSignUp(ctx, username),
    describe: () => `Confirmed ${username}'s sign-up. They can sign in now.`,
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
    describe: ({ result, quota }) => describeResend(user.username, user.status, result, quota),
    invalidates: (ctx) => [userDetailKeys.user(ctx.userPoolId, user.username), sesKeys.sendQuota(ctx.sesRegion)],
  });
}

export function useMarkEmailVerified(username: string) {
  return useUserMutation({
    username,
    run: (ctx) => markEmailVerified(ctx, username),
    describe: () => `Marked ${username}'s email address as verified.`,
    invalidates: userKey(username),
  });
}

export function useSetEnabled(username: string) {
  return useUserMutation<boolean>({
    username,
    run: (ctx, enabled) => (enabled ? enableUser(ctx, username) : disableUser(ctx, username)),
    describe: (_, enabled) =>
      enabled ? `Enabled ${username}. They can sign in again.` : `Disabled ${username}. They can no longer sign in.`,
    invalidates: userKey(username),
  });
}

export function useGlobalSignOut(username: string) {
  return useUserMutation({
    username,
    run: (ctx) => globalSignOut(ctx, username),
    describe: () => `Signed ${username} out everywhere: their refresh tokens are revoked; access tokens already issued expire within the hour.`,
    invalidates: userKey(username),
  });
}

export function useResetPassword(username: string) {
  return useUserMutation({
    username,
    run: (ctx) => resetPassword(ctx, username),
    describe: () => `Reset ${username}'s password. Their old password no longer works; Cognito sent them a code to choose a new one.`,
    invalidates: userKey(username),
  });
}

export function useSetPassword(username: string, extra: Extra<{ password: string; permanent: boolean }, void> = {}) {
  return useUserMutation<{ password: string; permanent: boolean }>({
    username,
    run: (ctx, v) => setPassword(ctx, username, v.password, v.permanent),
    describe: (_, v) =>
      v.permanent
        ? `Set a permanent password for ${username}.`
        : `Set a temporary password for ${username}; they must choose a new one at their next sign-in.`,
    invalidates: userKey(username),
    ...extra,
  });
}

export interface AttributeEdit {
  updates: Record<string, string>;
  deletions: string[];
}

export function useSaveAttributes(username: string, extra: Extra<AttributeEdit, void> = {}) {
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
      return `Saved ${username}'s attributes: ${parts.join('; ')}.`;
    },
    invalidates: userKey(username),
    ...extra,
  });
}

export function useGroupMembership(username: string) {
  return useUserMutation<{ group: string; member: boolean }>({
    username,
    run: (ctx, v) => (v.member ? addUserToGroup(ctx, username, v.group) : removeUserFromGroup(ctx, username, v.group)),
    describe: (_, v) => (v.member ? `Added ${username} to ${v.group}.` : `Removed ${username} from ${v.group}.`),
    invalidates: (ctx) => [userDetailKeys.groups(ctx.userPoolId, username), userDetailKeys.user(ctx.userPoolId, username)],
  });
}

export function useDeleteUser(username: string, extra: Extra<void, void> = {}) {
  return useUserMutation({
    username,
    run: (ctx) => deleteUser(ctx, username),
    describe: () => `Deleted ${username}.`,
    // The page navigates away (refetching a deleted user would only produce an error); the
    // overview's estimated user count changes.
    invalidates: (ctx) => [poolKeys.description(ctx.userPoolId)],
    ...extra,
  });
}
