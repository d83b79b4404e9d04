/**
 * ListUsers' Filter grammar, as the API reference documents it:
 *   AttributeName Filter-Type "AttributeValue"
 * with Filter-Type `=` (exact) or `^=` (prefix), the value in double quotes, quotes inside escaped
 * with a backslash, one attribute per filter, and only the ten searchable standard attributes.
 * An empty filter lists everyone.
 */
import { invalidParameter } from '../errors';
import { SEARCHABLE, type Searchable } from './user-store';

export interface UserFilter {
  attribute: Searchable;
  mode: 'exact' | 'prefix';
  value: string;
}

const PARSE_ERROR = 'Error while parsing filter.';

export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  let i = 0;
  const skipSpace = () => {
    while (i < filter.length && /\s/.test(filter[i]!)) i++;
  };

  skipSpace();
  const nameStart = i;
  while (i < filter.length && !/[\s=^"]/.test(filter[i]!)) i++;
  const attribute = filter.slice(nameStart, i);
  if (attribute === '') throw invalidParameter(PARSE_ERROR);

  skipSpace();
  let mode: UserFilter['mode'];
  if (filter.startsWith('^=', i)) {
    mode = 'prefix';
    i += 2;
  } else if (filter[i] === '=') {
    mode = 'exact';
    i += 1;
  } else {
    throw invalidParameter(PARSE_ERROR);
  }

  skipSpace();
  if (filter[i] !== '"') throw invalidParameter(PARSE_ERROR);
  i++;
  let value = '';
  let closed = false;
  while (i < filter.length) {
    const ch = filter[i]!;
    if (ch === '\\') {
      const next = filter[i + 1];
      if (next === undefined) throw invalidParameter(PARSE_ERROR);
      value += next;
      i += 2;
      continue;
    }
    if (ch === '"') {
      closed = true;
      i++;
      break;
    }
    value += ch;
    i++;
  }
  if (!closed) throw invalidParameter(PARSE_ERROR);
  skipSpace();
  if (i !== filter.length) throw invalidParameter(PARSE_ERROR);

  if (!(SEARCHABLE as readonly string[]).includes(attribute)) {
    throw invalidParameter(`Invalid search attribute: ${attribute}`);
  }
  return { attribute: attribute as Searchable, mode, value };
}

/** The filter in one canonical spelling, so pagination tokens bind to its meaning, not its spacing. */
export function canonicalFilter(filter: UserFilter | undefined): string {
  if (!filter) return '';
  return `${filter.attribute} ${filter.mode === 'exact' ? '=' : '^='} ${JSON.stringify(filter.value)}`;
}
