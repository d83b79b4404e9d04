/**
 * The ListUsers `Filter` grammar: `attribute = "value"` or `attribute ^= "value"`. Shared by the
 * users list's search and the email screen's lookup, so a value is escaped the same way everywhere.
 */

export type SearchMatch = 'equals' | 'starts-with';

/** ListUsers' UserFilterType allows at most 256 characters. */
export const MAX_FILTER_LENGTH = 256;

/**
 * Escapes a value for the inside of a Cognito filter's double quotes. The grammar knows exactly
 * two escapes — `\"` and `\\` — so the backslash goes first or it would double the quote escapes.
 */
export function escapeFilterValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

export function filterExpression(attribute: string, match: SearchMatch, value: string): string {
  const operator = match === 'equals' ? '=' : '^=';
  return `${attribute} ${operator} "${escapeFilterValue(value)}"`;
}
