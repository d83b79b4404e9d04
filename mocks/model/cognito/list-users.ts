/**
 * ListUsers: the documented filter grammar over the user store's indexes, Limit (QueryLimitType
 * 0..60, 0 meaning the default 60), AttributesToGet, and an opaque PaginationToken bound to the
 * pool and filter. Every page comes in insertion order with the last seq as cursor, so one chain of
 * pages never repeats or skips a user that stays put.
 */
import type { CallContext } from '../types';
import { getPool, type Engine, type Input } from './engine';
import { canonicalFilter, parseUserFilter } from './filter';
import { decodePageToken, encodePageToken, isSeqCursor } from './pagination';
import { toUserType } from './user-view';

export function listUsers(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const filter = parseUserFilter(input.Filter as string | undefined);
  const limit = typeof input.Limit === 'number' && input.Limit > 0 ? input.Limit : 60;
  const query = `pool=${pool.id};filter=${canonicalFilter(filter)}`;
  const after = decodePageToken('ListUsers', query, input.PaginationToken, isSeqCursor);
  const only = Array.isArray(input.AttributesToGet) ? new Set(input.AttributesToGet as string[]) : undefined;

  let users;
  let next;
  if (!filter) {
    const page = pool.users.page(after?.s ?? 0, limit);
    users = page.users;
    next = page.next !== undefined ? { s: page.next } : undefined;
  } else {
    const page = pool.users.search(filter.attribute, filter.mode, filter.value, after, limit);
    users = page.users;
    next = page.next;
  }
  return {
    Users: users.map((u) => toUserType(u, only)),
    ...(next ? { PaginationToken: encodePageToken('ListUsers', query, next) } : {}),
  };
}
