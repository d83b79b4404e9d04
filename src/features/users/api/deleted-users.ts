/**
 * Users this session knows it deleted. Browser Back after a delete must not bring the user's page
 * back from the query cache with every action live: the page looks here first, shows a "deleted"
 * state, and asks Cognito again (a user of the same name may have been created since).
 *
 * Kept in the query cache (not module state) so signing out, which clears the cache, forgets it.
 * A user may be named in the URL by username, email, phone or sub: each name is recorded.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { AppUser } from '@/aws/user-types';

export interface DeletedUser {
  /** what the operator calls them (email in email-sign-in pools) */
  name: string;
  /** epoch ms */
  at: number;
}

const ROOT = 'users-deleted';
const deletedKey = (poolId: string, name: string) => [ROOT, poolId, name.toLowerCase()] as const;

function namesOf(user: Pick<AppUser, 'username' | 'sub' | 'attributes'>): string[] {
  const { email, phone_number: phone, preferred_username: preferred } = user.attributes;
  return [user.username, user.sub, email, phone, preferred].filter((n): n is string => typeof n === 'string' && n !== '');
}

export function markDeleted(queryClient: QueryClient, poolId: string, user: Pick<AppUser, 'username' | 'sub' | 'attributes'>, name: string): void {
  // Never collected while the session lasts: a Back press an hour later is just as misleading.
  queryClient.setQueryDefaults([ROOT], { gcTime: Infinity, staleTime: Infinity });
  const entry: DeletedUser = { name, at: Date.now() };
  for (const n of namesOf(user)) queryClient.setQueryData(deletedKey(poolId, n), entry);
}

/** The user behind this name exists again (re-created): forget the deletion. */
export function forgetDeletion(queryClient: QueryClient, poolId: string, user: Pick<AppUser, 'username' | 'sub' | 'attributes'>, urlName: string): void {
  for (const n of [urlName, ...namesOf(user)]) queryClient.removeQueries({ queryKey: deletedKey(poolId, n), exact: true });
}

/** The deletion this session recorded for the user named `name`, if any. */
export function useDeletedUser(poolId: string, name: string): DeletedUser | undefined {
  const query = useQuery<DeletedUser | null>({
    queryKey: deletedKey(poolId, name),
    // Only ever set by markDeleted; never fetched.
    queryFn: () => null,
    enabled: false,
    gcTime: Infinity,
    staleTime: Infinity,
  });
  return query.data ?? undefined;
}
