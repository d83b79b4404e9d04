/**
 * The list side of users: ListUsers pages (for the partitioned loader), group membership from
 * ListUsersInGroup, the pool's groups, and what DescribeUserPool tells the list (estimated size,
 * schema for extra columns). Every call goes through the tab's rate limiter for its quota
 * category; every failure surfaces as AppError.
 */
import {
  DescribeUserPoolCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AdminContextValue } from './admin-context';
import { toAppError } from './errors';
import { listAllUsers, type ListAllUsersOptions, type ListPage, type ListPageRequest, type ListResult } from './partitioned-list';
import { categoryOf, sharedRateLimiter, type RateLimiter, type RetryInfo } from './rate-limiter';
import { toSchemaAttribute, type SchemaAttribute } from './user-detail';
import { toAppUser, type AppUser } from './user-types';

export type UsersApiContext = Pick<AdminContextValue, 'idp' | 'userPoolId'>;

/** The limiter every users-screen call of this signed-in client shares. */
export function usersRateLimiter(ctx: Pick<AdminContextValue, 'idp'>): RateLimiter {
  return sharedRateLimiter(ctx.idp);
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error);
  }
}

/** One ListUsers call. Not rate-limited by itself: the loader wraps it. */
export async function listUsersPage(ctx: UsersApiContext, request: ListPageRequest, signal?: AbortSignal): Promise<ListPage> {
  const out = await call(() =>
    ctx.idp.send(
      new ListUsersCommand({
        UserPoolId: ctx.userPoolId,
        Filter: request.filter,
        Limit: request.limit,
        PaginationToken: request.paginationToken,
      }),
      { abortSignal: signal },
    ),
  );
  return { users: (out.Users ?? []).map(toAppUser), paginationToken: out.PaginationToken || undefined };
}

export type ListUsersOptions = Omit<ListAllUsersOptions, 'listPage' | 'limiter'> & { limiter?: RateLimiter };

/** Lists every user matching `filter` (partitioned when there is none), streaming to `onUsers`. */
export function listUsers(ctx: UsersApiContext, options: ListUsersOptions): Promise<ListResult> {
  return listAllUsers({
    ...options,
    limiter: options.limiter ?? usersRateLimiter(ctx),
    listPage: (request, signal) => listUsersPage(ctx, request, signal),
  });
}

export interface UserListing {
  /** DescribeUserPool's EstimatedNumberOfUsers */
  estimatedUsers?: number;
  schema: SchemaAttribute[];
  usernameAttributes: string[];
}

export async function describeUserListing(ctx: UsersApiContext, options: { limiter?: RateLimiter; signal?: AbortSignal } = {}): Promise<UserListing> {
  const limiter = options.limiter ?? usersRateLimiter(ctx);
  const out = await limiter.run(
    categoryOf('DescribeUserPool'),
    (signal) => call(() => ctx.idp.send(new DescribeUserPoolCommand({ UserPoolId: ctx.userPoolId }), { abortSignal: signal })),
    { signal: options.signal },
  );
  const pool = out.UserPool ?? {};
  return {
    estimatedUsers: pool.EstimatedNumberOfUsers,
    schema: (pool.SchemaAttributes ?? []).map(toSchemaAttribute).filter((a) => a.name !== ''),
    usernameAttributes: pool.UsernameAttributes ?? [],
  };
}

export interface PoolGroup {
  name: string;
  description?: string;
  precedence?: number;
}

/** Every group of the pool, all pages, sorted by name. */
export async function listPoolGroups(ctx: UsersApiContext, options: { limiter?: RateLimiter; signal?: AbortSignal } = {}): Promise<PoolGroup[]> {
  const limiter = options.limiter ?? usersRateLimiter(ctx);
  const groups: PoolGroup[] = [];
  let token: string | undefined;
  do {
    const out = await limiter.run(
      categoryOf('ListGroups'),
      (signal) =>
        call(() => ctx.idp.send(new ListGroupsCommand({ UserPoolId: ctx.userPoolId, Limit: 60, NextToken: token }), { abortSignal: signal })),
      { signal: options.signal },
    );
    for (const g of out.Groups ?? []) {
      if (g.GroupName) groups.push({ name: g.GroupName, description: g.Description || undefined, precedence: g.Precedence });
    }
    token = out.NextToken || undefined;
  } while (token);
  return groups.sort((a, b) => a.name.localeCompare(b.name));
}

/** One group's members, all pages. */
export async function listUsersInGroup(
  ctx: UsersApiContext,
  group: string,
  options: { limiter?: RateLimiter; signal?: AbortSignal; onRetry?: (info: RetryInfo) => void } = {},
): Promise<AppUser[]> {
  const limiter = options.limiter ?? usersRateLimiter(ctx);
  const members: AppUser[] = [];
  let token: string | undefined;
  do {
    const out = await limiter.run(
      categoryOf('ListUsersInGroup'),
      (signal) =>
        call(() =>
          ctx.idp.send(new ListUsersInGroupCommand({ UserPoolId: ctx.userPoolId, GroupName: group, Limit: 60, NextToken: token }), {
            abortSignal: signal,
          }),
        ),
      { signal: options.signal, onRetry: options.onRetry },
    );
    members.push(...(out.Users ?? []).map(toAppUser));
    token = out.NextToken || undefined;
  } while (token);
  return members;
}

/**
 * Group membership for the whole pool: each group's members listed (groups in parallel, within
 * the UserList quota) and joined by username — one chain per group instead of one
 * AdminListGroupsForUser call per user.
 */
export async function loadGroupMembership(
  ctx: UsersApiContext,
  groups: readonly string[],
  options: { limiter?: RateLimiter; signal?: AbortSignal; onGroup?: (group: string, members: AppUser[]) => void } = {},
): Promise<Map<string, string[]>> {
  const results = await Promise.all(
    groups.map(async (group) => {
      const members = await listUsersInGroup(ctx, group, options);
      options.onGroup?.(group, members);
      return [group, members] as const;
    }),
  );
  return joinMembership(results);
}

/** Pure join: group → members into username → sorted group names. */
export function joinMembership(results: Iterable<readonly [string, readonly Pick<AppUser, 'username'>[]]>): Map<string, string[]> {
  const membership = new Map<string, string[]>();
  for (const [group, members] of results) {
    for (const member of members) {
      const list = membership.get(member.username);
      if (list) {
        if (!list.includes(group)) list.push(group);
      } else membership.set(member.username, [group]);
    }
  }
  for (const list of membership.values()) list.sort((a, b) => a.localeCompare(b));
  return membership;
}
