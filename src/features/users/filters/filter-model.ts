import type { UserStatus } from '@/aws/user-types';
import { filterExpression, MAX_FILTER_LENGTH, type SearchMatch } from '@/lib/cognito-filter';

export { escapeFilterValue, filterExpression, MAX_FILTER_LENGTH, type SearchMatch } from '@/lib/cognito-filter';

/**
 * The attributes ListUsers can search (AWS API reference, ListUsers `Filter`). Custom attributes
 * are not searchable server-side; the table's quick filter covers them on loaded users.
 */
export const SEARCHABLE_ATTRIBUTES = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;
export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

export const SEARCHABLE_ATTRIBUTE_LABELS: Record<SearchableAttribute, string> = {
  username: 'Username',
  email: 'Email',
  phone_number: 'Phone number',
  name: 'Name',
  given_name: 'Given name',
  family_name: 'Family name',
  preferred_username: 'Preferred username',
  'cognito:user_status': 'Status',
  status: 'Enabled / disabled',
  sub: 'User ID (sub)',
};

export const SEARCH_MATCHES: readonly SearchMatch[] = ['equals', 'starts-with'];

export interface AttributeSearch {
  attribute: SearchableAttribute;
  match: SearchMatch;
  value: string;
}

export type EnabledFilter = 'enabled' | 'disabled';

/** Everything that defines which users the list shows; serialised to the URL. */
export interface UsersView {
  search?: AttributeSearch;
  status?: UserStatus;
  enabled?: EnabledFilter;
  /** instant client-side text filter over every loaded column */
  q?: string;
}

export function isSearchableAttribute(value: string): value is SearchableAttribute {
  return (SEARCHABLE_ATTRIBUTES as readonly string[]).includes(value);
}

/** The one server-side filter a ListUsers call carries, and what remains for the client. */
export interface QueryPlan {
  /** the Cognito `Filter` string, or undefined to list everyone (partitioned loading) */
  serverFilter: string | undefined;
  /** filters Cognito could not take in the same call, applied to loaded users */
  clientStatus?: UserStatus;
  clientEnabled?: EnabledFilter;
}

/**
 * Cognito accepts one filter per ListUsers call. The operator's attribute search is the most
 * selective, so it goes to the server; a status quick filter goes there when there is no search,
 * then the enabled filter. Whatever is left is applied to the loaded users.
 */
export function planQuery(view: UsersView): QueryPlan {
  if (view.search && view.search.value !== '') {
    return {
      serverFilter: filterExpression(view.search.attribute, view.search.match, view.search.value),
      clientStatus: view.status,
      clientEnabled: view.enabled,
    };
  }
  if (view.status) {
    return { serverFilter: filterExpression('cognito:user_status', 'equals', view.status), clientEnabled: view.enabled };
  }
  if (view.enabled) {
    // `status` is case-sensitive and takes exactly "Enabled" or "Disabled".
    return { serverFilter: filterExpression('status', 'equals', view.enabled === 'enabled' ? 'Enabled' : 'Disabled') };
  }
  return { serverFilter: undefined };
}

/**
 * Checks a search the operator typed before it is sent. Returns a sentence per problem; the
 * emulator and Cognito would answer InvalidParameterException, but a person deserves the reason first.
 */
export function validateSearch(search: AttributeSearch): string[] {
  const problems: string[] = [];
  if (search.value === '') problems.push('Type a value to search for.');
  if (hasControlCharacter(search.value)) problems.push('The search value cannot contain control characters such as line breaks or tabs.');
  const expression = filterExpression(search.attribute, search.match, search.value);
  if (expression.length > MAX_FILTER_LENGTH) {
    problems.push(`The search is too long: Cognito accepts filters of at most ${MAX_FILTER_LENGTH} characters.`);
  }
  if (search.attribute === 'status' && search.match === 'equals' && search.value !== '' && search.value !== 'Enabled' && search.value !== 'Disabled') {
    problems.push('“Enabled / disabled” matches exactly “Enabled” or “Disabled” (case-sensitive).');
  }
  return problems;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Cache key of a server query: two views with the same server filter share one load. */
export function serverQueryKey(plan: QueryPlan): string {
  return plan.serverFilter ?? '*';
}
