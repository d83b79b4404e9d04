import type { AppUser } from '@/aws/user-types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pools that sign in by email or phone give every user a generated UUID username. */
export function hasGeneratedUsername(user: Pick<AppUser, 'username' | 'sub'>): boolean {
  return user.username === user.sub || uuid.test(user.username);
}

/**
 * What people call a user. Where the username is a generated UUID, support staff know them by the
 * address, so that is what headings, the list's first column and messages show.
 */
export function displayName(user: Pick<AppUser, 'username' | 'sub' | 'attributes'>): string {
  if (!hasGeneratedUsername(user)) return user.username;
  return user.attributes.email || user.attributes.phone_number || user.attributes.preferred_username || user.username;
}
