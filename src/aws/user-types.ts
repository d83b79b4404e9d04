import type { AttributeType, UserType } from '@aws-sdk/client-cognito-identity-provider';

/** Cognito's UserStatusType, as the app sees it (ARCHIVED, COMPROMISED and UNKNOWN are legacy). */
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'RESET_REQUIRED'
  | 'EXTERNAL_PROVIDER'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN';

export const USER_STATUSES: readonly UserStatus[] = [
  'CONFIRMED',
  'UNCONFIRMED',
  'FORCE_CHANGE_PASSWORD',
  'RESET_REQUIRED',
  'EXTERNAL_PROVIDER',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
];

export interface AppUser {
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  createdAt: Date;
  modifiedAt: Date;
  /** every attribute Cognito returned, including `sub`, keyed by name */
  attributes: Record<string, string>;
}

export function isUserStatus(value: unknown): value is UserStatus {
  return typeof value === 'string' && (USER_STATUSES as readonly string[]).includes(value);
}

export function attributesToRecord(list: readonly AttributeType[] | undefined): Record<string, string> {
  // A null-prototype record: attribute names come from the pool (custom:…) and must never
  // collide with Object.prototype members such as `constructor`.
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const attribute of list ?? []) {
    if (attribute.Name) record[attribute.Name] = attribute.Value ?? '';
  }
  return record;
}

const EPOCH = new Date(0);

/** Maps the SDK's UserType (ListUsers, ListUsersInGroup, AdminCreateUser) to the app's user. */
export function toAppUser(u: UserType): AppUser {
  const attributes = attributesToRecord(u.Attributes);
  return {
    username: u.Username ?? '',
    sub: attributes.sub ?? '',
    status: isUserStatus(u.UserStatus) ? u.UserStatus : 'UNKNOWN',
    // Cognito omits Enabled only in odd legacy shapes; a user it lists is enabled unless told otherwise.
    enabled: u.Enabled ?? true,
    createdAt: u.UserCreateDate ?? EPOCH,
    modifiedAt: u.UserLastModifiedDate ?? u.UserCreateDate ?? EPOCH,
    attributes,
  };
}

/** Stable identity of a listed user: `sub` is immutable and unique; username is the fallback. */
export function userKey(user: Pick<AppUser, 'sub' | 'username'>): string {
  return user.sub || `username:${user.username}`;
}
