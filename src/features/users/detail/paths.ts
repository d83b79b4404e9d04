/**
 * Typed links to the user page and the create form, so a pasted link opens the right tab and no
 * screen builds these URLs by hand. Usernames may hold any character (email addresses, `/`, `%`),
 * hence encodeURIComponent.
 */
export const userTabs = [
  { id: 'attributes', label: 'Attributes' },
  { id: 'groups', label: 'Groups' },
  { id: 'security', label: 'Password & MFA' },
  { id: 'history', label: 'History' },
] as const;

export type UserTab = (typeof userTabs)[number]['id'];

export const userPaths = {
  list: () => '/users',
  create: () => '/users/new',
  user: (username: string, tab: UserTab = 'attributes') => `/users/${encodeURIComponent(username)}/${tab}`,
};

/** Navigation state the user page and the list read to show what just happened. */
export interface NoticeState {
  notice?: string;
  /** 'error' when part of what was asked failed (e.g. created, but not added to a group) */
  noticeTone?: 'success' | 'error';
}

export function noticeFrom(state: unknown): { text: string; tone: 'success' | 'error' } | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { notice, noticeTone } = state as NoticeState;
  if (typeof notice !== 'string' || notice === '') return undefined;
  return { text: notice, tone: noticeTone === 'error' ? 'error' : 'success' };
}
