import type { AppUser } from '@/aws/user-types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What people call a user. Pools that sign in by email or phone give every user a generated UUID
 * username; support staff know them by the address, so that is what headings and messages show.
 */
export function displayName(user: Pick<AppUser, 'username' | 'sub' | 'attributes'>): string {
  const generated = user.username === user.sub || uuid.test(user.username);
  if (!generated) return user.username;
  return user.attributes.email || user.attributes.phone_number || user.username;
}
