/**
 * The bulk actions: for each, who is skipped and why, which quota it spends, how it may retry,
 * and what a success changes in the loaded list. The calls themselves are the user page's
 * wrappers (src/aws/user-actions.ts), which also refuse self-lockout.
 */
import type { AdminContextValue } from '@/aws/admin-context';
import { AppError, toAppError } from '@/aws/errors';
import { categoryOf } from '@/aws/rate-limiter';
import {
  addUserToGroup,
  confirmSignUp,
  deleteUser,
  disableUser,
  enableUser,
  globalSignOut,
  isOperator,
  removeUserFromGroup,
  resendCode,
} from '@/aws/user-actions';
import type { UserStatus } from '@/aws/user-types';
import type { UserChange } from '../api/users-load';
import type { BulkItem, BulkTask } from '@/lib/bulk-runner';

export type BulkActionKind = 'resend-code' | 'confirm' | 'enable' | 'disable' | 'add-to-group' | 'remove-from-group' | 'sign-out' | 'delete';

export interface BulkActionInfo {
  kind: BulkActionKind;
  label: string;
  /** asks for the count to be typed before running */
  destructive: boolean;
  needsGroup: boolean;
  /** the sentence in the confirm dialog, for `count` users */
  describe: (count: number, group?: string) => string;
}

export const BULK_ACTIONS: readonly BulkActionInfo[] = [
  { kind: 'resend-code', label: 'Resend code', destructive: false, needsGroup: false, describe: (n) => `Resend the sign-up code or invitation to ${plural(n)}.` },
  { kind: 'confirm', label: 'Confirm sign-up', destructive: false, needsGroup: false, describe: (n) => `Confirm the sign-up of ${plural(n)}.` },
  { kind: 'enable', label: 'Enable', destructive: false, needsGroup: false, describe: (n) => `Enable ${plural(n)}.` },
  { kind: 'disable', label: 'Disable', destructive: true, needsGroup: false, describe: (n) => `Disable ${plural(n)}: they cannot sign in until enabled again.` },
  { kind: 'add-to-group', label: 'Add to group', destructive: false, needsGroup: true, describe: (n, g) => `Add ${plural(n)} to “${g ?? ''}”.` },
  { kind: 'remove-from-group', label: 'Remove from group', destructive: true, needsGroup: true, describe: (n, g) => `Remove ${plural(n)} from “${g ?? ''}”.` },
  { kind: 'sign-out', label: 'Sign out everywhere', destructive: true, needsGroup: false, describe: (n) => `Sign out ${plural(n)} on every device: their refresh tokens stop working.` },
  { kind: 'delete', label: 'Delete', destructive: true, needsGroup: false, describe: (n) => `Delete ${plural(n)} permanently. This cannot be undone.` },
];

export function plural(n: number): string {
  return `${n.toLocaleString()} user${n === 1 ? '' : 's'}`;
}

export function changeOf(kind: BulkActionKind, group?: string): UserChange | undefined {
  switch (kind) {
    case 'confirm':
      return { type: 'patch', status: 'CONFIRMED' };
    case 'enable':
      return { type: 'patch', enabled: true };
    case 'disable':
      return { type: 'patch', enabled: false };
    case 'add-to-group':
      return group ? { type: 'patch', addGroup: group } : undefined;
    case 'remove-from-group':
      return group ? { type: 'patch', removeGroup: group } : undefined;
    case 'delete':
      return { type: 'deleted' };
    default:
      return undefined;
  }
}

const notFound = (code: string) => code === 'UserNotFoundException';
export const USER_GONE_MESSAGE = 'This user no longer exists: deleted elsewhere, perhaps in another tab.';

/** In a list, "no user with that username" means the user went away since the list loaded. */
async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const e = toAppError(error);
    if (notFound(e.code)) throw new AppError(e.code, USER_GONE_MESSAGE, { cause: error, detail: e.detail });
    throw e;
  }
}

function statusSkip(kind: 'resend-code' | 'confirm', status: UserStatus): string | undefined {
  if (kind === 'confirm') {
    if (status === 'UNCONFIRMED') return undefined;
    if (status === 'FORCE_CHANGE_PASSWORD') return 'Not confirmable: created by an administrator; they set a password at first sign-in.';
    return `Already ${status}: only UNCONFIRMED users can be confirmed.`;
  }
  if (status === 'UNCONFIRMED' || status === 'FORCE_CHANGE_PASSWORD') return undefined;
  if (status === 'CONFIRMED') return 'Already confirmed: no sign-up code or invitation to resend.';
  if (status === 'EXTERNAL_PROVIDER') return 'Signs in through an external provider: Cognito sends no codes.';
  if (status === 'RESET_REQUIRED') return 'Must reset the password: they get a code from “Forgot password”.';
  return `No code applies to status ${status}.`;
}

/** The runner's task for an action, bound to the signed-in operator's context. */
export function bulkTask(ctx: AdminContextValue, kind: BulkActionKind, group?: string): BulkTask {
  const self = (item: BulkItem) => isOperator(ctx, item.user.username) || item.user.sub === ctx.operator.sub;
  const label = BULK_ACTIONS.find((a) => a.kind === kind)!.label;
  const idempotent = { retry: 'transient' as const };

  switch (kind) {
    case 'resend-code':
      return {
        label,
        // Sending twice is not harmless: retry only answers proving nothing was sent.
        retry: 'rejected-only',
        skip: (item) => statusSkip('resend-code', item.user.status),
        category: (item) => categoryOf(item.user.status === 'UNCONFIRMED' ? 'ResendConfirmationCode' : 'AdminCreateUser'),
        apply: async (item) => {
          const sent = await explained(() => resendCode(ctx, item.user));
          const where = sent.destination ? ` to ${sent.destination}` : '';
          const how = sent.via === 'ses' ? ' through SES' : sent.via === 'cognito-default' ? ' by the Cognito default sender' : '';
          return `${item.user.status === 'UNCONFIRMED' ? 'Sign-up code' : 'Invitation'} sent${where}${how}.`;
        },
        // The Cognito default sender's daily cap, a missing client id or SES refusing the sender
        // stop every remaining send alike.
        isFatal: (error) =>
          error.reauthenticate === true ||
          ['AccessDeniedException', 'LimitExceededException', 'MissingClientId', 'InvalidEmailRoleAccessPolicyException', 'MessageRejected'].includes(error.code),
      };
    case 'confirm':
      return {
        label,
        ...idempotent,
        skip: (item) => statusSkip('confirm', item.user.status),
        category: () => categoryOf('AdminConfirmSignUp'),
        apply: async (item) => {
          await explained(() => confirmSignUp(ctx, item.user.username));
          return 'Confirmed.';
        },
        alreadyDone: (error) => (error.code === 'NotAuthorizedException' && /current status is confirmed/i.test(`${error.detail ?? ''} ${error.message}`) ? 'Already confirmed.' : undefined),
      };
    case 'enable':
      return {
        label,
        ...idempotent,
        skip: (item) => (item.user.enabled ? 'Already enabled.' : undefined),
        category: () => categoryOf('AdminEnableUser'),
        apply: async (item) => {
          await explained(() => enableUser(ctx, item.user.username));
          return 'Enabled.';
        },
      };
    case 'disable':
      return {
        label,
        ...idempotent,
        skip: (item) => (self(item) ? 'This is your own account: disabling it would lock you out.' : !item.user.enabled ? 'Already disabled.' : undefined),
        category: () => categoryOf('AdminDisableUser'),
        apply: async (item) => {
          await explained(() => disableUser(ctx, item.user.username));
          return 'Disabled.';
        },
      };
    case 'add-to-group':
      return {
        label,
        ...idempotent,
        skip: (item) => (group && item.groups?.includes(group) ? `Already in “${group}”.` : undefined),
        category: () => categoryOf('AdminAddUserToGroup'),
        apply: async (item) => {
          await explained(() => addUserToGroup(ctx, item.user.username, group ?? ''));
          return `Added to “${group}”.`;
        },
      };
    case 'remove-from-group':
      return {
        label,
        ...idempotent,
        skip: (item) =>
          group === ctx.adminGroup && self(item)
            ? `This is your own account: leaving “${group}” would lock you out.`
            : item.groups && group && !item.groups.includes(group)
              ? `Not in “${group}”.`
              : undefined,
        category: () => categoryOf('AdminRemoveUserFromGroup'),
        apply: async (item) => {
          await explained(() => removeUserFromGroup(ctx, item.user.username, group ?? ''));
          return `Removed from “${group}”.`;
        },
      };
    case 'sign-out':
      return {
        label,
        ...idempotent,
        category: () => categoryOf('AdminUserGlobalSignOut'),
        apply: async (item) => {
          await explained(() => globalSignOut(ctx, item.user.username));
          return 'Signed out on every device.';
        },
      };
    case 'delete':
      return {
        label,
        ...idempotent,
        skip: (item) => (self(item) ? 'This is your own account: deleting it would lock you out.' : undefined),
        category: () => categoryOf('AdminDeleteUser'),
        apply: async (item) => {
          await explained(() => deleteUser(ctx, item.user.username));
          return 'Deleted.';
        },
        // A retried delete whose first attempt went through, or a user deleted in another tab.
        alreadyDone: (error) => (notFound(error.code) ? 'Already deleted.' : undefined),
      };
  }
}
