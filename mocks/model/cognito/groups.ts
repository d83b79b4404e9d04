/**
 * Groups and membership: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups,
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup.
 */
import { ServiceError, notFound } from '../errors';
import type { CallContext } from '../types';
import { epochSeconds, getPool, getUser, type Engine, type Input } from './engine';
import { decodePageToken, encodePageToken, isNameCursor, isSeqCursor } from './pagination';
import { firstAfter } from './seq-array';
import type { GroupRecord, PoolRecord } from './state';
import { toUserType } from './user-view';

/** QueryLimitType allows 0; Cognito then uses its page size. */
const pageSize = (limit: unknown) => (typeof limit === 'number' && limit > 0 ? limit : 60);

export const toGroupType = (pool: PoolRecord, g: GroupRecord) => ({
  GroupName: g.name,
  UserPoolId: pool.id,
  ...(g.description !== undefined ? { Description: g.description } : {}),
  ...(g.roleArn !== undefined ? { RoleArn: g.roleArn } : {}),
  ...(g.precedence !== undefined ? { Precedence: g.precedence } : {}),
  LastModifiedDate: epochSeconds(g.modifiedAt),
  CreationDate: epochSeconds(g.createdAt),
});

export function getGroupRecord(pool: PoolRecord, name: unknown): GroupRecord {
  const group = typeof name === 'string' ? pool.groups.get(name) : undefined;
  if (!group) throw notFound('Group not found.');
  return group;
}

export function createGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const name = input.GroupName as string;
  if (pool.groups.has(name)) throw new ServiceError('GroupExistsException', `A group with the name ${name} already exists.`);
  const now = engine.env.clock.now();
  const group: GroupRecord = {
    name,
    description: input.Description as string | undefined,
    roleArn: input.RoleArn as string | undefined,
    precedence: input.Precedence as number | undefined,
    createdAt: now,
    modifiedAt: now,
  };
  pool.groups.set(name, group);
  return { Group: toGroupType(pool, group) };
}

export function getGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  return { Group: toGroupType(pool, getGroupRecord(pool, input.GroupName)) };
}

export function updateGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const group = getGroupRecord(pool, input.GroupName);
  if (input.Description !== undefined) group.description = input.Description as string;
  if (input.RoleArn !== undefined) group.roleArn = input.RoleArn as string;
  if (input.Precedence !== undefined) group.precedence = input.Precedence as number;
  group.modifiedAt = engine.env.clock.now();
  return { Group: toGroupType(pool, group) };
}

export function deleteGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const group = getGroupRecord(pool, input.GroupName);
  pool.users.dropGroup(group.name);
  pool.groups.delete(group.name);
  return {};
}

function sortedGroups(pool: PoolRecord, names?: readonly string[]): GroupRecord[] {
  const groups = names ? names.map((n) => pool.groups.get(n)).filter((g): g is GroupRecord => !!g) : [...pool.groups.values()];
  return groups.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function groupPage(pool: PoolRecord, groups: GroupRecord[], operation: string, query: string, input: Input) {
  const limit = pageSize(input.Limit);
  const after = decodePageToken(operation, query, input.NextToken, isNameCursor);
  const start = after ? groups.findIndex((g) => g.name > after.n) : 0;
  const page = start === -1 ? [] : groups.slice(start, start + limit);
  const more = start !== -1 && start + limit < groups.length;
  return {
    Groups: page.map((g) => toGroupType(pool, g)),
    ...(more ? { NextToken: encodePageToken(operation, query, { n: page[page.length - 1]!.name }) } : {}),
  };
}

export function listGroups(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  return groupPage(pool, sortedGroups(pool), 'ListGroups', `pool=${pool.id}`, input);
}

export function adminListGroupsForUser(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const user = getUser(pool, input.Username);
  return groupPage(pool, sortedGroups(pool, user.groups), 'AdminListGroupsForUser', `pool=${pool.id};user=${user.sub}`, input);
}

export function adminAddUserToGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const group = getGroupRecord(pool, input.GroupName);
  const user = getUser(pool, input.Username);
  pool.users.addToGroup(user, group.name);
  return {};
}

export function adminRemoveUserFromGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const group = getGroupRecord(pool, input.GroupName);
  const user = getUser(pool, input.Username);
  pool.users.removeFromGroup(user, group.name);
  return {};
}

export function listUsersInGroup(engine: Engine, input: Input, ctx: CallContext) {
  const pool = getPool(engine, input.UserPoolId, ctx);
  const group = getGroupRecord(pool, input.GroupName);
  const limit = pageSize(input.Limit);
  const query = `pool=${pool.id};group=${group.name}`;
  const after = decodePageToken('ListUsersInGroup', query, input.NextToken, isSeqCursor);
  const members = pool.users.membersOf(group.name);
  const start = after ? firstAfter(members, after.s) : 0;
  const page = members.slice(start, start + limit);
  const more = start + limit < members.length;
  return {
    Users: page.map((u) => toUserType(u)),
    ...(more ? { NextToken: encodePageToken('ListUsersInGroup', query, { s: page[page.length - 1]!.seq }) } : {}),
  };
}
