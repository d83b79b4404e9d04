import { USER_STATUSES, type UserStatus } from '@/aws/user-types';
import {
  isSearchableAttribute,
  SEARCHABLE_ATTRIBUTES,
  validateSearch,
  type AttributeSearch,
  type EnabledFilter,
  type SearchMatch,
  type UsersView,
} from './filter-model';

/** The query-string names a support link carries, e.g. `/users?attribute=email&match=starts-with&value=bob`. */
export const VIEW_PARAMS = ['attribute', 'match', 'value', 'status', 'enabled', 'q'] as const;

export interface ParsedView {
  view: UsersView;
  /** one sentence per part of the link that could not be used; those parts are ignored */
  problems: string[];
}

const MATCH_ALIASES: Record<string, SearchMatch> = {
  equals: 'equals',
  eq: 'equals',
  '=': 'equals',
  'starts-with': 'starts-with',
  startswith: 'starts-with',
  prefix: 'starts-with',
  '^=': 'starts-with',
};

const quoted = (value: string) => `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;

/** Reads a view from the URL. Never throws: a malformed link yields the usable parts plus problems. */
export function parseViewParams(params: URLSearchParams): ParsedView {
  const problems: string[] = [];
  const view: UsersView = {};

  const attribute = params.get('attribute');
  const value = params.get('value');
  const matchRaw = params.get('match');
  if (attribute !== null || value !== null || matchRaw !== null) {
    let match: SearchMatch = 'starts-with';
    if (matchRaw !== null) {
      const known = MATCH_ALIASES[matchRaw.trim().toLowerCase()];
      if (known) match = known;
      else problems.push(`${quoted(matchRaw)} is not a match Cognito supports; searching with “starts with” instead (Cognito offers “equals” and “starts with”).`);
    }
    if (attribute === null || attribute === '') {
      if (value) problems.push(`The link searches for ${quoted(value)} but names no attribute, so the search was ignored.`);
    } else if (!isSearchableAttribute(attribute)) {
      problems.push(
        `${quoted(attribute)} is not an attribute Cognito can search, so the search was ignored. Searchable: ${SEARCHABLE_ATTRIBUTES.join(', ')}.`,
      );
    } else if (value === null || value === '') {
      problems.push(`The link names the attribute ${quoted(attribute)} but no value, so the search was ignored.`);
    } else {
      const search: AttributeSearch = { attribute, match, value };
      const invalid = validateSearch(search);
      if (invalid.length > 0) problems.push(...invalid.map((p) => `Search ignored: ${p}`));
      else view.search = search;
    }
  }

  const status = params.get('status');
  if (status !== null && status !== '') {
    const upper = status.trim().toUpperCase() as UserStatus;
    if (USER_STATUSES.includes(upper)) view.status = upper;
    else problems.push(`${quoted(status)} is not a user status, so that filter was ignored. Statuses: ${USER_STATUSES.join(', ')}.`);
  }

  const enabled = params.get('enabled');
  if (enabled !== null && enabled !== '') {
    const lower = enabled.trim().toLowerCase();
    if (lower === 'enabled' || lower === 'disabled') view.enabled = lower as EnabledFilter;
    else problems.push(`${quoted(enabled)} is not “enabled” or “disabled”, so that filter was ignored.`);
  }

  const q = params.get('q');
  if (q) view.q = q;

  return { view, problems };
}

/** Writes a view to query parameters; keeps any parameter that is not part of the view. */
export function viewToParams(view: UsersView, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of VIEW_PARAMS) params.delete(name);
  if (view.search && view.search.value !== '') {
    params.set('attribute', view.search.attribute);
    params.set('match', view.search.match);
    params.set('value', view.search.value);
  }
  if (view.status) params.set('status', view.status);
  if (view.enabled) params.set('enabled', view.enabled);
  if (view.q) params.set('q', view.q);
  return params;
}

export function isEmptyView(view: UsersView): boolean {
  return !view.search && !view.status && !view.enabled && !view.q;
}
