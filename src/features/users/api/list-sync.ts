/**
 * Keeps loaded lists in step with the user page without reloading them: when the user page reads
 * a user or their groups afresh (after an action, or on opening), the list's row follows; when it
 * finds the user gone, the row goes.
 */
import type { QueryClient } from '@tanstack/react-query';
import { toAppError } from '@/aws/errors';
import type { AppUser } from '@/aws/user-types';
import { cachedLoads } from './users-queries';
import type { UserChange } from './users-load';

const isAppUser = (value: unknown): value is AppUser =>
  typeof value === 'object' && value !== null && 'username' in value && 'attributes' in value && 'status' in value;

function applyByUsername(queryClient: QueryClient, poolId: string, username: string, change: UserChange) {
  for (const load of cachedLoads(queryClient, poolId)) {
    const key = load.findKey(username);
    if (key) load.applyChanges([[key, change]]);
  }
}

/** Removes a user from every loaded list (the user page calls this after deleting one). */
export function forgetUser(queryClient: QueryClient, poolId: string, username: string): void {
  applyByUsername(queryClient, poolId, username, { type: 'deleted' });
}

/** Subscribes to the user page's queries ('user-detail', pool, username[, 'groups']). */
export function followUserPage(queryClient: QueryClient, poolId: string): () => void {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const key = event.query.queryKey;
    if (key[0] !== 'user-detail' || key[1] !== poolId || typeof key[2] !== 'string') return;
    const username = key[2];
    if (event.action.type === 'success') {
      const data: unknown = event.query.state.data;
      if (key.length === 3 && isAppUser(data)) applyByUsername(queryClient, poolId, username, { type: 'patch', user: data });
      if (key.length === 4 && key[3] === 'groups' && Array.isArray(data)) {
        const groups = data.map((g: { name?: unknown }) => (typeof g.name === 'string' ? g.name : '')).filter(Boolean);
        applyByUsername(queryClient, poolId, username, { type: 'patch', groups });
      }
    } else if (event.action.type === 'error' && key.length === 3 && toAppError(event.action.error).code === 'UserNotFoundException') {
      forgetUser(queryClient, poolId, username);
    }
  });
}
