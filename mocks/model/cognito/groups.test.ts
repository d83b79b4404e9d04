import { describe, expect, it } from 'vitest';
import { poolWithClient, rejection, setup } from './test-support';

interface Group {
  GroupName: string;
  Description?: string;
  Precedence?: number;
  RoleArn?: string;
}

describe('groups', () => {
  it('creates, reads, updates and deletes groups with AWS errors', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    const { Group } = await t.call<{ Group: Group & { UserPoolId: string; CreationDate: number } }>('CreateGroup', {
      UserPoolId: poolId,
      GroupName: 'admins',
      Description: 'Operators',
      Precedence: 0,
    });
    expect(Group).toMatchObject({ GroupName: 'admins', UserPoolId: poolId, Description: 'Operators', Precedence: 0 });
    expect(await rejection(t.call('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' }))).toMatchObject({
      code: 'GroupExistsException',
      message: 'A group with the name admins already exists.',
    });
    await t.call('UpdateGroup', { UserPoolId: poolId, GroupName: 'admins', Description: 'Ops', RoleArn: 'arn:aws:iam::000000000000:role/Admin' });
    expect((await t.call<{ Group: Group }>('GetGroup', { UserPoolId: poolId, GroupName: 'admins' })).Group).toMatchObject({
      Description: 'Ops',
      Precedence: 0,
      RoleArn: 'arn:aws:iam::000000000000:role/Admin',
    });
    expect((await rejection(t.call('UpdateGroup', { UserPoolId: poolId, GroupName: 'x', RoleArn: 'not-an-arn' }))).message).toContain("at 'roleArn'");
    await t.call('DeleteGroup', { UserPoolId: poolId, GroupName: 'admins' });
    expect(await rejection(t.call('GetGroup', { UserPoolId: poolId, GroupName: 'admins' }))).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'Group not found.',
    });
  });

  it('manages membership and lists both ways with paging', async () => {
    const t = setup();
    const { poolId } = await poolWithClient(t);
    for (const name of ['a', 'b', 'c']) await t.call('CreateGroup', { UserPoolId: poolId, GroupName: name });
    for (let i = 0; i < 7; i++) t.idp.putUser(poolId, { username: `u${i}` });
    for (let i = 0; i < 7; i++) await t.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: `u${i}`, GroupName: 'b' });
    await t.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'u0', GroupName: 'a' });
    await t.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'u0', GroupName: 'a' });

    const members: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.call<{ Users: { Username: string }[]; NextToken?: string }>('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'b', Limit: 3, NextToken: token });
      members.push(...page.Users.map((u) => u.Username));
      token = page.NextToken;
    } while (token);
    expect(members).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);

    const first = await t.call<{ Groups: Group[]; NextToken?: string }>('ListGroups', { UserPoolId: poolId, Limit: 2 });
    expect(first.Groups.map((g) => g.GroupName)).toEqual(['a', 'b']);
    const second = await t.call<{ Groups: Group[]; NextToken?: string }>('ListGroups', { UserPoolId: poolId, Limit: 2, NextToken: first.NextToken });
    expect(second.Groups.map((g) => g.GroupName)).toEqual(['c']);
    expect(second.NextToken).toBeUndefined();
    const wrongPlace = await rejection(t.call('ListUsersInGroup', { UserPoolId: poolId, GroupName: 'a', NextToken: first.NextToken }));
    expect(wrongPlace.code).toBe('InvalidParameterException');

    const forUser = await t.call<{ Groups: Group[] }>('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'u0' });
    expect(forUser.Groups.map((g) => g.GroupName)).toEqual(['a', 'b']);
    await t.call('AdminRemoveUserFromGroup', { UserPoolId: poolId, Username: 'u0', GroupName: 'b' });
    await t.call('DeleteGroup', { UserPoolId: poolId, GroupName: 'a' });
    expect((await t.call<{ Groups: Group[] }>('AdminListGroupsForUser', { UserPoolId: poolId, Username: 'u0' })).Groups).toEqual([]);
    expect((await rejection(t.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'u0', GroupName: 'zzz' }))).code).toBe('ResourceNotFoundException');
    expect((await rejection(t.call('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'ghost', GroupName: 'b' }))).code).toBe('UserNotFoundException');
  });
});
