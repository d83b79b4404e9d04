import { userKey, type AppUser } from '@/aws/user-types';

/** One line of the users table: the user, their groups once membership has loaded, and search text. */
export interface UserRow {
  /** stable row id (the user's sub) */
  key: string;
  user: AppUser;
  /** undefined until group membership has loaded */
  groups: readonly string[] | undefined;
  /** lower-cased text of every value shown or searchable, for the instant quick filter */
  search: string;
}

export function toUserRow(user: AppUser, groups: readonly string[] | undefined): UserRow {
  const parts: string[] = [user.username, user.status, user.enabled ? 'enabled' : 'disabled'];
  for (const name in user.attributes) parts.push(user.attributes[name]!);
  if (groups) parts.push(...groups);
  return { key: userKey(user), user, groups, search: parts.join('\u0001').toLowerCase() };
}

/**
 * Quick-filter terms: whitespace separates terms that must all match; "double quotes" keep a
 * phrase together. Lower-cased, because the search text is.
 */
export function parseQuickFilter(text: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const term = (match[1] ?? match[2] ?? '').toLowerCase();
    if (term) terms.push(term);
  }
  return terms;
}

export function rowMatches(row: UserRow, terms: readonly string[]): boolean {
  for (const term of terms) if (!row.search.includes(term)) return false;
  return true;
}
