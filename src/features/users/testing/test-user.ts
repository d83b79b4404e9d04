/** Test-only: a user as ListUsers returns them, numbered (u1 / sub-1 / u1@example.com). */
import type { AppUser } from '@/aws/user-types';

export function testUser(n: number, extra: Partial<AppUser> = {}): AppUser {
  return {
    username: `u${n}`,
    sub: `sub-${n}`,
    status: 'UNCONFIRMED',
    enabled: true,
    createdAt: new Date(0),
    modifiedAt: new Date(0),
    attributes: { sub: `sub-${n}`, email: `u${n}@example.com` },
    ...extra,
  };
}
