import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { toAppError, type AppError } from '@/aws/errors';
import { addUserToGroup, createUser, type CreateUserInput } from '@/aws/user-actions';
import type { AppUser } from '@/aws/user-types';
import { poolKeys } from '@/lib/query-keys';

export interface CreateResult {
  user: AppUser;
  added: string[];
  failed: { group: string; error: AppError }[];
}

/**
 * AdminCreateUser, then one AdminAddUserToGroup per chosen group. A group that fails does not undo
 * the user: the result says which groups failed so the operator can retry on the user page.
 */
export function useCreateUser() {
  const ctx = useAdminContext();
  const queryClient = useQueryClient();
  return useMutation<CreateResult, AppError, { input: CreateUserInput; groups: string[] }>({
    // The form shows Cognito's errors at its fields.
    meta: { suppressErrorToast: true },
    mutationFn: async ({ input, groups }) => {
      const user = await createUser(ctx, input);
      const result: CreateResult = { user, added: [], failed: [] };
      for (const group of groups) {
        try {
          await addUserToGroup(ctx, user.username, group);
          result.added.push(group);
        } catch (error) {
          result.failed.push({ group, error: toAppError(error) });
        }
      }
      return result;
    },
    // The overview's estimated user count changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.description(ctx.userPoolId) }),
  });
}

const mediumNames = { EMAIL: 'email', SMS: 'text message' } as const;

/** What the user page says after creation. */
export function describeCreated(result: CreateResult, input: CreateUserInput): string {
  const who = result.user.username === input.username ? result.user.username : `${input.username} (username ${result.user.username})`;
  const invitation = input.sendInvitation
    ? ` and sent an invitation by ${input.deliveryMediums.map((m) => mediumNames[m]).join(' and ')}`
    : ' without sending an invitation';
  const parts = [`Created ${who}${invitation}.`];
  if (result.added.length > 0) parts.push(`Added to ${result.added.join(', ')}.`);
  for (const { group, error } of result.failed) parts.push(`Could not add to ${group}: ${error.message}`);
  return parts.join(' ');
}
